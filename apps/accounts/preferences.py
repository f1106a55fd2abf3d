"""Rules for the preferences a person keeps on their profile: time zones and reminder days.

Plain functions, no models, so forms, the model and tests share one definition.
"""

from __future__ import annotations

import secrets
import zoneinfo
from functools import cache

from django.core.exceptions import ValidationError

DEFAULT_TIME_ZONE = "UTC"
DEFAULT_REMINDER_DAYS = (7, 1)
MAX_REMINDER_DAYS = 60
MAX_REMINDERS = 10


@cache
def time_zone_names() -> frozenset[str]:
    """IANA zone names people pick from: ``Area/Location`` zones plus ``UTC``.

    Leaves out the legacy aliases and POSIX-style names zoneinfo also knows (``EST5EDT``,
    ``Etc/GMT+5`` whose sign is inverted, ``posixrules``) that only confuse a chooser.
    """
    names = {
        name
        for name in zoneinfo.available_timezones()
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "posix/", "right/"))
    }
    return frozenset(names | {DEFAULT_TIME_ZONE})


@cache
def time_zone_choices() -> tuple[tuple[str, str], ...]:
    """(name, label) with UTC first, then by name; underscores read as spaces."""
    rest = sorted(time_zone_names() - {DEFAULT_TIME_ZONE})
    return (
        (DEFAULT_TIME_ZONE, DEFAULT_TIME_ZONE),
        *tuple((name, name.replace("_", " ")) for name in rest),
    )


def validate_time_zone(value: str) -> None:
    if value not in time_zone_names():
        raise ValidationError(
            "%(value)s is not a time zone we know. Choose one from the list, e.g. Europe/Dublin.",
            code="invalid_time_zone",
            params={"value": value},
        )


def default_reminder_days() -> list[int]:
    return list(DEFAULT_REMINDER_DAYS)


def validate_reminder_days(value: object) -> None:
    """A list of whole numbers of days, each 0–60, no number twice; an empty list is allowed
    (it turns the "before the deadline" reminders off)."""
    if not isinstance(value, list) or not all(
        isinstance(day, int) and not isinstance(day, bool) for day in value
    ):
        raise ValidationError("Reminder days must be a list of whole numbers.", code="invalid")
    out_of_range = sorted({day for day in value if not 0 <= day <= MAX_REMINDER_DAYS})
    if out_of_range:
        raise ValidationError(
            "Reminders can be 0 to %(max)d days before a deadline; %(days)s is outside that.",
            code="out_of_range",
            params={"max": MAX_REMINDER_DAYS, "days": ", ".join(map(str, out_of_range))},
        )
    repeated = sorted({day for day in value if value.count(day) > 1})
    if repeated:
        raise ValidationError(
            "Each day can appear once; %(days)s is listed more than once.",
            code="duplicate",
            params={"days": ", ".join(map(str, repeated))},
        )
    if len(value) > MAX_REMINDERS:
        raise ValidationError(
            "At most %(max)d reminders before a deadline.",
            code="too_many",
            params={"max": MAX_REMINDERS},
        )


def normalise_reminder_days(days: list[int]) -> list[int]:
    """The order reminders go out in: furthest from the deadline first."""
    return sorted(days, reverse=True)


def new_calendar_token() -> str:
    """256 random bits, URL-safe (43 characters): unguessable, fits in a feed URL."""
    return secrets.token_urlsafe(32)
