"""Fetch policy documents politely and safely, many at once.

- async httpx with bounded concurrency (``WATCH_CONCURRENCY`` documents at a time) and per-host
  politeness (one request at a time per host, ``WATCH_PER_HOST_DELAY`` seconds apart);
- connect/read timeouts and a total deadline per document, every redirect hop included (a server
  that drips one byte at a time, or a chain of slow redirects, cannot hold a worker), a streamed
  size cap (``WATCH_MAX_BYTES``; aborted past it, whatever
  Content-Length claimed), at most ``WATCH_MAX_REDIRECTS`` redirects followed by hand, only
  ``http``/``https``;
- every connection goes through ``apps.watch.guard``: non-public addresses are refused at connect
  time, for every redirect hop and every DNS answer;
- a descriptive User-Agent, and conditional requests (If-None-Match / If-Modified-Since) when a
  previous ETag or Last-Modified is known.

Failures are results, not exceptions: each ``FetchResult`` says what happened, so the caller
records it per document and never stores a snapshot for it. A run may be given ``stop_at`` (a
``time.monotonic()`` deadline): documents whose first request has not started by then come back
``SKIPPED`` without any request being made, so a task can stop within its time limit and leave
the rest to the next run.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import enum
import ssl
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import certifi
import httpcore
import httpx
from django.conf import settings

from .guard import BlockedAddress, GuardedNetworkBackend, Resolver, system_resolver

REDIRECT_CODES = {301, 302, 303, 307, 308}


class Outcome(enum.StrEnum):
    OK = "ok"
    NOT_MODIFIED = "not_modified"
    HTTP_ERROR = "http_error"
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    BLOCKED = "blocked"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    BAD_URL = "bad_url"
    CONNECTION = "connection_error"
    SKIPPED = "skipped"  # never requested: the run's time budget was spent first


@dataclass(frozen=True)
class FetchRequest:
    url: str
    etag: str = ""
    last_modified: str = ""
    key: Any = None  # the caller's handle for the document
    # The URL the validators came from (the final URL of the last fetch, after redirects);
    # empty means ``url`` itself. They are sent only to that URL.
    validators_url: str = ""


@dataclass(frozen=True)
class FetchResult:
    request: FetchRequest
    outcome: Outcome
    final_url: str = ""
    status: int | None = None
    body: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    error: str = ""
    redirects: tuple[str, ...] = ()
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.OK


@dataclass(frozen=True)
class FetchConfig:
    concurrency: int = 8
    per_host_delay: float = 1.0
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 30.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    user_agent: str = ""

    def __post_init__(self) -> None:
        problems = []
        if self.concurrency < 1:
            problems.append("concurrency must be at least 1")
        if self.per_host_delay < 0:
            problems.append("the per-host delay cannot be negative")
        if min(self.connect_timeout, self.read_timeout, self.total_timeout) <= 0:
            problems.append("timeouts must be positive")
        if self.max_bytes < 1:
            problems.append("the size cap must be positive")
        if self.max_redirects < 0:
            problems.append("the redirect limit cannot be negative")
        if problems:
            raise ValueError("; ".join(problems))

    @classmethod
    def from_settings(cls, **overrides: Any) -> FetchConfig:
        values = {
            "concurrency": getattr(settings, "WATCH_CONCURRENCY", cls.concurrency),
            "per_host_delay": getattr(settings, "WATCH_PER_HOST_DELAY", cls.per_host_delay),
            "connect_timeout": getattr(settings, "WATCH_CONNECT_TIMEOUT", cls.connect_timeout),
            "read_timeout": getattr(settings, "WATCH_READ_TIMEOUT", cls.read_timeout),
            "total_timeout": getattr(settings, "WATCH_TOTAL_TIMEOUT", cls.total_timeout),
            "max_bytes": getattr(settings, "WATCH_MAX_BYTES", cls.max_bytes),
            "max_redirects": getattr(settings, "WATCH_MAX_REDIRECTS", cls.max_redirects),
            "user_agent": (
                f"RightsdeskPolicyWatch/1.0 (+{settings.SITE_URL}/; checks published privacy "
                "policies and terms for changes, a few requests a week per site)"
            ),
        }
        values.update(overrides)
        return cls(**values)


class _TooLarge(Exception):
    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class _BadURL(Exception):
    pass


class _GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with its connection pool opened through the SSRF guard, no proxies."""

    def __init__(self, *, resolver: Resolver, connections: int) -> None:
        super().__init__(trust_env=False, retries=0)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl.create_default_context(cafile=certifi.where()),
            max_connections=connections,
            max_keepalive_connections=connections,
            keepalive_expiry=5.0,
            http1=True,
            http2=False,
            retries=0,
            network_backend=GuardedNetworkBackend(resolver),
        )


