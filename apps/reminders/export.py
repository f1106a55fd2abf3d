"""The reminders' part of "download everything": every reminder row we keep about a request."""

from __future__ import annotations

from typing import Any

from apps.accounts.exports import ExportSection, export_row, register_exporter

from .models import Reminder


def reminders_section(user: Any) -> ExportSection:
    reminders = (
        Reminder.objects.filter(request__owner=user)
        .select_related("request")
        .order_by("request_id", "due_at", "pk")
    )
    return ExportSection(
        data=[
            export_row(r, request_code=str(r.request.code), kind_label=r.label) for r in reminders
        ]
    )


def register() -> None:
    register_exporter("reminders", reminders_section, models=[Reminder])
