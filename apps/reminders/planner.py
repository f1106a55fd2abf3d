"""Which reminders a request earns, on which day, and the rows the sweep plans from them.

Every reminder is about one date of one request (``deadline_on``) and goes out at
``SEND_HOUR`` in the morning of its day, in the person's time zone. A request may have to be
met by several dates (a CCPA opt-out of sale in 15 business days, a deletion in 45 days: the
request's ``due_dates``); each date earns its own reminders:

- ``before_N``: N days before the date, for each N in the person's
  ``profile.reminder_days_before`` (default 7 and 1; 0 is the due day, covered by ``due``);
- ``due``: on the date itself;
- ``missed``: the day after the date passed on its latest plausible reading
  (``overdue_after``, which is the missed reminder's ``deadline_on``), with the follow-up
  ready on the request's page;
- ``acknowledge``: the day after an acknowledgement was due but none is recorded
  (``acknowledge_overdue_after``: CCPA's 10 business days);
- ``draft``: ``DRAFT_NUDGE_DAYS`` after a letter was saved and never marked sent.

Nothing for closed requests (fulfilled, refused, withdrawn) or people who turned reminders off.
A new deadline (an extension) is a new date, so it earns its own reminders; those about the old
date are cancelled when their turn comes (``still_applies``).

A reminder is late only when it could have gone out earlier: one whose day had already come
when the request's dates were recorded (marked sent today, 40 days ago) is planned from that
moment, so it goes out on time, not as a "late reminder".

The planner reads only the request's stored columns (``apps.tracker.services.DERIVED_FIELDS``)
through indexes that hold only what a reminder can still be about (partial indexes on the
request; the ``OpenDeadline`` rows of waiting requests), in a fixed number of queries whatever
the number of requests: one for the distinct reminder-day settings, two for the candidates (by
their own dates; by their deadlines), one for the rows planned already, and the inserts.
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
from apps.tracker.lifecycle import WAITING, DueDate, Status
from apps.tracker.models import OpenDeadline, PrivacyRequest

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
    "due_dates",
    "acknowledge_by",
    "acknowledge_overdue_after",
    "updated_at",
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
    due: DueDate | None = None  # for the reminders about a deadline: that deadline

    def due_at(self, zone: ZoneInfo) -> datetime:
        return datetime.combine(self.day, time(SEND_HOUR), tzinfo=zone)

    @property
    def label(self) -> str:
        return kind_label(self.kind)

    @property
    def about_deadline(self) -> bool:
        return self.kind in DEADLINE_KINDS or self.kind.startswith(BEFORE)


def due_dates(request: Any) -> tuple[DueDate, ...]:
    """The request's stored dates (``PrivacyRequest.due_dates``), soonest first."""
    return tuple(DueDate.from_dict(d) for d in request.due_dates or ())


def reminders_for(request: PrivacyRequest, reminder_days: list[int]) -> list[Planned]:
    """Every reminder the request earns from its stored columns now, soonest first."""
    planned: list[Planned] = []
    if request.status == Status.DRAFT and request.dated_on:
        day = request.dated_on + timedelta(days=DRAFT_NUDGE_DAYS)
        planned.append(Planned(DRAFT, request.dated_on, day))
    if request.status in WAITING:
        for due in due_dates(request):
            planned += deadline_reminders(due, reminder_days)
        if (
            request.acknowledge_by
            and request.acknowledge_overdue_after
            and request.acknowledged_on is None
        ):
            day = request.acknowledge_overdue_after + timedelta(1)
            planned.append(Planned(ACKNOWLEDGE, request.acknowledge_by, day))
    # Two dates read as overdue after the same day share one "missed" reminder.
    unique = {(p.kind, p.deadline_on): p for p in reversed(planned)}
    return sorted(unique.values(), key=lambda p: (p.day, p.kind, p.deadline_on))


def deadline_reminders(due: DueDate, reminder_days: list[int]) -> list[Planned]:
    """The reminders about one date: the days before it, the day itself, the day it was missed."""
    planned = [
        Planned(f"{BEFORE}{n}", due.on, due.on - timedelta(n), due)
        for n in sorted({n for n in reminder_days if n > 0}, reverse=True)
    ]
    planned.append(Planned(DUE, due.on, due.on, due))
    if due.overdue_after:
        planned.append(Planned(MISSED, due.overdue_after, due.overdue_after + timedelta(1), due))
    return planned


