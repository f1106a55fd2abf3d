"""Date arithmetic the laws use, each step recorded so a person can follow it.

- :func:`add_months`: Reg. 1182/71 Art. 3(2)(c) and the ICO method: the same date in the month
  that many months later, or that month's last day when the date does not exist there (never
  the naive "overflow into the next month": 31 Jan + 1 month is 28/29 Feb, not 3 Mar).
- :func:`roll_forward`: Art. 3(4) and the ICO: a last day on a weekend or holiday moves to the
  next working day.
- :func:`add_business_days`: California: the day of receipt is not counted; Saturdays, Sundays
  and the calendar's holidays are skipped.

Every function returns the date and the sentence fragments that explain it (joined with " → "
by the engine).
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from apps.deadlines.calendars import MONTH_NAMES, Calendar, fmt, fmt_plain, fmt_short

NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


@dataclass(frozen=True)
class Reading:
    """A date and the steps that reached it (without the "Received …" step)."""

    day: date
    steps: tuple[str, ...] = field(default_factory=tuple)


def add_months(start: date, months: int) -> tuple[date, str]:
    """``start`` plus ``months`` calendar months, clamped to the month's last day.

    Returns the date and a note ``"(no 31 Feb)"`` when the clamp applied, else ``""``.
    """
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last = _calendar.monthrange(year, month)[1]
    if start.day > last:
        return date(year, month, last), f"(no {start.day} {MONTH_NAMES[month - 1]})"
    return date(year, month, start.day), ""


def months_phrase(months: int) -> str:
    word = NUMBER_WORDS.get(months, str(months))
    return f"{word} month" + ("s" if months != 1 else "")


def roll_forward(day: date, calendar: Calendar) -> tuple[date, list[date]]:
    """The first working day on or after ``day``, and the closed days skipped to reach it."""
    skipped: list[date] = []
    while calendar.is_closed(day):
        skipped.append(day)
        day += timedelta(days=1)
    return day, skipped


def rolled_steps(raw: date, note: str, calendar: Calendar | None) -> Reading:
    """Steps for a last day ``raw`` (with its clamp ``note``), rolled over ``calendar`` if any.

    ``"28 Feb 2026 (no 31 Feb)" → "a Saturday" → "next working day Mon 2 Mar 2026"``.
    """
    suffix = f" {note}" if note else ""
    if calendar is None:
        return Reading(raw, (f"{fmt(raw)}{suffix}",))
    final, skipped = roll_forward(raw, calendar)
    if not skipped:
        return Reading(raw, (f"{fmt(raw)}{suffix}, {calendar.open_day}",))
    steps = [f"{fmt_plain(raw)}{suffix}", calendar.why_closed(raw)]
    # Later closed days: name the holidays; a plain weekend is only worth a word when the first
    # closed day was not itself a weekend day.
    items, weekend_said = [], raw.weekday() in calendar.weekend
    for day in skipped[1:]:
        holiday = calendar.holiday(day)
        if holiday:
            items.append(f"{fmt_short(day)} ({holiday})")
        elif not weekend_said:
            items.append("the weekend")
            weekend_said = True
    if items:
        steps.append("then " + ", ".join(items))
    steps.append(f"{calendar.next_open_day} {fmt(final)}")
    return Reading(final, tuple(steps))


def add_business_days(start: date, count: int, calendar: Calendar) -> Reading:
    """``count`` business days after ``start`` (the day of receipt is not counted)."""
    day, counted, holidays_skipped = start, 0, []
    while counted < count:
        day += timedelta(days=1)
        if day.weekday() in calendar.weekend:
            continue
        holiday = calendar.holiday(day)
        if holiday:
            holidays_skipped.append(f"{fmt_short(day)} ({holiday})")
            continue
        counted += 1
    steps = [f"{count} business days (Mon–Fri, not counting the day of receipt)"]
    if holidays_skipped:
        steps.append("skipping " + ", ".join(holidays_skipped))
    else:
        steps.append(f"no {calendar.holiday_word} in between")
    steps.append(fmt(day))
    return Reading(day, tuple(steps))


def add_days(start: date, days: int) -> date:
    return start + timedelta(days=days)
