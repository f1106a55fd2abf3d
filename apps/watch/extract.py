"""From a fetched policy page to the text whose hash decides whether it changed.

1. Parse the HTML (selectolax's Lexbor engine: a fast, standards-compliant HTML5 parser).
2. Take the part that matters: the document's CSS ``selector`` when it declares one, else the
   main content (``<main>``, ``<article>``, ``[role=main]``, then ``<body>``), without scripts,
   styles, navigation, headers, footers, forms and cookie banners.
3. Keep block structure as lines (one paragraph, heading or list item per line) so diffs read
   like the policy, and normalise everything that changes without the policy changing: Unicode
   forms, invisible characters, whitespace, times of day and timestamps (when the page was
   rendered), and long random tokens (cache busters, tracking ids).

Dates without a time ("Last updated: 4 June 2026") are content and are kept.

``readable_text(body, content_type, selector)`` is the entry point for a fetched response: it
decodes by the declared charset, extracts HTML (or takes plain text as it is) and refuses what
is not a readable page. ``EXTRACTOR_VERSION`` changes whenever these rules change what text a
page gives, so the watch starts a new baseline instead of reporting every document as changed.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from typing import Any

from selectolax.lexbor import LexborHTMLParser

SKIP_TAGS = {
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
    "head", "nav", "header", "footer", "aside", "form", "button", "select", "input", "textarea",
    "dialog", "-comment",
}  # fmt: skip
BLOCK_TAGS = {
    "address", "article", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main",
    "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
}  # fmt: skip
MAIN_CANDIDATES = ("main", "article", "[role=main]", "body")
# Banners and widgets that are not the policy, by the class/id names sites commonly use.
NOISE = re.compile(r"cookie|consent|gdpr-banner|onetrust|newsletter|share-buttons", re.I)

_SPACE = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_TIMESTAMP = re.compile(
    r"\b\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s?(?:UTC|GMT|[A-Z]{2,4}T))?"
)
_TOKEN = re.compile(r"\b(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{24,}\b")


# Bump when a change to the rules below changes the text existing pages give.
EXTRACTOR_VERSION = 1

HTML_TYPES = {"text/html", "application/xhtml+xml", ""}  # "": no Content-Type, assume a page
PLAIN_TYPES = {"text/plain"}
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


class UnreadablePage(ValueError):
    """The response holds no policy text we can compare (the reason is the message)."""


class SelectorNotFound(UnreadablePage):
    """The declared CSS selector matched nothing: the page's layout changed, or the selector is wrong."""


class UnsupportedContent(UnreadablePage):
    """Not an HTML page or plain text (a PDF, an image…)."""


class EmptyText(UnreadablePage):
    """The page has no readable text (typically one that is built by JavaScript)."""


def _is_noise(node: Any) -> bool:
    attributes = node.attributes or {}
    marker = f"{attributes.get('id') or ''} {attributes.get('class') or ''}"
    return bool(marker.strip()) and bool(NOISE.search(marker))


def _walk(node: Any, out: list[str], *, preformatted: bool = False) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            text = child.text_content or ""
            # Outside <pre>, a line break in the markup is just a space, as a browser shows it.
            out.append(text if preformatted else _SPACE.sub(" ", text))
        elif tag in SKIP_TAGS or _is_noise(child):
            continue
        elif tag in BLOCK_TAGS:
            out.append("\n")
            _walk(child, out, preformatted=preformatted or tag == "pre")
            out.append("\n")
        else:
            _walk(child, out, preformatted=preformatted)


def normalize(text: str) -> str:
    """One logical line per block, stable under whitespace, rendering times and tokens."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    lines = []
    for raw in text.splitlines():
        line = _TIMESTAMP.sub("", raw)
        line = _TOKEN.sub("", line)
        line = " ".join(line.split())
        if line:
            lines.append(line)
    return "\n".join(lines)


def extract_text(html: str | bytes, selector: str = "") -> str:
    """The normalised readable text of the part of ``html`` that matters."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    tree = LexborHTMLParser(html)
    if selector:
        nodes = tree.css(selector)
        if not nodes:
            raise SelectorNotFound(f"the selector {selector!r} matched nothing on the page")
    else:
        nodes = []
        for candidate in MAIN_CANDIDATES:
            node = tree.css_first(candidate)
            if node is not None:
                nodes = [node]
                break
    out: list[str] = []
    for node in nodes:
        out.append("\n")
        _walk(node, out)
    return normalize("".join(out))


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def decode(body: bytes, content_type: str) -> str:
    """The body as text, by the charset the server declared (UTF-8 when none or unknown)."""
    match = _CHARSET.search(content_type)
    encoding = "utf-8"
    if match:
        try:
            encoding = codecs.lookup(match.group(1)).name
        except LookupError:
            encoding = "utf-8"
    return body.decode(encoding, errors="replace")


def readable_text(body: bytes, content_type: str = "", selector: str = "") -> str:
    """The normalised text of a fetched response, or ``UnreadablePage`` saying why not."""
    kind = media_type(content_type)
    if kind in PLAIN_TYPES:
        if selector:
            raise SelectorNotFound(
                f"the selector {selector!r} cannot apply: the server sent plain text"
            )
        text = normalize(decode(body, content_type))
    elif kind in HTML_TYPES:
        text = extract_text(decode(body, content_type), selector)
    else:
        raise UnsupportedContent(f"not a web page: the server sent {kind}")
    if not text:
        raise EmptyText("no readable text on the page (it may be built by JavaScript)")
    return text
