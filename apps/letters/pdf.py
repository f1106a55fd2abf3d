"""PDF letters with WeasyPrint, fetching nothing but the app's own PDF assets.

The letter is rendered from an autoescaped Django template (``letters/letter.html``), so nothing
a person typed can become markup. Whatever the HTML asks for (a stylesheet, a font, an image),
:class:`AssetsOnlyFetcher` serves it only when it is a ``file://`` URL of a regular file inside
``apps/letters/pdf_assets/`` (symbolic links resolved): every other URL (``http(s)://``,
``data:``, ``file://`` anywhere else, ``ftp:``…) is refused and stops the render, so a
template mistake can never make the server fetch something or read a file it should not.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from .content import Letter, long_date

logger = logging.getLogger(__name__)

ASSETS_DIR = (Path(__file__).resolve().parent / "pdf_assets").resolve()
TEMPLATE = "letters/letter.html"
CONTENT_TYPES = {
    ".css": "text/css",
    ".ttf": "font/ttf",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}


class RefusedURL(FatalURLFetchingError):
    """The PDF asked for something outside the app's own PDF assets."""


class AssetsOnlyFetcher(URLFetcher):
    """Serves files under :data:`ASSETS_DIR`; refuses every other URL (``refused`` lists them)."""

    def __init__(self, assets_dir: Path = ASSETS_DIR) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.assets_dir = assets_dir.resolve()
        self.refused: list[str] = []
        self.served: list[str] = []

    def asset_path(self, url: str) -> Path | None:
        """The asset a URL names, or None when it names anything else."""
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return None
        if parts.query or parts.fragment:
            return None
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self.assets_dir) or not path.is_file():
            return None
        return path

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        path = self.asset_path(url)
        if path is None:
            self.refused.append(url)
            logger.warning("PDF render refused a URL outside the PDF assets")
            raise RefusedURL(f"The PDF renderer fetches only its own assets; refused {url[:200]!r}")
        self.served.append(path.name)
        return URLFetcherResponse(
            path.as_uri(),
            body=path.read_bytes(),
            headers={"Content-Type": CONTENT_TYPES.get(path.suffix, "application/octet-stream")},
        )


def html_to_pdf(html: str, *, fetcher: AssetsOnlyFetcher | None = None) -> bytes:
    """Any HTML to PDF bytes, resolving relative URLs against the assets directory, fetching
    through ``fetcher`` (a new :class:`AssetsOnlyFetcher` by default)."""
    fetcher = fetcher or AssetsOnlyFetcher()
    document = HTML(string=html, base_url=ASSETS_DIR.as_uri() + "/", url_fetcher=fetcher)
    return document.write_pdf()


def recipient_lines(letter: Letter) -> list[str]:
    """The recipient's address block: legal entity (or name), the service, postal address."""
    recipient = letter.recipient
    lines = [recipient.legal_entity or recipient.name]
    if recipient.legal_entity and recipient.name != recipient.legal_entity:
        lines.append(f"re: {recipient.name}")
    if recipient.postal_address:
        address = recipient.postal_address.splitlines()
        if address and address[0].strip() == (recipient.legal_entity or recipient.name):
            address = address[1:]
        lines += [line for line in address if line.strip()]
    elif recipient.email:
        lines.append(recipient.email)
    return lines


@dataclass(frozen=True)
class PdfBlock:
    text: str = ""
    items: tuple[str, ...] = ()
    quote: str = ""
    source: str = ""


def parse_body(body: str) -> tuple[list[PdfBlock], str, str]:
    """The letter text as printable blocks: paragraphs, "- " lists and “quotations” (with the
    source line after them), then the closing line and the signature. The PDF shows exactly
    the text that is stored and emailed, only laid out."""
    paragraphs = [p for p in body.strip("\n").split("\n\n") if p.strip()]
    closing, signature = "", ""
    if paragraphs:
        last = paragraphs.pop().split("\n")
        closing, signature = last[0], "\n".join(last[1:])
    blocks = []
    for paragraph in paragraphs:
        text: list[str] = []
        items: list[str] = []
        quote, source = "", ""
        for line in paragraph.split("\n"):
            if line.startswith("- ") and not quote:
                items.append(line[2:])
            elif line.startswith("“") and line.endswith("”") and not quote and not items:
                quote = line[1:-1]
            elif quote and not source and line.startswith("(") and line.endswith(")"):
                source = line[1:-1]
            elif items or quote:
                blocks.append(PdfBlock("\n".join(text), tuple(items), quote, source))
                text, items, quote, source = [line], [], "", ""
            else:
                text.append(line)
        blocks.append(PdfBlock("\n".join(text), tuple(items), quote, source))
    return blocks, closing, signature


def letter_html(letter: Letter) -> str:
    blocks, closing, signature = parse_body(letter.body)
    return render_to_string(
        TEMPLATE,
        {
            "letter": letter,
            "dated": long_date(letter.dated),
            "recipient_lines": recipient_lines(letter),
            "blocks": blocks,
            "closing": closing,
            "signature": signature or letter.requester.full_name,
        },
    )


def render_pdf(letter: Letter) -> bytes:
    """The letter as a PDF: sender and recipient blocks, date, reference, subject, body,
    signature line; A4 or US Letter by the requester's country; DejaVu Sans embedded."""
    return html_to_pdf(letter_html(letter))


@cache
def _covered() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(ASSETS_DIR / "fonts" / "DejaVuSans.ttf", lazy=True) as font:
        return frozenset(font.getBestCmap())


def missing_glyphs(text: str) -> list[str]:
    """Characters the PDF's font cannot draw (they would print as empty boxes), each once."""
    covered = _covered()
    return list(dict.fromkeys(ch for ch in text if not ch.isspace() and ord(ch) not in covered))
