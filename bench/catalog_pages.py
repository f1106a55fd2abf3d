"""Catalog pages: SQL queries and render time as the catalog grows.

Target: every catalog page makes a fixed number of queries whatever the number of platforms and
provisions (the test suite asserts it for 5 and 50 platforms); render time grows roughly linearly
with what the page shows. This script seeds catalogs of several sizes in a throwaway SQLite
database under a temporary directory (the real catalog files are not touched), loads them with
load_catalog, then renders each page several times with Django's test client and prints, per
size: the load time, and for each page its query count and median render time.

    .venv/bin/python bench/catalog_pages.py                  # sizes 5, 50, 200
    .venv/bin/python bench/catalog_pages.py --sizes 24 500 --extra-provisions 10 --repeat 5
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from _throwaway import throwaway_django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = [
    "/platforms/",
    "/platforms/?category=image&opt_out=on&trains=yes",
    "/platforms/platform-0003/",
    "/compare/",
    "/compare/training-inputs/",
    "/catalog.json",
]


def write_catalog(directory: Path, size: int, extra_provisions: int) -> None:
    import yaml

    from apps.catalog.vocabulary import CORE_TOPICS

    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("*.yaml"):
        old.unlink()
    for i in range(size):
        slug = f"platform-{i:04d}"
        topics = list(CORE_TOPICS) + [
            CORE_TOPICS[j % len(CORE_TOPICS)] for j in range(extra_provisions)
        ]
        data = {
            "slug": slug,
            "name": f"Platform {i:04d}",
            "categories": ["image", "text"][: 1 + i % 2],
            "as_of": "2026-08",
            "evidence": "medium",
            "summary": "A synthetic platform for the benchmark.",
            "legal_entities": [
                {
                    "name": f"{slug} Ltd",
                    "country": "IE",
                    "applies_to": ["ALL"],
                    "grade": "P",
                    "source": "privacy",
                }
            ],
            "channels": [
                {
                    "kind": "privacy-email",
                    "value": f"privacy@{slug}.example",
                    "grade": "P",
                    "source": "privacy",
                }
            ],
            "documents": [
                {
                    "key": "privacy",
                    "kind": "privacy-policy",
                    "title": "Privacy Policy",
                    "url": f"https://{slug}.example/privacy",
                    "grade": "P",
                    "captured": "2026-08",
                }
            ],
            "provisions": [
                {
                    "topic": topic,
                    "value": ["yes", "no", "partial"][(i + n) % 3],
                    "verdict": ["high", "good", "medium"][(i + n) % 3],
                    "quote": "We may use your content. " * 5,
                    "reading": f"Claim {n} about {topic}.",
                    "source": "privacy",
                    "confidence": "high",
                    "grade": "P",
                }
                for n, topic in enumerate(topics)
            ],
        }
        (directory / f"{slug}.yaml").write_text(
            yaml.safe_dump(data, sort_keys=False), encoding="utf-8"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 200])
    parser.add_argument(
        "--extra-provisions",
        type=int,
        default=5,
        help="provisions per platform beyond one per core topic",
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    workdir, _ = throwaway_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from apps.catalog.loader import load_catalog

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    client = Client()
    directory = workdir / "platforms"

    print(f"{'platforms':>9} {'provisions':>10} {'load s':>7}  page: queries / median ms")
    for size in args.sizes:
        write_catalog(directory, max(size, 4), args.extra_provisions)
        started = time.perf_counter()
        load_catalog(directory)
        loaded = time.perf_counter() - started
        from apps.catalog.models import Provision

        figures = []
        for url in PAGES:
            timings = []
            for _ in range(args.repeat):
                with CaptureQueriesContext(connection) as queries:
                    t0 = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - t0) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            figures.append(f"{url} {len(queries)}q/{statistics.median(timings):.0f}ms")
        print(f"{size:>9} {Provision.objects.count():>10} {loaded:>7.2f}  " + "  ".join(figures))


if __name__ == "__main__":
    main()
