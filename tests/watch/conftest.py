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

Handler = Callable[["PolicyHandler"], None]


@dataclass
class PolicySite:
    """Routes (path → function writing the response) and what was asked of it."""

    routes: dict[str, Handler] = field(default_factory=dict)
    hits: Counter = field(default_factory=Counter)
    requests: list[dict[str, Any]] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
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


def _start(host: str) -> PolicySite:
    site = PolicySite()
    handler = type("BoundHandler", (PolicyHandler,), {"site": site})
    site.server = ThreadingHTTPServer((host, 0), handler)
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
