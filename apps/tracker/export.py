"""The tracker's part of "download everything": each request as a row, each letter as a PDF."""

from __future__ import annotations

import csv
import io
import logging
from typing import Any

from apps.accounts.exports import (
    ExportSection,
    export_row,
    register_exporter,
    register_not_exported,
)
from apps.letters import pdf_bytes

from .models import OpenDeadline, PrivacyRequest, RequestEvent
from .services import letter_of

logger = logging.getLogger(__name__)


def _requests(user: Any) -> Any:
    return (
        PrivacyRequest.objects.filter(owner=user)
        .select_related("platform")
        .prefetch_related("events")
    )


def request_rows(user: Any) -> list[dict[str, Any]]:
    """Every request of ``user`` as a row with its timeline (the JSON export's content)."""
    return [_row(request) for request in _requests(user)]


def _row(request: PrivacyRequest) -> dict[str, Any]:
    return export_row(
        request,
        platform_slug=request.platform.slug if request.platform else "",
        status_label=request.get_status_display(),
        letter_pdf=f"letter-{request.code}.pdf",
        timeline=[
            export_row(event, kind_label=event.get_kind_display()) for event in request.events.all()
        ],
    )


# One line per request in the CSV export: the facts a spreadsheet sorts and filters by.
CSV_COLUMNS = (
    "code",
    "reference",
    "platform_slug",
    "recipient",
    "rights",
    "regime",
    "status",
    "dated_on",
    "sent_on",
    "acknowledged_on",
    "extension_claimed_on",
    "due_on",
    "overdue_after",
    "answered_on",
    "closed_on",
    "follow_up_on",
    "complaint_on",
    "subject",
)


def csv_text(user: Any) -> str:
    """The requests as CSV (UTF-8, a header line, dates as YYYY-MM-DD)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for request in PrivacyRequest.objects.filter(owner=user).select_related("platform"):
        values = {
            "platform_slug": request.platform.slug if request.platform else "",
            "recipient": request.recipient_value.name,
            "rights": " ".join(request.rights),
        }
        row = []
        for column in CSV_COLUMNS:
            value = values[column] if column in values else getattr(request, column)
            text = "" if value is None else str(value)
            # A cell starting with = + - @ is a formula to spreadsheets: quote it as text.
            row.append("'" + text if text[:1] in ("=", "+", "-", "@") else text)
        writer.writerow(row)
    return out.getvalue()


def requests_section(user: Any) -> ExportSection:
    rows = []
    files: dict[str, bytes] = {}
    for request in _requests(user):
        name = f"letter-{request.code}.pdf"
        rows.append(_row(request))
        files[name] = pdf_bytes(letter_of(request))
    return ExportSection(data=rows, files=files)


def register() -> None:
    register_exporter("requests", requests_section, models=[PrivacyRequest, RequestEvent])
    register_not_exported(
        OpenDeadline,
        "A copy of the dates in each request's due_dates, kept to plan reminders; the request "
        "rows carry the same dates.",
    )
