"""Compare pages in a real browser: they fit a 1280 px window and a 390 px phone (a wide table
scrolls inside its own box, never the page), and uncertain answers keep their badges."""

from __future__ import annotations

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("real_catalog"),
]

# How far the page may be wider than the window before a person has to scroll sideways.
PAGE_OVERFLOW = """() => document.documentElement.scrollWidth - window.innerWidth"""


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)], ids=["desktop", "phone"])
@pytest.mark.parametrize("url", ["/compare/", "/compare/training-inputs/", "/compare/retention/"])
def test_compare_pages_never_scroll_the_page_sideways(page, screenshot, url, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(url)
    assert page.evaluate(PAGE_OVERFLOW) <= 0
    screenshot(f"{width}")
    # The table is all there: wide tables scroll in their own box (or lay out as cards).
    box = page.locator(".table-wrap").first
    assert box.is_visible()
    assert box.evaluate("el => el.getBoundingClientRect().right") <= width


def test_a_phone_reader_sees_the_badges_and_can_scroll_the_matrix_itself(page, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/compare/")
    nightcafe = page.locator("tr", has=page.get_by_role("rowheader", name="NightCafe"))
    assert nightcafe.locator(".badge-inferred").count() >= 2  # public/private: inferences
    matrix = page.locator(".matrix-wrap")
    assert matrix.evaluate("el => el.scrollWidth > el.clientWidth")
    matrix.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    assert matrix.evaluate("el => el.scrollLeft") > 0
    assert page.evaluate("() => window.scrollX") == 0
    screenshot("matrix-scrolled")
