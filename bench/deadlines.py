"""How fast the deadline engine answers (target: a dashboard of 200 requests in well under 100 ms
once the holiday tables are warm).

Computes every regime × granted right × a year of received dates (2026), once cold (the holidays
package builds each country's tables on first use) and once warm, and prints the figures.

    .venv/bin/python bench/deadlines.py [--year 2026]
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from apps.deadlines import REGIMES, compute_deadline


def calls(year: int) -> list[tuple[str, str, date, dict]]:
    days = [date(year, 1, 1) + timedelta(days=n) for n in range(365)]
    found = []
    for code, regime in REGIMES.items():
        place = {"country": "DE", "company_country": "IE"} if code == "gdpr" else {}
        for right in regime.rights:
            found += [(code, right, day, place) for day in days]
    return found


def run(batch: list[tuple[str, str, date, dict]]) -> float:
    started = time.perf_counter()
    for code, right, day, place in batch:
        compute_deadline(code, right, day, **place)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2026)
    year = parser.parse_args().year
    batch = calls(year)
    cold = run(batch)
    warm = run(batch)
    per_call = warm / len(batch) * 1e6
    print(f"{len(batch)} deadlines ({len(REGIMES)} regimes, every granted right, {year})")
    print(f"cold: {cold:.2f} s (builds the holiday tables)")
    print(
        f"warm: {warm:.2f} s, {per_call:.0f} µs per deadline, {200 * per_call / 1000:.1f} ms per 200"
    )


if __name__ == "__main__":
    main()