def make_client(config: FetchConfig, *, resolver: Resolver = system_resolver) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=_GuardedTransport(resolver=resolver, connections=config.concurrency * 2),
        timeout=httpx.Timeout(
            connect=config.connect_timeout,
            read=config.read_timeout,
            write=config.read_timeout,
            pool=config.total_timeout,
        ),
        follow_redirects=False,  # followed by hand, each hop re-validated
        headers={
            "User-Agent": config.user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        },
        trust_env=False,
    )


class _Limiter:
    """Per-host politeness and the global concurrency bound, in the right order.

    A request first waits for its host's turn (one request at a time per host, ``delay`` seconds
    after the previous one ended), then for one of ``concurrency`` global slots. Waiting in a
    host's queue holds no slot, so documents on other hosts are never starved by one busy host.
    """

    def __init__(self, *, concurrency: int, delay: float) -> None:
        self.delay = delay
        self._slots = asyncio.Semaphore(concurrency)
        self._locks: dict[str, asyncio.Lock] = {}
        self._last: dict[str, float] = {}

    @contextlib.asynccontextmanager
    async def turn(self, host: str) -> AsyncIterator[None]:
        async with self._locks.setdefault(host, asyncio.Lock()):
            wait = self._last.get(host, float("-inf")) + self.delay - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                async with self._slots:
                    yield
            finally:
                self._last[host] = time.monotonic()


def _check_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise _BadURL(f"not a valid URL: {exc}") from None
    if parsed.scheme not in ("http", "https"):
        raise _BadURL(f"only http and https are fetched, not {parsed.scheme or 'a relative URL'}")
    if not parsed.host:
        raise _BadURL("the URL has no host")
    if parsed.userinfo:
        raise _BadURL("URLs with credentials are not fetched")
    return parsed


async def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _TooLarge(
            f"the server announced {int(declared):,} bytes; the limit is {max_bytes:,}",
            response.status_code,
        )
    body = bytearray()
    async for chunk in response.aiter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise _TooLarge(
                f"aborted after {len(body):,} bytes; the limit is {max_bytes:,}",
                response.status_code,
            )
    return bytes(body)


async def _get(
    client: httpx.AsyncClient,
    url: str,
    headers: dict[str, str],
    config: FetchConfig,
    deadline: float,
) -> tuple[int, httpx.Headers, str, bytes]:
    """One GET: status, headers, reason and (for a 2xx) the capped body. Redirects not followed.

    ``deadline`` (event-loop time) is the document's: it started with its first request, so
    every redirect hop shares it."""
    async with asyncio.timeout_at(deadline):
        async with client.stream("GET", url, headers=headers) as response:
            body = b""
            if 200 <= response.status_code < 300:
                body = await _read_capped(response, config.max_bytes)
            return response.status_code, response.headers, response.reason_phrase, body