def applicable(reminder: Reminder, *, today: date) -> Planned | None:
    """At sending time: what the reminder is about, if it still describes the request (else
    None, and it is cancelled).

    ``today`` is the person's date. After an outage, a reminder about a deadline that a closer
    one about the same deadline has overtaken (its day has come too: "1 day before" over "7
    days before", the due day over both, the missed deadline over all) is dropped, so one email
    per date says where things stand rather than several stale ones. Reminders about another
    date of the same request are not affected: each date is its own.
    """
    request = reminder.request
    profile = request.owner.profile
    if not profile.reminders_enabled or not request.owner.is_active:
        return None
    wanted = reminders_for(request, profile.reminder_days_before)
    mine = next(
        (p for p in wanted if p.kind == reminder.kind and p.deadline_on == reminder.deadline_on),
        None,
    )
    if mine is None:
        return None  # closed, sent, acknowledged, the deadline moved, or the days changed
    if not mine.about_deadline:
        return mine
    overtaken = any(
        p.about_deadline and p.due == mine.due and mine.day < p.day <= today for p in wanted
    )
    return None if overtaken else mine


def still_applies(reminder: Reminder, *, today: date) -> bool:
    """Does the reminder still describe the request? (See :func:`applicable`.)"""
    return applicable(reminder, today=today) is not None


def _window(now: datetime) -> tuple[date, date]:
    """The UTC days a due reminder's day can fall on: the catch-up window, widened by a day
    each side (every time zone's today is within it); the exact local day is checked later."""
    today = now.astimezone(UTC).date()
    return today - timedelta(days=catch_up_days() + 1), today + timedelta(days=1)


def _request_windows(now: datetime) -> Q:
    """Requests whose own dates may earn a reminder now (draft nudge, acknowledgement): each
    arm matches one of the request's partial indexes."""
    first, last = _window(now)
    one, nudge = timedelta(days=1), timedelta(days=DRAFT_NUDGE_DAYS)
    return Q(status=Status.DRAFT.value, dated_on__range=(first - nudge, last - nudge)) | Q(
        status__in=_WAITING,
        acknowledged_on__isnull=True,
        acknowledge_overdue_after__range=(first - one, last - one),
    )


def _deadline_windows(now: datetime, reminder_days: set[int]) -> Q:
    """Open deadlines that may earn a reminder now: the days before and the due day (one range
    of ``due_on`` per distinct "days before"), and the missed day (``overdue_after``)."""
    first, last = _window(now)
    one = timedelta(days=1)
    due_days = sorted({0, *(n for n in reminder_days if n > 0)})
    condition = Q(overdue_after__range=(first - one, last - one))
    for n in due_days:
        condition |= Q(due_on__range=(first + timedelta(n), last + timedelta(n)))
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
    candidates: dict[int, PrivacyRequest] = {}
    for request in _planning_rows(PrivacyRequest.objects.filter(_request_windows(now))):
        candidates[request.pk] = request
    # Driven from the deadlines' own indexes, each joined to its request by primary key.
    by_deadline = OpenDeadline.objects.filter(_deadline_windows(now, reminder_day_settings()))
    for deadline in _planning_rows(by_deadline, "request__"):
        candidates.setdefault(deadline.request_id, deadline.request)
    rows: list[Reminder] = []
    for request in candidates.values():
        profile = request.owner.profile
        zone = profile.zone
        local_today = now.astimezone(zone).date()
        oldest = local_today - timedelta(days=catch_up_days())
        for planned in reminders_for(request, profile.reminder_days_before):
            due_at = planned.due_at(zone)
            if planned.day < oldest or due_at > now:
                continue
            # Its day had come before the dates it is about were recorded: it could not have
            # gone out earlier, so it is due from then (on time), not from 08:00 (late).
            due_at = min(now, max(due_at, request.updated_at))
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


def _planning_rows(rows: Any, to_request: str = "") -> Any:
    """Only the planning columns of the requests (reached through ``to_request``), with their
    owner's profile, for people with reminders on."""
    owner = f"{to_request}owner"
    return (
        rows.filter(**{f"{owner}__is_active": True, f"{owner}__profile__reminders_enabled": True})
        .only(
            *(f"{to_request}{name}" for name in PLANNING_FIELDS),
            f"{owner}__profile__time_zone",
            f"{owner}__profile__reminder_days_before",
        )
        .select_related(f"{owner}__profile")
    )


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
