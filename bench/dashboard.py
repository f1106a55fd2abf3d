"""The tracker's dashboard for a person with 500 requests: server time and throughput.

Targets: the dashboard (``/requests/``) renders in a median under 60 ms for 500 requests, and
under gunicorn it serves at least 0.4 times the requests per second of a trivial view of the
same app (``/healthz``, one small query). The test suite asserts that its SQL query count does
not grow with the number of requests; this script prints the times.

It seeds a throwaway SQLite database under a temporary directory: one person with N requests
(drafts, waiting, overdue, extended, fulfilled, refused — a handful recorded through the
timeline service, the rest copied with their derived columns), then

1. renders the dashboard in-process with Django's test client ``--repeat`` times and prints the
   query count and the median / p90 server time, twice: with the cache cleared before each
   render (the list built from the database: the page after any change) and with the rendered
   list served from the cache (the view caches it per person, generation, day and filters);
2. starts gunicorn (``--workers``, on a free loopback port, same settings) and runs ``wrk``
   against ``/requests/`` (signed in with a session cookie) and ``/healthz`` for ``--seconds``
   each, and prints both rates and their ratio. Without ``wrk`` (``/usr/bin/wrk``) it says so
   and stops after step 1.

    .venv/bin/python bench/dashboard.py
    .venv/bin/python bench/dashboard.py --requests 500 --repeat 50 --seconds 10 --workers 2

The in-process renders run with ``DEBUG=1``; gunicorn runs with production settings (DEBUG off,
static files collected into the git-ignored ``staticfiles/``, no TLS redirect on loopback), or
with ``DEBUG=1`` given ``--debug-server``.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

from _throwaway import throwaway_django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WRK = shutil.which("wrk") or ("/usr/bin/wrk" if Path("/usr/bin/wrk").exists() else None)


def seed(size: int):
    """One person with ``size`` requests in a mix of states; returns the user."""
    from django.utils import timezone

    from apps.accounts.models import User
    from apps.tracker.models import PrivacyRequest
    from apps.tracker.services import request_record_event
    from tests.letters.factories import saved_request

    user = User.objects.create_user(email="bench@example.org")  # signed in by session only
    today = timezone.localdate()
    models = []
    for n, steps in enumerate(
        [
            [],
            [("sent", 5)],
            [("sent", 40)],
            [("sent", 20), ("extension_claimed", 10)],
            [("sent", 30), ("fulfilled", 3)],
            [("sent", 25), ("refused", 2)],
        ]
    ):
        rights = [("object", "delete"), ("access",), ("delete",)][n % 3]
        saved = saved_request(user, rights=rights)
        for kind, days_ago in steps:
            details = {"reason": "Many requests"} if kind == "extension_claimed" else {}
            request_record_event(
                request=saved,
                kind=kind,
                on=today - timedelta(days=days_ago),
                today=today,
                details=details,
            )
        models.append(saved)
    skip = {"id", "code", "created_at", "updated_at"}
    copies = []
    for i in range(size - len(models)):
        model = models[i % len(models)]
        fields = {
            f.attname: getattr(model, f.attname)
            for f in PrivacyRequest._meta.concrete_fields
            if f.attname not in skip
        }
        copies.append(PrivacyRequest(**fields, code=uuid.uuid4()))
    PrivacyRequest.objects.bulk_create(copies, batch_size=200)
    return user


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wrk_rate(url: str, seconds: int, cookie: str = "") -> float:
    command = [WRK, "-t2", "-c8", f"-d{seconds}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"wrk saw {errors.group(1)} error responses from {url}:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--debug-server",
        action="store_true",
        help="run gunicorn with DEBUG=1 instead of production settings (no collectstatic)",
    )
    args = parser.parse_args()

    _, env = throwaway_django(LOG_LEVEL="WARNING", DJANGO_SETTINGS_MODULE="config.settings")
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1"]
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    started = time.perf_counter()
    user = seed(args.requests)
    print(f"seeded {args.requests} requests in {time.perf_counter() - started:.1f} s")

    client = Client()
    client.force_login(user)
    client.get("/requests/")  # warm the templates and the session
    for label, clear in (("built from the database", True), ("list from the cache", False)):
        timings = []
        for _ in range(args.repeat):
            if clear:
                cache.clear()  # every render builds the list: the cost of a change
            with CaptureQueriesContext(connection) as queries:
                t0 = time.perf_counter()
                response = client.get("/requests/")
                timings.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, response.status_code
        timings.sort()
        median = statistics.median(timings)
        p90 = timings[int(len(timings) * 0.9) - 1]
        print(
            f"dashboard, {args.requests} requests, {label}: {len(queries)} queries, "
            f"median {median:.1f} ms, p90 {p90:.1f} ms over {args.repeat} renders "
            f"(target: median < 60 ms) {'OK' if median < 60 else 'MISSED'}"
        )

    if WRK is None:
        print("wrk is not installed (looked for it on PATH and at /usr/bin/wrk): no throughput.")
        return
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    connection.close()
    port = free_port()
    server_env = {**os.environ, **env, "ALLOWED_HOSTS": "127.0.0.1"}
    if not args.debug_server:
        # Production settings, as served: no debug bookkeeping, hashed static files
        # (collected into the git-ignored staticfiles/), plain HTTP on loopback.
        server_env.update(
            DEBUG="0",
            SECRET_KEY=settings.SECRET_KEY,
            SECURE_SSL_REDIRECT="0",
            SECURE_HSTS_SECONDS="0",
        )
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=server_env,
            check=True,
        )
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={args.workers}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=server_env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        check = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        check.request("GET", "/requests/", headers={"Cookie": cookie})
        status = check.getresponse().status
        if status != 200:  # a redirect to sign-in would be measured as a fast "success"
            raise SystemExit(f"/requests/ answered {status} under gunicorn, not 200")
        wrk_rate(f"{base}/healthz", 1)  # warm every worker
        wrk_rate(f"{base}/requests/", 1, cookie)
        trivial = wrk_rate(f"{base}/healthz", args.seconds)
        dashboard = wrk_rate(f"{base}/requests/", args.seconds, cookie)
    finally:
        server.terminate()
        server.wait(timeout=10)
    ratio = dashboard / trivial
    print(
        f"gunicorn ({args.workers} workers, {'DEBUG=1' if args.debug_server else 'production settings'}), wrk 2 threads × 8 connections, {args.seconds} s each: "
        f"/healthz {trivial:.0f} req/s, /requests/ {dashboard:.0f} req/s, "
        f"ratio {ratio:.2f} (target ≥ 0.4) {'OK' if ratio >= 0.4 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
