"""How a person likes their dates written: a few unambiguous styles and one formatter.

Month names are spelled here rather than taken from the locale (``%b``), so a reminder email
reads the same whichever machine or language setting renders it. ``format_date`` is what
reminders, letters and pages call with ``user.profile.date_format``.
"""

from __future__ import annotations

from datetime import date

DAY_MONTH_YEAR = "d-mon-y"
MONTH_DAY_YEAR = "mon-d-y"
ISO = "iso"
LONG = "d-month-y"

DEFAULT_DATE_FORMAT = DAY_MONTH_YEAR

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# (stored value, example shown in the settings form)
DATE_FORMAT_CHOICES = (
    (DAY_MONTH_YEAR, "23 Nov 2026"),
    (MONTH_DAY_YEAR, "Nov 23, 2026"),
    (ISO, "2026-11-23"),
    (LONG, "23 November 2026"),
)


def format_date(value: date, style: str = DEFAULT_DATE_FORMAT) -> str:
    """``value`` written in ``style`` (one of ``DATE_FORMAT_CHOICES``); unknown styles use the
    default rather than failing, so a stale stored value never breaks a reminder."""
    month = _MONTHS[value.month - 1]
    if style == MONTH_DAY_YEAR:
        return f"{month[:3]} {value.day}, {value.year}"
    if style == ISO:
        return value.isoformat()
    if style == LONG:
        return f"{value.day} {month} {value.year}"
    return f"{value.day} {month[:3]} {value.year}"
