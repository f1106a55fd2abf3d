"""PDF letters: median render time and peak memory for 100 letters.

Target: median under 250 ms per one-page letter once fonts are warm (first render excluded).
Composes 100 different one-page request letters (a rotating mix of regimes, names and dates,
one right each) and renders each to PDF with the app's renderer (WeasyPrint, shipped DejaVu
Sans, the assets-only fetcher). Prints the cold first render, then for the 100 warm renders:
median, 95th percentile and slowest time, pages per letter, PDF size; then, in a second untimed
pass, Python's peak traced memory during the batch (tracemalloc) and the process's peak
resident memory (ru_maxrss).
Composing the letter text is timed separately. No database is needed.

    .venv/bin/python bench/letters.py              # 100 letters
    .venv/bin/python bench/letters.py --letters 300
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import sys
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")

import django

django.setup()

from pypdf import PdfReader  # noqa: E402

from apps.catalog.recipients import Recipient  # noqa: E402
from apps.deadlines import applicable_regimes  # noqa: E402
from apps.letters import Requester, compose_request, pdf_bytes  # noqa: E402

PLACES = [("IE", ""), ("GB", ""), ("US", "CA"), ("US", "VA"), ("CA", "ON"), ("BR", ""), ("JP", "")]
RIGHTS = ["opt-out-sale", "access", "delete", "correct"]
NAMES = ["Jane Doe", "Siobhán O'Connor", "Łukasz Nowak", "Ελένη Παπαδοπούλου", "Zoë Ødegård"]
RECIPIENT = Recipient(
    name="Example AI",
    legal_entity="Example AI Ltd",
    email="privacy@example.invalid",
    postal_address="Example AI Ltd\n1 Example Street\nDublin 2",
    country="",
    platform_slug="example",
)


def letters(count: int) -> list:
    made = []
    start = date(2026, 1, 5)
    for n in range(count):
        country, region = PLACES[n % len(PLACES)]
        made.append(
            compose_request(
                recipient=RECIPIENT,
                rights=(RIGHTS[n % len(RIGHTS)],),
                regimes=applicable_regimes(country, region),
                requester=Requester(
                    full_name=NAMES[n % len(NAMES)],
                    account_email=f"person{n}@example.invalid",
                    postal_address=f"{n} Harbour Road\nSomewhere",
                    country=country,
                    region=region,
                    correction="My year of birth is wrong."
                    if RIGHTS[n % len(RIGHTS)] == "correct"
                    else "",
                ),
                today=start + timedelta(days=n),
            )
        )
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=100)
    count = parser.parse_args().letters

    started = time.perf_counter()
    batch = letters(count)
    compose_ms = (time.perf_counter() - started) * 1000 / count

    started = time.perf_counter()
    pdf_bytes(batch[0])
    cold_ms = (time.perf_counter() - started) * 1000

    timings, pages, sizes = [], [], []
    for made in batch:
        started = time.perf_counter()
        pdf = pdf_bytes(made)
        timings.append((time.perf_counter() - started) * 1000)
        sizes.append(len(pdf))
        pages.append(len(PdfReader(io.BytesIO(pdf)).pages))
    # Memory in a second pass: tracing allocations slows rendering down, so it is not timed.
    tracemalloc.start()
    for made in batch:
        pdf_bytes(made)
    _current, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    timings.sort()
    print(f"{count} letters, one right each ({len(PLACES)} places, {len(RIGHTS)} rights)")
    print(f"compose (text): {compose_ms:.2f} ms per letter")
    print(f"PDF cold (first render, fonts loading): {cold_ms:.0f} ms")
    print(
        f"PDF warm: median {statistics.median(timings):.0f} ms, "
        f"p95 {timings[int(len(timings) * 0.95) - 1]:.0f} ms, slowest {timings[-1]:.0f} ms "
        f"(target: median under 250 ms)"
    )
    print(
        f"pages per letter: {min(pages)}–{max(pages)} ({pages.count(1)} of {count} one-page); "
        f"PDF size median {statistics.median(sizes) / 1024:.0f} KiB"
    )
    print(
        f"memory: Python peak traced {traced_peak / 2**20:.1f} MiB during the batch; "
        f"process peak resident {rss_peak_kib / 1024:.0f} MiB"
    )


if __name__ == "__main__":
    main()
