"""The reminder sweep at scale: time and queries to plan and send reminders, as requests grow.

Target (issue 7): with 1,000,000 requests of which 1% have a reminder due, a sweep takes under
5 s and its planning query count does not grow with the number of requests (the planner reads
the tracker's partial indexes on the stored date columns and its index of open deadlines).

Needs PostgreSQL (DATABASE_URL=postgres://…): seeds its own throwaway database
(``<name>_bench_reminders``, dropped at the end) with ``generate_series`` — one person per ten
requests, every profile on the default days (7 and 1), time zone UTC. Of the requests, 1% were
sent and are due in 7 days (a reminder is due now), 40% are closed, 49% are waiting on a
deadline 20–380 days away, 10% are drafts older than any nudge.

For each size it runs two sweeps at 12:00 UTC: the first plans and delivers every due reminder,
the second (five minutes later) finds nothing new. Delivery goes to Django's in-memory (locmem)
mail backend by default, or with ``--smtp`` to a local aiosmtpd server over real SMTP.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rightsdesk .venv/bin/python bench/reminders.py
    … bench/reminders.py --sizes 100000 1000000 --smtp
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def seed(total: int, today: str) -> None:
    people = max(1, total // 10)
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE accounts_user, accounts_profile, tracker_privacyrequest, "
            "tracker_opendeadline, reminders_reminder RESTART IDENTITY CASCADE"
        )
        cursor.execute(
            """
            INSERT INTO accounts_user (id, password, is_superuser, email, is_staff, is_active,
                                       date_joined)
            SELECT i, '!', false, 'p' || i || '@bench.invalid', false, true, now()
            FROM generate_series(1, %s) AS i
            """,
            [people],
        )
        cursor.execute(
            """
            INSERT INTO accounts_profile (user_id, full_name, postal_address, country, region,
                time_zone, date_format, reminders_enabled, reminder_days_before, calendar_token,
                created_at, updated_at)
            SELECT i, '', '', '', '', 'UTC', 'd-mon-y', true, '[7, 1]'::jsonb, md5(i::text),
                   now(), now()
            FROM generate_series(1, %s) AS i
            """,
            [people],
        )
        cursor.execute(
            """
            WITH rows AS (
                SELECT i, %(today)s::date AS today,
                       CASE WHEN i %% 100 = 0 THEN 'due'
                            WHEN i %% 10 < 4 THEN 'closed'
                            WHEN i %% 10 < 9 THEN 'waiting'
                            ELSE 'draft' END AS kind
                FROM generate_series(1, %(total)s) AS i
            ), dated AS (
                SELECT i, kind, CASE kind
                    WHEN 'due' THEN today + 7
                    WHEN 'closed' THEN today - 30 - i %% 300
                    WHEN 'waiting' THEN today + 20 + i %% 360
                    ELSE NULL END AS due_on,
                    CASE kind WHEN 'draft' THEN today - 40 - i %% 300
                              ELSE today - 60 END AS dated_on
                FROM rows
            )
            INSERT INTO tracker_privacyrequest (code, owner_id, platform_id, recipient, rights,
                regime, regimes, country, region, company_country, identifiers, reference,
                subject, body, body_sha256, dated_on, created_at, updated_at, status, sent_on,
                closed_on, due_on, overdue_after, due_dates)
            SELECT gen_random_uuid(), 1 + i %% %(people)s, NULL, '{"name": "ChatGPT"}'::jsonb,
                   '["delete"]'::jsonb, 'gdpr', '["gdpr"]'::jsonb, 'IE', '', 'IE', '{}'::jsonb,
                   'RD-' || i, 'Request', 'letter text', repeat('0', 64), dated_on,
                   now() - interval '60 days', now() - interval '30 days',
                   CASE kind WHEN 'due' THEN 'sent' WHEN 'closed' THEN 'fulfilled'
                             WHEN 'waiting' THEN 'sent' ELSE 'draft' END,
                   CASE WHEN kind = 'draft' THEN NULL ELSE due_on - 30 END,
                   CASE WHEN kind = 'closed' THEN due_on ELSE NULL END,
                   due_on, due_on,
                   CASE WHEN due_on IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(
                       jsonb_build_object('on', due_on, 'overdue_after', due_on,
                                          'rights', '["delete"]'::jsonb, 'extended', false))
                   END
            FROM dated
            """,
            {"today": today, "total": total, "people": people},
        )
        # The planner's index of the dates still awaited (services.write_open_deadlines).
        cursor.execute(
            """
            INSERT INTO tracker_opendeadline (request_id, due_on, overdue_after)
            SELECT id, due_on, overdue_after FROM tracker_privacyrequest
            WHERE status = 'sent' AND due_on IS NOT NULL
            """
        )
        cursor.execute("ANALYZE")


def explain_candidates(now: datetime) -> list[str]:
    from apps.reminders import planner
    from apps.tracker.models import OpenDeadline, PrivacyRequest

    lines = []
    for rows in (
        planner._planning_rows(PrivacyRequest.objects.filter(planner._request_windows(now))),
        planner._planning_rows(
            OpenDeadline.objects.filter(
                planner._deadline_windows(now, planner.reminder_day_settings())
            ),
            "request__",
        ),
    ):
        plan = rows.explain()
        lines += [line for line in plan.splitlines() if "Index" in line or "Seq Scan" in line]
    return lines


def run_sweep(now: datetime) -> tuple[float, int, object]:
    from apps.reminders.services import sweep_reminders

    count = [0]

    def counter(execute, sql, params, many, context):  # every query, however many
        count[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        started = time.perf_counter()
        report = sweep_reminders(now=now, time_budget=None)
        seconds = time.perf_counter() - started
    return seconds, count[0], report


def plan_only(now: datetime) -> tuple[float, int]:
    """Planning alone (what every sweep does first), counted with the same wrapper."""
    from apps.reminders.planner import plan_due

    count = [0]

    def counter(execute, sql, params, many, context):
        count[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        started = time.perf_counter()
        plan_due(now=now)
        seconds = time.perf_counter() - started
    return seconds, count[0]


def main() -> None:
    from apps.reminders.models import Reminder

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--smtp", action="store_true", help="deliver to a local aiosmtpd server")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("bench/reminders.py needs PostgreSQL: set DATABASE_URL=postgres://…")
    setup_test_environment()
    logging.getLogger("apps").setLevel(logging.WARNING)
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    smtp = None
    if args.smtp:
        from tests.conftest import start_smtp_recorder

        smtp, settings.MAILERS = start_smtp_recorder()
    else:
        settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    connection.settings_dict.setdefault("TEST", {})["NAME"] = (
        f"{connection.settings_dict['NAME']}_bench_reminders"
    )
    old_name = connection.creation.create_test_db(verbosity=0)
    now = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)
    try:
        print(f"database: PostgreSQL; delivery: {'aiosmtpd over SMTP' if smtp else 'locmem'}")
        print(
            f"{'requests':>10} {'due':>7} {'seed s':>7} | {'plan s':>7} {'queries':>8} | "
            f"{'sweep s':>8} {'queries':>8} {'sent':>6} | {'idle sweep s':>12} {'queries':>8}"
        )
        for total in args.sizes:
            started = time.perf_counter()
            seed(total, now.date().isoformat())
            seeded = time.perf_counter() - started
            plan_s, plan_q = plan_only(now)
            Reminder.objects.all().delete()
            first_s, first_q, report = run_sweep(now)
            idle_s, idle_q, _ = run_sweep(now + timedelta(minutes=5))
            print(
                f"{total:>10} {total // 100:>7} {seeded:>7.1f} | {plan_s:>7.2f} {plan_q:>8} | "
                f"{first_s:>8.2f} {first_q:>8} {report.sent:>6} | {idle_s:>12.3f} {idle_q:>8}"
            )
            for line in explain_candidates(now):
                print(f"{'':>12}plan: {line.strip()}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        if smtp is not None:
            smtp.stop()


if __name__ == "__main__":
    main()
