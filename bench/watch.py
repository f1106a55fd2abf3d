"""Policy watch: how long a run of many documents takes as concurrency grows.

Target: a run finishes in time proportional to documents ÷ concurrency (each answer costs the
server's delay; the watch keeps ``concurrency`` requests in flight and never more). The test
suite proves the bound on requests in flight and the accounting for 200 documents; this script
measures the time.

It starts the test suite's policy server on loopback (allowed through the SSRF guard for this
process only), gives every document its own host name (resolved to loopback by a fake DNS, so
per-host politeness does not serialise them), delays every answer by ``--delay`` seconds, and
runs the real service (``apps.watch.services.run_watch``: fetch, extract, hash, record) against
a throwaway SQLite database. For each concurrency it prints, against the ideal ceil(documents ÷ concurrency) ×
delay: the fetcher alone (no database), the first run (every document a new baseline stored)
and a second run (every answer a 304), and the most requests the server held at once.

    .venv/bin/python bench/watch.py                          # 200 documents, delay 0.1s
    .venv/bin/python bench/watch.py --documents 500 --delay 0.05 --concurrency 4 16 64
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from dataclasses import replace
from pathlib import Path

from _throwaway import throwaway_django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--delay", type=float, default=0.1, help="seconds per answer")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 8, 16, 32])
    args = parser.parse_args()

    import logging

    throwaway_django()
    logging.getLogger("apps.watch").setLevel(logging.ERROR)
    from django.conf import settings
    from django.core.management import call_command

    from apps.watch.fetch import FetchRequest, fetch_all
    from apps.watch.services import run_watch
    from tests.watch.conftest import FAST, _start, make_document, make_platform, policy_html

    call_command("migrate", verbosity=0)
    settings.WATCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    site = _start("127.0.0.1")

    for n in range(args.documents):
        site.slow_page(
            f"/doc{n}",
            policy_html(f"Policy number {n}.", "We may use your prompts."),
            delay=args.delay,
        )

    async def loopback(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    print(
        f"{args.documents} documents, {args.delay:g}s per answer, each on its own host\n"
        f"{'concurrency':>11} {'ideal s':>8} {'fetch only s':>13} {'1st run s':>10} "
        f"{'2nd run s':>10} {'most waiting':>13}"
    )
    for concurrency in args.concurrency:
        platform = make_platform(f"bench-{concurrency}", f"Bench {concurrency}")
        documents = [
            make_document(platform, f"doc-{n}", f"http://doc{n}.bench.test:{site.port}/doc{n}")
            for n in range(args.documents)
        ]
        config = replace(FAST, concurrency=concurrency, read_timeout=30, total_timeout=60)
        ideal = math.ceil(args.documents / concurrency) * args.delay
        site.max_waiting = 0
        started = time.monotonic()
        fetched = fetch_all(
            [FetchRequest(url=d.url) for d in documents], config=config, resolver=loopback
        )
        fetch_only = time.monotonic() - started
        assert all(r.ok for r in fetched)
        timings = []
        for expected in ("baseline", "not_modified"):
            report = run_watch(documents=documents, config=config, resolver=loopback)
            assert report.counts == {expected: args.documents}, report.counts
            timings.append(report.seconds)
        print(
            f"{concurrency:>11} {ideal:>8.2f} {fetch_only:>13.2f} {timings[0]:>10.2f} "
            f"{timings[1]:>10.2f} {site.max_waiting:>13}"
        )
    site.server.shutdown()


if __name__ == "__main__":
    main()
