"""The tracker's part of "download everything": each request as a row, each letter as a PDF."""

from __future__ import annotations

import logging
from typing import Any

from apps.accounts.exports import ExportSection, export_row, register_exporter
from apps.letters import pdf_bytes

from .models import PrivacyRequest, RequestEvent
from .services import letter_of

logger = logging.getLogger(__name__)


def requests_section(user: Any) -> ExportSection:
    rows = []
    files: dict[str, bytes] = {}
    requests = (
        PrivacyRequest.objects.filter(owner=user)
        .select_related("platform")
        .prefetch_related("events")
    )
    for request in requests:
        name = f"letter-{request.code}.pdf"
        rows.append(
            export_row(
                request,
                platform_slug=request.platform.slug if request.platform else "",
                status_label=request.get_status_display(),
                letter_pdf=name,
                timeline=[
                    export_row(event, kind_label=event.get_kind_display())
                    for event in request.events.all()
                ],
            )
        )
        files[name] = pdf_bytes(letter_of(request))
    return ExportSection(data=rows, files=files)


def register() -> None:
    register_exporter("requests", requests_section, models=[PrivacyRequest, RequestEvent])
