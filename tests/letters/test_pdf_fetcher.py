"""The PDF renderer fetches nothing but its own assets: not a remote URL, not the server's own
loopback, not a file outside ``pdf_assets/`` — whether the reference comes from what a person
typed or from a stylesheet or image slipped into the template."""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.template import Context, Template
from pypdf import PdfReader

from apps.letters import pdf_bytes
from apps.letters.pdf import ASSETS_DIR, AssetsOnlyFetcher, RefusedURL, html_to_pdf
from tests.letters.factories import letter


class Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:
        Recorder.hits.append(self.path)
        body = b"body { background: url(http://127.0.0.1/evil.png) }"
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def loopback() -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 that records every request it gets."""
    Recorder.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_urls_typed_into_a_letter_are_printed_as_text_and_never_fetched(loopback):
    typed = (
        f'<img src="{loopback}/typed.png"> <link rel="stylesheet" href="{loopback}/typed.css"> '
        '<img src="file:///etc/passwd"> <img src="https://tracker.example/pixel.gif"> '
        f"@import url({loopback}/import.css);"
    )
    made = letter(
        rights=("correct",),
        full_name=f"Jane <b>{loopback}</b>",
        username=f'x"><img src="{loopback}/name.png">',
        correction=typed,
        postal_address=f'<style>@import "{loopback}/addr.css";</style>',
    )
    text = pdf_text(pdf_bytes(made))
    assert Recorder.hits == []
    assert "file:///etc/passwd" in text
    assert "<img src=" in text  # shown as the characters typed, not as markup


@pytest.mark.parametrize(
    "reference",
    [
        '<link rel="stylesheet" href="{loopback}/injected.css">',
        '<img src="{loopback}/injected.png" alt="">',
        "<style>@import url({loopback}/imported.css);</style>",
        '<style>body {{ background: url("{loopback}/bg.png") }}</style>',
        '<img src="http://127.0.0.1:1/closed-port.png" alt="">',
        '<img src="https://example.com/remote.png" alt="">',
        '<img src="file:///etc/passwd" alt="">',
        '<link rel="stylesheet" href="file:///etc/ssl/openssl.cnf">',
        '<img src="{assets_parent}/apps.py" alt="">',
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
        '<img src="ftp://127.0.0.1/x.png" alt="">',
    ],
    ids=[
        "stylesheet-loopback",
        "img-loopback",
        "import-loopback",
        "css-url-loopback",
        "img-closed-port",
        "img-remote-https",
        "img-file-etc",
        "stylesheet-file-etc",
        "img-file-next-to-assets",
        "img-data-url",
        "img-ftp",
    ],
)
def test_a_reference_injected_into_the_template_is_refused_and_stops_the_render(
    loopback, reference
):
    html = reference.format(loopback=loopback, assets_parent=ASSETS_DIR.parent.as_uri())
    fetcher = AssetsOnlyFetcher()
    with pytest.raises(RefusedURL):
        html_to_pdf(
            f"<!doctype html><html><body><p>Letter</p>{html}</body></html>", fetcher=fetcher
        )
    assert len(fetcher.refused) == 1
    assert Recorder.hits == []


def test_a_url_in_the_template_context_is_refused_too(loopback):
    """A template that puts a context value into a src: autoescaping keeps it a URL, and the
    fetcher refuses it."""
    template = Template('<!doctype html><html><body><img src="{{ url }}" alt=""></body></html>')
    fetcher = AssetsOnlyFetcher()
    with pytest.raises(RefusedURL):
        html_to_pdf(template.render(Context({"url": f"{loopback}/ctx.png"})), fetcher=fetcher)
    assert Recorder.hits == []


def test_the_letter_loads_only_its_stylesheet_and_fonts():
    fetcher = AssetsOnlyFetcher()
    from apps.letters.pdf import letter_html

    html_to_pdf(letter_html(letter()), fetcher=fetcher)
    assert fetcher.refused == []
    assert set(fetcher.served) == {"letter.css", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file://localhost/etc/passwd",
        "file://evil.example/share/letter.css",
        f"{ASSETS_DIR.as_uri()}/../apps.py",
        f"{ASSETS_DIR.as_uri()}/%2e%2e/apps.py",
        f"{ASSETS_DIR.as_uri()}/letter.css?x=1",
        f"{ASSETS_DIR.as_uri()}/letter.css#x",
        f"{ASSETS_DIR.as_uri()}/",
        f"{ASSETS_DIR.as_uri()}/missing.css",
        "http://127.0.0.1:8000/static/css/site.css",
        "https://rightsdesk.example/static/css/site.css",
        "//127.0.0.1/x.css",
        "data:text/css,body{}",
    ],
)
def test_the_fetcher_refuses_everything_outside_its_assets(url):
    fetcher = AssetsOnlyFetcher()
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_a_symbolic_link_out_of_the_assets_is_refused(tmp_path: Path):
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "ok.css").write_text("p { color: black }")
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    (assets / "link.css").symlink_to(secret)
    fetcher = AssetsOnlyFetcher(assets)
    assert fetcher.fetch((assets / "ok.css").as_uri()).read() == b"p { color: black }"
    with pytest.raises(RefusedURL):
        fetcher.fetch((assets / "link.css").as_uri())


def test_rendering_logs_nothing_of_the_letter(caplog):
    """WeasyPrint warns with the text it cannot draw; a letter's text is personal, so those
    warnings are not logged (settings: the weasyprint logger logs errors only)."""
    caplog.set_level("DEBUG", logger="apps")
    pdf_bytes(letter(full_name="王小明 Wang", username="wang.secret"))
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "王" not in logged
    assert "wang.secret" not in logged