async def fetch_one(
    client: httpx.AsyncClient,
    request: FetchRequest,
    config: FetchConfig,
    limiter: _Limiter,
    *,
    stop_at: float | None = None,
) -> FetchResult:
    url = request.url
    hops: list[str] = []
    deadline: float | None = None
    started: float | None = None  # when the first request began (waiting for a turn excluded)

    def result(outcome: Outcome, **fields: Any) -> FetchResult:
        seconds = 0.0 if started is None else round(time.monotonic() - started, 3)
        return FetchResult(
            request=request,
            outcome=outcome,
            final_url=url,
            redirects=tuple(hops),
            seconds=seconds,
            **fields,
        )

    try:
        for _hop in range(config.max_redirects + 1):
            target = _check_url(url)
            headers = {}
            if url == (request.validators_url or request.url):  # validators belong to their URL
                if request.etag:
                    headers["If-None-Match"] = request.etag
                if request.last_modified:
                    headers["If-Modified-Since"] = request.last_modified
            async with limiter.turn(target.host):
                if deadline is None:  # the document's first request starts now
                    if stop_at is not None and time.monotonic() >= stop_at:
                        return result(
                            Outcome.SKIPPED, error="not requested: the run's time budget was spent"
                        )
                    started = time.monotonic()
                    deadline = asyncio.get_running_loop().time() + config.total_timeout
                status, response_headers, reason, body = await _get(
                    client, url, headers, config, deadline
                )
            if status in REDIRECT_CODES and "location" in response_headers:
                url = urljoin(url, response_headers["location"])
                hops.append(url)
                continue
            if status == 304:
                return result(Outcome.NOT_MODIFIED, status=status)
            if status >= 400 or not 200 <= status < 300:
                return result(
                    Outcome.HTTP_ERROR, status=status, error=f"HTTP {status} {reason}".strip()
                )
            return result(
                Outcome.OK,
                status=status,
                body=body,
                content_type=response_headers.get("content-type", ""),
                etag=response_headers.get("etag", ""),
                last_modified=response_headers.get("last-modified", ""),
            )
        return result(
            Outcome.TOO_MANY_REDIRECTS, error=f"more than {config.max_redirects} redirects"
        )
    except TimeoutError:
        return result(Outcome.TIMEOUT, error=f"no complete answer within {config.total_timeout:g}s")
    except httpx.TimeoutException as exc:
        return result(Outcome.TIMEOUT, error=f"{type(exc).__name__}: the server was too slow")
    except _TooLarge as exc:
        return result(Outcome.TOO_LARGE, status=exc.status, error=str(exc))
    except _BadURL as exc:
        return result(Outcome.BAD_URL, error=str(exc))
    except httpx.ConnectError as exc:
        if isinstance(exc.__cause__, BlockedAddress):
            return result(Outcome.BLOCKED, error=str(exc.__cause__))
        return result(Outcome.CONNECTION, error=f"could not connect: {exc}")
    except httpx.HTTPError as exc:
        return result(Outcome.CONNECTION, error=f"{type(exc).__name__}: {exc}")


async def fetch_all_async(
    requests: Sequence[FetchRequest],
    *,
    config: FetchConfig | None = None,
    resolver: Resolver = system_resolver,
    on_result: Callable[[FetchResult], None] | None = None,
    stop_at: float | None = None,
) -> list[FetchResult]:
    """Fetch every request, at most ``config.concurrency`` at once; results in request order.

    ``on_result`` is called with each result as it finishes (in the event loop's thread)."""
    config = config or FetchConfig.from_settings()
    limiter = _Limiter(concurrency=config.concurrency, delay=config.per_host_delay)
    async with make_client(config, resolver=resolver) as client:

        async def one(request: FetchRequest) -> FetchResult:
            outcome = await fetch_one(client, request, config, limiter, stop_at=stop_at)
            if on_result is not None:
                on_result(outcome)
            return outcome

        return list(await asyncio.gather(*(one(r) for r in requests)))


def fetch_all(
    requests: Sequence[FetchRequest],
    *,
    config: FetchConfig | None = None,
    resolver: Resolver = system_resolver,
    on_result: Callable[[FetchResult], None] | None = None,
    stop_at: float | None = None,
) -> list[FetchResult]:
    """Synchronous entry point (management command, django-q2 task).

    When this thread already runs an event loop (an async caller, a browser driver in tests),
    the fetch runs on a loop of its own in a helper thread instead of failing."""

    def run() -> list[FetchResult]:
        return asyncio.run(
            fetch_all_async(
                requests, config=config, resolver=resolver, on_result=on_result, stop_at=stop_at
            )
        )

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return run()
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="policy-fetch") as pool:
        return pool.submit(run).result()
