"""The policy watch's part of "download everything": what you follow and the alerts we sent."""

from __future__ import annotations

from typing import Any

from apps.accounts.exports import ExportSection, export_row, register_exporter

from .models import Follow, PolicyAlert


def follows_section(user: Any) -> ExportSection:
    follows = Follow.objects.filter(user=user).select_related("platform").order_by("pk")
    return ExportSection(
        data=[
            export_row(f, platform_slug=f.platform.slug, platform_name=f.platform.name)
            for f in follows
        ]
    )


def policy_alerts_section(user: Any) -> ExportSection:
    alerts = (
        PolicyAlert.objects.filter(user=user)
        .select_related("snapshot__document__platform")
        .order_by("pk")
    )
    return ExportSection(
        data=[
            export_row(
                a,
                platform_name=a.snapshot.document.platform.name,
                document_title=a.snapshot.document.title,
                version=a.snapshot.number,
            )
            for a in alerts
        ]
    )


def register() -> None:
    register_exporter("follows", follows_section, models=[Follow])
    register_exporter("policy_alerts", policy_alerts_section, models=[PolicyAlert])
