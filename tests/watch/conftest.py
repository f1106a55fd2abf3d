"""A real HTTP server on loopback that serves policy pages and misbehaves on request.

Only the tests allow loopback through the SSRF guard, by configuration
(``WATCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]``); 127.0.0.2 stays forbidden, and a second server
listening there proves no request ever reaches a blocked address.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from apps.watch.fetch import FetchConfig

Handler = Callable[["PolicyHandler"], None]


@dataclass
class PolicySite:
    """Routes (path → function writing the response) and what was asked of it."""

    routes: dict[str, Handler] = field(default_factory=dict)
    hits: Counter = field(default_factory=Counter)
    requests: list[dict[str, Any]] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    # Requests a slow_page() is holding: counted from arrival until the answer starts, while the
    # client still waits for it, so the most seen at once never exceeds the client's own count.
    waiting: int = 0
    max_waiting: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None

    @property
    def port(self) -> int:
        assert self.server is not None
        return self.server.server_address[1]

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def page(
        self,
        path: str,
        html: str,
        *,
        etag: bool = True,
        content_type: str = "text/html; charset=utf-8",
    ) -> None:
        """Serve ``html`` at ``path`` (replace it to make the policy change)."""

        def serve(handler: PolicyHandler) -> None:
            body = html.encode()
            tag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if etag and handler.headers.get("If-None-Match") == tag:
                handler.send_response(304)
                handler.end_headers()
                return
            handler.send_response(200)
            handler.send_header("Content-Type", content_type)
            handler.send_header("Content-Length", str(len(body)))
            if etag:
                handler.send_header("ETag", tag)
            handler.end_headers()
            handler.wfile.write(body)

        self.routes[path] = serve

    def redirect(self, path: str, to: str, *, status: int = 302) -> None:
        """Answer ``path`` with a redirect to ``to``."""

        def serve(handler: PolicyHandler) -> None:
            handler.send_response(status)
            handler.send_header("Location", to)
            handler.end_headers()

        self.routes[path] = serve

    def error(self, path: str, status: int) -> None:
        """Answer ``path`` with an HTTP error."""
        self.routes[path] = lambda handler: handler.send_error(status)

    def slow_page(self, path: str, html: str, *, delay: float) -> None:
        """Serve ``html`` at ``path`` after ``delay`` seconds, counting the requests held."""
        self.page(path, html)
        answer = self.routes[path]

        def serve(handler: PolicyHandler) -> None:
            with self.lock:
                self.waiting += 1
                self.max_waiting = max(self.max_waiting, self.waiting)
            try:
                time.sleep(delay)
            finally:
                with self.lock:
                    self.waiting -= 1
            answer(handler)

        self.routes[path] = serve


class PolicyHandler(BaseHTTPRequestHandler):
    site: PolicySite

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        site = self.site
        with site.lock:
            site.hits[path] += 1
            site.in_flight += 1
            site.max_in_flight = max(site.max_in_flight, site.in_flight)
            site.requests.append(
                {
                    "path": path,
                    "host": self.headers.get("Host", ""),
                    "headers": dict(self.headers),
                    "start": time.monotonic(),
                }
            )
            record = site.requests[-1]
        try:
            route = site.routes.get(path)
            if route is None:
                self.send_error(404, "Not Found")
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeouts, size caps): that is the point of those tests
        finally:
            with site.lock:
                site.in_flight -= 1
                record["end"] = time.monotonic()

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # many clients connecting at once are queued, not refused


def _start(host: str) -> PolicySite:
    site = PolicySite()
    handler = type("BoundHandler", (PolicyHandler,), {"site": site})
    site.server = _Server((host, 0), handler)
    site.server.daemon_threads = True
    threading.Thread(
        target=site.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    return site


@pytest.fixture
def policy_site(settings: Any) -> Iterator[PolicySite]:
    settings.WATCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    site = _start("127.0.0.1")
    yield site
    site.server.shutdown()
    site.server.server_close()


@pytest.fixture
def forbidden_site() -> Iterator[PolicySite]:
    """A server on 127.0.0.2, which the guard must never connect to."""
    site = _start("127.0.0.2")
    yield site
    site.server.shutdown()
    site.server.server_close()


# --- Watched documents in the database, pointing at the loopback server --------------------------


# A fetcher configuration for loopback: short timeouts, no politeness pause.
FAST = FetchConfig(
    concurrency=4,
    per_host_delay=0,
    connect_timeout=2,
    read_timeout=0.5,
    total_timeout=2,
    max_bytes=100_000,
    max_redirects=3,
    user_agent="RightsdeskPolicyWatch/test",
)


@pytest.fixture
def fast_watch(settings: Any) -> Any:
    """Settings for a quick run against loopback: no politeness pause, short timeouts."""
    settings.WATCH_CONCURRENCY = 4
    settings.WATCH_PER_HOST_DELAY = 0
    settings.WATCH_CONNECT_TIMEOUT = 2
    settings.WATCH_READ_TIMEOUT = 1
    settings.WATCH_TOTAL_TIMEOUT = 2
    settings.WATCH_MAX_BYTES = 100_000
    settings.WATCH_MAX_REDIRECTS = 3
    return settings


def make_platform(slug: str = "acme-ai", name: str = "Acme AI") -> Any:
    from apps.catalog.models import Platform

    platform, _ = Platform.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "summary": "A platform made up for tests.",
            "evidence": "medium",
            "as_of": "2026-08",
        },
    )
    return platform


def make_document(platform: Any, key: str, url: str, **fields: Any) -> Any:
    from apps.catalog.models import Document

    values = {
        "kind": "privacy-policy",
        "title": key.replace("-", " ").title(),
        "grade": "P",
        "captured": "2026-08",
        "watch": True,
        "position": Document.objects.filter(platform=platform).count(),
        **fields,
    }
    return Document.objects.create(platform=platform, key=key, url=url, **values)


def policy_html(*paragraphs: str, rendered_at: str = "10:42:13 UTC", token: str = "") -> str:
    """A policy page with the noise real pages carry around the text that matters."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><title>Privacy</title><script>track()</script></head><body>"
        "<header><nav>Home Products</nav></header>"
        f"<main><h1>Privacy Policy</h1>{body}</main>"
        f"<footer>Rendered at {rendered_at} {token}</footer></body></html>"
    )


def store_versions(document: Any, *pages: str, now: Any = None) -> list[Any]:
    """Record fetched ``pages`` (HTML) for ``document`` in order, as the watch would, without a
    server: for pages about what is stored rather than how it is fetched."""
    from apps.watch.fetch import FetchRequest, FetchResult, Outcome
    from apps.watch.services import record_result

    outcomes = []
    for html in pages:
        result = FetchResult(
            request=FetchRequest(url=document.url, key=document.pk),
            outcome=Outcome.OK,
            final_url=document.url,
            status=200,
            body=html.encode(),
            content_type="text/html; charset=utf-8",
        )
        outcomes.append(record_result(document=document, result=result, now=now))
    return outcomes


# Three versions of one policy: a real change, then another.
POLICY_V1 = policy_html(
    "We may use your prompts to improve our services.", "Contact us at any time."
)
POLICY_V2 = policy_html(
    "We may use your prompts and images to train our models.", "Contact us at any time."
)
POLICY_V3 = policy_html(
    "We may use your prompts and images to train our models.", "Contact us by post only."
)
