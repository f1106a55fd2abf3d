"""``manage.py send_reminders [--dry-run]``: plan and send due reminders now, or list them."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from apps.notifications.delivery import due

from ...models import Reminder
from ...planner import due_reminders
from ...services import sweep_reminders


class Command(BaseCommand):
    help = "Plan and send every reminder due now (--dry-run: only print what would be sent)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Print what would be sent; change nothing."
        )

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        now = timezone.now()
        if not dry_run:
            report = sweep_reminders(now=now, time_budget=None)
            self.stdout.write(
                f"sent {report.sent} (late {report.late}), retrying {report.retrying}, "
                f"failed {report.failed}, cancelled {report.cancelled}"
            )
            return
        planned = {(r.request_id, r.kind, r.deadline_on): r for r in due_reminders(now=now)}
        queued = list(due(Reminder, now=now).select_related("request"))
        for row in queued:
            planned.pop((row.request_id, row.kind, row.deadline_on), None)
        existing = set(
            Reminder.objects.filter(request_id__in={key[0] for key in planned}).values_list(
                "request_id", "kind", "deadline_on"
            )
        )
        new = [r for key, r in planned.items() if key not in existing]
        for row in [*queued, *new]:
            state = "queued" if row.pk else "new"
            self.stdout.write(
                f"{state}\trequest {row.request.code}\t{row.kind}\t{row.deadline_on:%Y-%m-%d}"
                f"\tdue {row.due_at.isoformat()}"
            )
        self.stdout.write(f"{len(queued) + len(new)} reminder(s) would be sent (dry run)")
