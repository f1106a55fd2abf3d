"""What a browser test checks on a page for accessibility and small screens.

``axe_violations(page)`` runs axe-core (the npm package, installed from package-lock.json by
``bin/test``: ``node_modules/axe-core/axe.min.js``) in the page and returns its violations, of
any impact, as readable lines. The script is evaluated through Playwright (DevTools protocol),
which the page's Content-Security-Policy does not apply to, so the app's CSP stays strict.

``heading_problems(page)``: headings must start at h1 and never skip a level going down.
``overflow(page, width)``: how many CSS pixels the document is wider than a ``width`` viewport
(WCAG 1.4.10 reflow: 0 at 320 px).
``focus_ring_problems(page)``: every element Tab reaches shows a ring with at least 3:1
contrast against what it is drawn on (WCAG 1.4.11).
"""

from __future__ import annotations

import os
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"

# Every rule axe runs by default, plus the WCAG 2.2 target size (24 × 24 CSS px), which some
# axe versions leave off by default.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}


@cache
def axe_source() -> str:
    if not AXE.exists():
        message = (
            f"axe-core is not installed ({AXE}): bin/test installs it from package-lock.json "
            "with npm (Debian: apt install nodejs npm)"
        )
        if os.environ.get("RIGHTSDESK_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: Any, where: str = "") -> list[str]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    found = page.evaluate(
        "options => axe.run(document, options).then(r => r.violations.map(v => ({"
        "id: v.id, impact: v.impact, help: v.help,"
        "nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' — ' + n.failureSummary)"
        "})))",
        AXE_OPTIONS,
    )
    prefix = f"{where or page.url}: " if where or page.url else ""
    return [
        f"{prefix}{v['id']} ({v['impact']}): {v['help']} | " + " || ".join(v["nodes"])
        for v in found
    ]


_HEADINGS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .filter(h => h.getClientRects().length || h.closest('details'))
  .map(h => [Number(h.tagName[1]), h.textContent.trim().slice(0, 60)])"""


def heading_problems(page: Any, where: str = "") -> list[str]:
    """Headings in document order: the first is an h1, and none goes more than one level deeper
    than the one before it (h2 → h4 skips a level; going back up is always fine)."""
    headings = page.evaluate(_HEADINGS)
    problems = []
    if not headings or headings[0][0] != 1:
        problems.append(f"{where}: the first heading is not an h1 ({headings[:1]})")
    for (before, _), (level, text) in pairwise(headings):
        if level > before + 1:
            problems.append(f"{where}: h{before} → h{level} “{text}” skips a level")
    return problems


def overflow(page: Any, width: int) -> int:
    page.set_viewport_size({"width": width, "height": 800})
    return page.evaluate(
        "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"
    )


_FOCUS_RING = """() => {
  const parse = c => { const m = c.match(/[\\d.]+/g); return m ? m.map(Number) : [0, 0, 0, 0]; };
  const lum = ([r, g, b]) => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
                            return (x + 0.05) / (y + 0.05); };
  const behind = el => {  // the first opaque background at or above the element's parent
    for (let n = el.parentElement; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const label = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' “' +
                (el.textContent || el.value || el.name || '').trim().slice(0, 40) + '”';
  if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2)
    return [label, 0, style.outlineStyle + ' ' + style.outlineWidth];
  return [label, ratio(parse(style.outlineColor).slice(0, 3), behind(el)), style.outlineColor];
}"""


def focus_ring_problems(page: Any, where: str = "", stops: int = 40) -> list[str]:
    """Tab through the page (up to ``stops`` elements) and check each one's focus ring."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    problems, seen = [], set()
    for _ in range(stops):
        page.keyboard.press("Tab")
        found = page.evaluate(_FOCUS_RING)
        if found is None:
            continue
        label, contrast, detail = found
        if label in seen:
            break  # wrapped around
        seen.add(label)
        if contrast < 3:
            problems.append(f"{where}: {label}: focus ring {detail}, contrast {contrast:.2f}:1")
    return problems
