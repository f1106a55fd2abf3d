"""Moments shown as dates the way the reader likes them (their time zone and date style)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from apps.accounts.dates import format_date


def person_date(moment: datetime, user: Any = None) -> str:
    """``moment`` as a date in the person's time zone and style; the server's for visitors."""
    profile = getattr(user, "profile", None) if getattr(user, "is_authenticated", False) else None
    if profile is None:
        return format_date(timezone.localtime(moment).date())
    return profile.format_date(moment.astimezone(ZoneInfo(profile.time_zone)).date())
