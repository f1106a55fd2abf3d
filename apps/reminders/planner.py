"""Which reminders a request earns, on which day, and the rows the sweep plans from them.

Every reminder is about one date of one request (``deadline_on``) and goes out at
``SEND_HOUR`` in the morning of its day, in the person's time zone:

- ``before_N``: N days before the deadline in force (``due_on``), for each N in the person's
  ``profile.reminder_days_before`` (default 7 and 1; 0 is the due day, covered by ``due``);
- ``due``: on the due day;
- ``missed``: the day after the deadline passed on its latest plausible reading
  (``overdue_after``), with the follow-up ready on the request's page;
- ``acknowledge``: the day after an acknowledgement was due but none is recorded
  (``acknowledge_overdue_after``: CCPA's 10 business days);
- ``draft``: ``DRAFT_NUDGE_DAYS`` after a letter was saved and never marked sent.

Nothing for closed requests (fulfilled, refused, withdrawn) or people who turned reminders off.
A new deadline (an extension) is a new date, so it earns its own reminders; those about the old
date are cancelled when their turn comes (``still_applies``).

The planner reads only the request's stored date columns (``apps.tracker.services.
DERIVED_FIELDS``) through partial indexes, in a fixed number of queries whatever the number of
requests: one for the distinct reminder-day settings, one for the candidates, a few inserts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q

from apps.accounts.models import Profile
from apps.tracker.lifecycle import WAITING, Status
from apps.tracker.models import PrivacyRequest

from .models import Reminder

logger = logging.getLogger(__name__)

SEND_HOUR = 8  # local time
DRAFT_NUDGE_DAYS = 3
DUE, MISSED, ACKNOWLEDGE, DRAFT = "due", "missed", "acknowledge", "draft"
BEFORE = "before_"
DEADLINE_KINDS = frozenset({DUE, MISSED})  # with the before_N ones: about the deadline in force

_WAITING = sorted(status.value for status in WAITING)

# Only these columns are read for planning: no letter text, no identifiers.
PLANNING_FIELDS = (
    "id",
    "owner_id",
    "status",
    "dated_on",
    "acknowledged_on",
    "due_on",
    "overdue_after",
    "acknowledge_by",
    "acknowledge_overdue_after",
)


def catch_up_days() -> int:
    """How far back a reminder the sweep never got to (worker down) is still sent, late."""
    return int(getattr(settings, "REMINDERS_CATCH_UP_DAYS", 7))


def kind_label(kind: str) -> str:
    if kind.startswith(BEFORE):
        days = int(kind.removeprefix(BEFORE))
        return f"{days} day{'s' if days != 1 else ''} before the deadline"
    return {
        DUE: "On the due day",
        MISSED: "The day after the deadline passed",
        ACKNOWLEDGE: "Acknowledgement not recorded",
        DRAFT: "Letter not sent yet",
    }.get(kind, kind)


def days_before(kind: str) -> int | None:
    return int(kind.removeprefix(BEFORE)) if kind.startswith(BEFORE) else None


@dataclass(frozen=True)
class Planned:
    kind: str
    deadline_on: date  # the date the reminder is about
    day: date  # the day it goes out (in the person's time zone)

    def due_at(self, zone: ZoneInfo) -> datetime:
        return datetime.combine(self.day, time(SEND_HOUR), tzinfo=zone)

    @property
    def label(self) -> str:
        return kind_label(self.kind)


def reminders_for(request: PrivacyRequest, reminder_days: list[int]) -> list[Planned]:
    """Every reminder the request earns from its stored columns now, soonest first."""
    planned: list[Planned] = []
    if request.status == Status.DRAFT and request.dated_on:
        day = request.dated_on + timedelta(days=DRAFT_NUDGE_DAYS)
        planned.append(Planned(DRAFT, request.dated_on, day))
    if request.status in WAITING:
        if request.due_on:
            for n in sorted({n for n in reminder_days if n > 0}, reverse=True):
                planned.append(
                    Planned(f"{BEFORE}{n}", request.due_on, request.due_on - timedelta(n))
                )
            planned.append(Planned(DUE, request.due_on, request.due_on))
        if request.overdue_after:
            planned.append(
                Planned(MISSED, request.overdue_after, request.overdue_after + timedelta(1))
            )
        if (
            request.acknowledge_by
            and request.acknowledge_overdue_after
            and request.acknowledged_on is None
        ):
            day = request.acknowledge_overdue_after + timedelta(1)
            planned.append(Planned(ACKNOWLEDGE, request.acknowledge_by, day))
    return sorted(planned, key=lambda p: (p.day, p.kind))


def still_applies(reminder: Reminder, *, today: date) -> bool:
    """At sending time: does the reminder still describe the request? (Else it is cancelled.)

    ``today`` is the person's date. After an outage, a reminder about the deadline that a
    closer one has overtaken (its day has come too: "1 day before" over "7 days before", the
    due day over both, the missed deadline over all) is dropped, so one email says where
    things stand rather than several stale ones.
    """
    request = reminder.request
    profile = request.owner.profile
    if not profile.reminders_enabled or not request.owner.is_active:
        return False
    wanted = reminders_for(request, profile.reminder_days_before)
    mine = next(
        (p for p in wanted if p.kind == reminder.kind and p.deadline_on == reminder.deadline_on),
        None,
    )
    if mine is None:
        return False  # closed, sent, acknowledged, the deadline moved, or the days changed
    if mine.kind not in DEADLINE_KINDS and not mine.kind.startswith(BEFORE):
        return True
    return not any(
        (p.kind in DEADLINE_KINDS or p.kind.startswith(BEFORE)) and mine.day < p.day <= today
        for p in wanted
    )


def _windows(now: datetime, reminder_days: set[int]) -> Q:
    """Requests that may have a reminder whose day is in the catch-up window around ``now``.

    Dates are compared in UTC widened by a day each side (every time zone's today is within
    it); the exact local day is checked in Python. Each arm matches one partial index.
    """
    today = now.astimezone(UTC).date()
    first, last = today - timedelta(days=catch_up_days() + 1), today + timedelta(days=1)
    one = timedelta(days=1)
    waiting = Q(status__in=_WAITING)
    due_days = sorted({0, *(n for n in reminder_days if n > 0)})
    arms = [
        Q(status=Status.DRAFT.value)
        & Q(
            dated_on__range=(
                first - timedelta(DRAFT_NUDGE_DAYS),
                last - timedelta(DRAFT_NUDGE_DAYS),
            )
        ),
        waiting & Q(overdue_after__range=(first - one, last - one)),
        waiting
        & Q(
            acknowledged_on__isnull=True, acknowledge_overdue_after__range=(first - one, last - one)
        ),
        *(waiting & Q(due_on__range=(first + timedelta(n), last + timedelta(n))) for n in due_days),
    ]
    condition = arms[0]
    for arm in arms[1:]:
        condition |= arm
    return condition


def reminder_day_settings() -> set[int]:
    """Every "days before" anybody with reminders on asked for (a handful of distinct lists)."""
    lists = (
        Profile.objects.filter(reminders_enabled=True)
        .values_list("reminder_days_before", flat=True)
        .distinct()
    )
    return {n for days in lists if isinstance(days, list) for n in days if isinstance(n, int)}


def due_reminders(*, now: datetime) -> list[Reminder]:
    """Unsaved rows for every reminder whose time has come by ``now`` (within the catch-up
    window), for people with reminders on. Some may exist already: saving ignores those."""
    candidates = (
        PrivacyRequest.objects.filter(_windows(now, reminder_day_settings()))
        .filter(owner__is_active=True, owner__profile__reminders_enabled=True)
        .only(*PLANNING_FIELDS, "owner__profile__time_zone", "owner__profile__reminder_days_before")
        .select_related("owner__profile")
    )
    rows: list[Reminder] = []
    for request in candidates:
        profile = request.owner.profile
        zone = profile.zone
        local_today = now.astimezone(zone).date()
        oldest = local_today - timedelta(days=catch_up_days())
        for planned in reminders_for(request, profile.reminder_days_before):
            due_at = planned.due_at(zone)
            if planned.day < oldest or due_at > now:
                continue
            rows.append(
                Reminder(
                    request=request,
                    kind=planned.kind,
                    deadline_on=planned.deadline_on,
                    due_at=due_at,
                    next_attempt_at=due_at,
                )
            )
    return rows


def plan_due(*, now: datetime) -> int:
    """Create the rows of the reminders due by ``now`` not planned yet; returns how many were
    offered (the unique constraint keeps each reminder to one row, whoever inserts it)."""
    rows = due_reminders(now=now)
    if rows:  # most are planned already by an earlier sweep: insert only the others
        existing = set(
            Reminder.objects.filter(request_id__in={row.request_id for row in rows})
            .order_by()
            .values_list("request_id", "kind", "deadline_on")
        )
        rows = [r for r in rows if (r.request_id, r.kind, r.deadline_on) not in existing]
    # A concurrent sweep may insert the same rows meanwhile: the unique constraint keeps one.
    Reminder.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    if rows:
        logger.info("planned %d reminder(s) due by %s", len(rows), now.isoformat())
    return len(rows)


def upcoming_for(request: PrivacyRequest, *, profile: Any, now: datetime) -> list[Planned]:
    """The reminders still to come for one request (the request page), none planned yet."""
    if not profile.reminders_enabled:
        return []
    local_today = now.astimezone(profile.zone).date()
    existing = set(request.reminders.values_list("kind", "deadline_on"))
    return [
        planned
        for planned in reminders_for(request, profile.reminder_days_before)
        if (planned.kind, planned.deadline_on) not in existing
        and planned.due_at(profile.zone) > now
        and planned.day >= local_today
    ]
