"""Account export and deletion: how long they take, and how many queries, as sessions grow.

Deleting an account also deletes the person's sessions on other devices. Sessions do not point
at the user with a foreign key, so ``delete_sessions_of`` reads every unexpired session; this
measures what that costs as the session table grows. The export is measured alongside.

Seeds a throwaway database (SQLite in memory by default; set DATABASE_URL for PostgreSQL) with
one person who has every kind of row (tests/owned_data.py) and N other people's sessions.

    .venv/bin/python bench/account_data.py                  # N = 1000, 10000, 50000
    .venv/bin/python bench/account_data.py --sessions 200000
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")

import django

django.setup()

from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.contrib.sessions.models import Session  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402


def seed_sessions(count: int, user_id: int) -> None:
    store = SessionStore()
    expires = timezone.now() + timedelta(days=14)
    batch = []
    for n in range(count):
        data = store.encode({"_auth_user_id": str(user_id + 1 + n % 500), "n": n})
        batch.append(Session(session_key=f"bench{n:035d}", session_data=data, expire_date=expires))
        if len(batch) == 5000:
            Session.objects.bulk_create(batch)
            batch = []
    Session.objects.bulk_create(batch)


def measure(sessions: int) -> dict[str, float]:
    from apps.accounts import exports
    from apps.accounts.services import delete_account
    from tests.conftest import make_user
    from tests.owned_data import populate

    Session.objects.all().delete()
    person = make_user(f"bench{sessions}@example.org")
    populate(person)
    for _ in range(3):  # the person's own devices
        own = SessionStore()
        own["_auth_user_id"] = str(person.pk)
        own.create()
    seed_sessions(sessions, person.pk)

    with CaptureQueriesContext(connection) as export_queries:
        started = time.perf_counter()
        size = len(exports.build_zip(person))
        export_seconds = time.perf_counter() - started
    with CaptureQueriesContext(connection) as delete_queries:
        started = time.perf_counter()
        report = delete_account(user=person, notify=False)
        delete_seconds = time.perf_counter() - started
    assert dict(report.kinds)["signed-in sessions"] == 3
    return {
        "export_ms": export_seconds * 1000,
        "export_queries": len(export_queries),
        "export_bytes": size,
        "delete_ms": delete_seconds * 1000,
        "delete_queries": len(delete_queries),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="*", default=[1000, 10000, 50000])
    args = parser.parse_args()
    setup_test_environment()
    logging.getLogger("apps.accounts").setLevel(logging.WARNING)
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        print(f"database: {connection.vendor}")
        print(
            f"{'other sessions':>15} {'export ms':>10} {'queries':>8} {'zip bytes':>10} "
            f"{'delete ms':>10} {'queries':>8}"
        )
        for count in args.sessions:
            row = measure(count)
            print(
                f"{count:>15} {row['export_ms']:>10.1f} {row['export_queries']:>8} "
                f"{row['export_bytes']:>10} {row['delete_ms']:>10.1f} {row['delete_queries']:>8}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
