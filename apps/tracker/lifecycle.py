"""A privacy request's life, derived from its timeline. Plain Python, no database.

The timeline is append-only: the person records what happened ("sent on 2 Nov", "they claimed
an extension on 20 Nov because …", "they replied on 3 Dec") and corrects a wrong date by
recording a correction, never by editing history. Everything else — status, the deadline in
force, whether an extension was claimed in time, whether the request is overdue, the one next
action — is *derived* here from those events and the deadline engine, so it can never drift from
the facts or depend on a flag someone forgot to set.

    draft ──sent──▶ sent ──acknowledged──▶ acknowledged
                     │  └─extension claimed─▶ extended
                     └──response received──▶ responded ──▶ fulfilled | partly fulfilled | refused
    withdrawn at any time before the request is closed.

``derive(events, terms, today=…)`` returns a :class:`RequestState`;
``check_event(state, kind, on, today=…)`` refuses an event that makes no sense now (a fulfilled
request cannot be sent again; a date cannot be in the future or before the request was sent)
with a message a person can act on.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from apps.deadlines import Deadline, compute_deadline, extension_claimed_in_time, get_regime

from .escalation import wait_after_follow_up


class Status(enum.StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    EXTENDED = "extended"
    RESPONDED = "responded"
    FULFILLED = "fulfilled"
    PARTLY_FULFILLED = "partly_fulfilled"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.DRAFT: "Draft",
    Status.SENT: "Sent",
    Status.ACKNOWLEDGED: "Acknowledged",
    Status.EXTENDED: "Extended",
    Status.RESPONDED: "Reply received",
    Status.FULFILLED: "Fulfilled",
    Status.PARTLY_FULFILLED: "Partly fulfilled",
    Status.REFUSED: "Refused",
    Status.WITHDRAWN: "Withdrawn",
}

# The outcome is known: no deadline runs any more, no reminder is due.
CLOSED = frozenset({Status.FULFILLED, Status.PARTLY_FULFILLED, Status.REFUSED, Status.WITHDRAWN})
# The company still owes an answer.
WAITING = frozenset({Status.SENT, Status.ACKNOWLEDGED, Status.EXTENDED})


class EventKind(enum.StrEnum):
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    EXTENSION_CLAIMED = "extension_claimed"
    RESPONSE_RECEIVED = "response_received"
    FULFILLED = "fulfilled"
    PARTLY_FULFILLED = "partly_fulfilled"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    FOLLOW_UP_SENT = "follow_up_sent"
    COMPLAINT_FILED = "complaint_filed"
    DATE_CORRECTED = "date_corrected"

    @property
    def label(self) -> str:
        return EVENT_LABELS[self]


EVENT_LABELS = {
    EventKind.SENT: "Sent",
    EventKind.ACKNOWLEDGED: "Receipt acknowledged",
    EventKind.EXTENSION_CLAIMED: "Extension claimed",
    EventKind.RESPONSE_RECEIVED: "Reply received",
    EventKind.FULFILLED: "Fulfilled",
    EventKind.PARTLY_FULFILLED: "Partly fulfilled",
    EventKind.REFUSED: "Refused",
    EventKind.WITHDRAWN: "Withdrawn",
    EventKind.FOLLOW_UP_SENT: "Follow-up sent",
    EventKind.COMPLAINT_FILED: "Complaint filed",
    EventKind.DATE_CORRECTED: "Date corrected",
}

# What each event does to the status (events not listed leave it as it is).
_STATUS_AFTER = {
    EventKind.SENT: Status.SENT,
    EventKind.ACKNOWLEDGED: Status.ACKNOWLEDGED,
    EventKind.EXTENSION_CLAIMED: Status.EXTENDED,
    EventKind.RESPONSE_RECEIVED: Status.RESPONDED,
    EventKind.FULFILLED: Status.FULFILLED,
    EventKind.PARTLY_FULFILLED: Status.PARTLY_FULFILLED,
    EventKind.REFUSED: Status.REFUSED,
    EventKind.WITHDRAWN: Status.WITHDRAWN,
}

_OUTCOMES = {EventKind.FULFILLED, EventKind.PARTLY_FULFILLED, EventKind.REFUSED}
_ANSWERS = {EventKind.RESPONSE_RECEIVED, *_OUTCOMES}
_OPEN_ACTIONS = {EventKind.FOLLOW_UP_SENT, EventKind.COMPLAINT_FILED, EventKind.WITHDRAWN}

# Which events may be recorded in which status. DATE_CORRECTED is checked separately.
ALLOWED: dict[Status, frozenset[EventKind]] = {
    Status.DRAFT: frozenset({EventKind.SENT, EventKind.WITHDRAWN}),
    Status.SENT: frozenset(
        {EventKind.ACKNOWLEDGED, EventKind.EXTENSION_CLAIMED, *_ANSWERS, *_OPEN_ACTIONS}
    ),
    Status.ACKNOWLEDGED: frozenset({EventKind.EXTENSION_CLAIMED, *_ANSWERS, *_OPEN_ACTIONS}),
    Status.EXTENDED: frozenset({EventKind.ACKNOWLEDGED, *_ANSWERS, *_OPEN_ACTIONS}),
    Status.RESPONDED: frozenset({*_ANSWERS, *_OPEN_ACTIONS}),
    # A partial answer or a refusal can still be chased and escalated, and completed later.
    Status.PARTLY_FULFILLED: frozenset(
        {EventKind.FULFILLED, EventKind.FOLLOW_UP_SENT, EventKind.COMPLAINT_FILED}
    ),
    Status.REFUSED: frozenset(
        {EventKind.FULFILLED, EventKind.FOLLOW_UP_SENT, EventKind.COMPLAINT_FILED}
    ),
    Status.FULFILLED: frozenset(),
    Status.WITHDRAWN: frozenset(),
}


class EventRefused(ValueError):
    """An event that cannot be recorded now; the message says why, in plain words.
    ``about_date``: the date given is what is wrong (the form shows it on the date field)."""

    def __init__(self, message: str, *, about_date: bool = False) -> None:
        super().__init__(message)
        self.about_date = about_date


@dataclass(frozen=True)
class Event:
    """One entry of the timeline. ``details`` holds what the kind needs: the company's reason
    for an extension, the text of a reply, or, for a correction, ``{"event": id, "to": date}``."""

    kind: EventKind
    occurred_on: date
    id: int | None = None
    details: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Terms:
    """Which deadlines a request follows: the deadline engine's inputs.

    ``deadlines`` lists (regime, right) pairs — the request letter's governing deadlines (see
    ``apps.letters.RequestPlan.governing``: a CCPA training objection is followed as delete and
    opt-out of sale; a request resting on policy alone as ``("none", right)``).
    """

    deadlines: tuple[tuple[str, str], ...]
    country: str = ""
    region: str = ""
    company_country: str = ""

    @classmethod
    def single(cls, regime: str, rights: Iterable[str], **place: str) -> Terms:
        """The rights the regime grants, under one regime (``("none", …)`` when it grants none)."""
        granted = get_regime(regime).rights
        pairs = tuple((regime, right) for right in rights if right in granted)
        if not pairs:
            pairs = tuple(("none", right) for right in rights)
        return cls(deadlines=pairs, **place)


@dataclass(frozen=True)
class DueDate:
    """One date the company must meet, and the rights it must have acted on by then.

    A request can follow several deadlines at once (a CCPA opt-out of sale is due in 15
    business days, a deletion in 45 days): the state lists one ``DueDate`` per distinct date,
    soonest first, so every one of them is shown, put in the calendar and reminded of.
    ``overdue_after``: nothing due that day may be called overdue on or before it.
    """

    on: date
    overdue_after: date | None
    rights: tuple[str, ...]
    extended: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "overdue_after": self.overdue_after.isoformat() if self.overdue_after else None,
            "rights": list(self.rights),
            "extended": self.extended,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DueDate:
        after = data.get("overdue_after")
        return cls(
            on=_as_date(data["on"]),
            overdue_after=_as_date(after) if after else None,
            rights=tuple(data.get("rights", ())),
            extended=bool(data.get("extended", False)),
        )


def due_dates_of(deadlines: Iterable[Deadline]) -> tuple[DueDate, ...]:
    """The distinct dates of ``deadlines`` in force, soonest first, each with its rights (in
    the order given) and the latest plausible reading of any deadline falling that day."""
    by_day: dict[date, list[Deadline]] = {}
    for deadline in deadlines:
        if deadline.effective_due_on is not None:
            by_day.setdefault(deadline.effective_due_on, []).append(deadline)
    dates = []
    for day in sorted(by_day):
        group = by_day[day]
        afters = [d.overdue_after for d in group if d.overdue_after is not None]
        rights = tuple(dict.fromkeys(d.right for d in group))
        dates.append(
            DueDate(day, max(afters, default=None), rights, any(d.extended for d in group))
        )
    return tuple(dates)


@dataclass(frozen=True)
class NextAction:
    """The one thing to do now, for the dashboard and the request page."""

    code: (
        str  # send | wait | acknowledgement-late | follow-up | escalate | follow-up-partial | none
    )
    text: str
    urgent: bool = False


@dataclass(frozen=True)
class RequestState:
    status: Status
    events: tuple[Event, ...]  # effective timeline: corrections applied, in date order
    sent_on: date | None = None
    acknowledged_on: date | None = None
    extension_claimed_on: date | None = None
    extension_reason: str = ""
    extension_in_time: bool | None = None  # None: no extension claimed
    extension_allowed: bool | None = None  # False: the law has no extension
    answered_on: date | None = None  # first reply or outcome
    closed_on: date | None = None
    follow_up_on: date | None = None  # the latest follow-up
    # After a follow-up, the first day escalating to the regulator is suggested (the wait the
    # regulator's guidance gives the organisation: apps.tracker.escalation).
    escalate_from: date | None = None
    complaint_on: date | None = None
    deadlines: tuple[Deadline, ...] = ()  # one per right the law grants, extended if valid
    due_dates: tuple[DueDate, ...] = ()  # every distinct date in force, soonest first
    due_on: date | None = None  # the earliest deadline in force
    overdue_after: date | None = None  # nothing is overdue on or before this date
    acknowledge_by: date | None = None
    acknowledge_overdue_after: date | None = None
    courtesy_reply_by: date | None = None  # only where no statute sets a date
    written_on: date | None = None  # the letter's date: it cannot have been sent before

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED

    @property
    def statutory(self) -> bool:
        return self.due_on is not None

    @property
    def deadline(self) -> Deadline | None:
        """The deadline that falls first (the one the dashboard counts down to)."""
        if not self.deadlines:
            return None
        dated = [d for d in self.deadlines if d.effective_due_on is not None]
        if dated:
            return min(dated, key=lambda d: d.effective_due_on)  # type: ignore[arg-type,return-value]
        return self.deadlines[0]

    def next_due(self, today: date) -> DueDate | None:
        """The soonest date still to come (today included) while an answer is owed."""
        if self.status not in WAITING:
            return None
        return next((d for d in self.due_dates if d.on >= today), None)

    def later_due(self, today: date) -> tuple[DueDate, ...]:
        """The dates still to come after :meth:`next_due` (the dashboard says "then …")."""
        upcoming = [d for d in self.due_dates if d.on >= today] if self.status in WAITING else []
        return tuple(upcoming[1:])

    def is_overdue(self, today: date) -> bool:
        """Owed an answer and past the latest plausible reading of the deadline."""
        return (
            self.status in WAITING and self.overdue_after is not None and today > self.overdue_after
        )

    def days_overdue(self, today: date) -> int:
        """Days since the deadline (``due_on``) passed, once the request is overdue."""
        if not self.is_overdue(today) or self.due_on is None:
            return 0
        return (today - self.due_on).days

    def days_left(self, today: date) -> int | None:
        if self.status not in WAITING or self.due_on is None:
            return None
        return (self.due_on - today).days

    def acknowledgement_late(self, today: date) -> bool:
        return (
            self.status == Status.SENT
            and self.acknowledged_on is None
            and self.acknowledge_overdue_after is not None
            and today > self.acknowledge_overdue_after
        )

    def past_courtesy_date(self, today: date) -> bool:
        return (
            self.status in WAITING
            and self.courtesy_reply_by is not None
            and today > self.courtesy_reply_by
        )

    def time_used(self, today: date) -> float | None:
        """Share of the response period used so far, 0.0–1.0 (above 1 when overdue)."""
        end = self.due_on or self.courtesy_reply_by
        if self.sent_on is None or end is None or end <= self.sent_on:
            return None
        until = self.closed_on or today
        return max(0.0, (until - self.sent_on).days / (end - self.sent_on).days)

    def next_action(self, today: date) -> NextAction:
        status = self.status
        if status == Status.DRAFT:
            return NextAction("send", "Send it", urgent=False)
        if status in {Status.FULFILLED, Status.WITHDRAWN}:
            return NextAction("none", "Nothing to do")
        if status == Status.PARTLY_FULFILLED:
            if self.follow_up_on is None:
                return NextAction(
                    "follow-up-partial", "Partly fulfilled — ask for the rest", urgent=True
                )
            if self.complaint_on is not None:
                return NextAction("none", "Complaint filed — wait for the regulator")
            return self._after_follow_up(today)
        if status == Status.REFUSED:
            if self.complaint_on is None:
                return NextAction("escalate", "Refused — escalate to the regulator", urgent=True)
            return NextAction("none", "Complaint filed — wait for the regulator")
        if status == Status.RESPONDED:
            return NextAction("review", "Reply received — record the outcome")
        if self.is_overdue(today):
            overdue = self.days_overdue(today)
            days = f"{overdue} day{'s' if overdue != 1 else ''}"
            if self.follow_up_on is None:
                return NextAction("follow-up", f"Overdue by {days} — send a follow-up", urgent=True)
            if self.complaint_on is None:
                return self._after_follow_up(today)
            return NextAction("none", "Complaint filed — wait for the regulator")
        if self.acknowledgement_late(today):
            return NextAction(
                "acknowledgement-late", "No acknowledgement yet — it was due", urgent=True
            )
        if self.past_courtesy_date(today):
            if self.follow_up_on is None:
                return NextAction(
                    "follow-up", "No reply by the date you asked — send a follow-up", urgent=True
                )
            return NextAction("wait", "Follow-up sent — waiting for a reply")
        left = self.days_left(today)
        if left is None:
            return NextAction("wait", "Waiting for a reply")
        if left < 0:  # past the legal date, not yet past the latest plausible reading
            return NextAction("wait", "Deadline just passed — waiting a little longer to be sure")
        return NextAction("wait", f"Waiting — {left} day{'s' if left != 1 else ''} left")

    def may_escalate(self, today: date) -> bool:
        """Has the organisation had the time the regulator gives it to answer the follow-up?"""
        return self.follow_up_on is not None and (
            self.escalate_from is None or today >= self.escalate_from
        )

    def _after_follow_up(self, today: date) -> NextAction:
        if self.may_escalate(today):
            return NextAction("escalate", "Escalate to the regulator", urgent=True)
        return NextAction(
            "wait-follow-up",
            f"Follow-up sent — give them until {self.escalate_from:%-d %b %Y} to answer",
        )

    def urgency(self, today: date) -> tuple[int, int]:
        """Sort key, most urgent first: overdue (longest first), then by days left, drafts,
        answered requests, closed ones last."""
        if self.is_overdue(today):
            return (0, -self.days_overdue(today))
        if self.status in {Status.PARTLY_FULFILLED, Status.REFUSED} and self.complaint_on is None:
            return (1, 0)
        if self.acknowledgement_late(today) or self.past_courtesy_date(today):
            return (1, 1)
        left = self.days_left(today)
        if left is not None:
            return (2, left)
        if self.status in WAITING:
            return (3, 0)
        if self.status == Status.DRAFT:
            return (4, 0)
        if self.status == Status.RESPONDED:
            return (5, 0)
        return (6, 0)


# --- Deriving the state ----------------------------------------------------------------------------


def effective_timeline(events: Iterable[Event]) -> tuple[Event, ...]:
    """The events with every date correction applied (latest correction wins), corrections
    themselves kept in place, sorted by date (ties in recording order)."""
    events = list(events)
    moved: dict[int, date] = {}
    for event in events:
        if event.kind == EventKind.DATE_CORRECTED:
            moved[int(event.details["event"])] = _as_date(event.details["to"])
    corrected = [
        Event(e.kind, moved[e.id], e.id, e.details) if e.id in moved else e for e in events
    ]
    order = {id(e): n for n, e in enumerate(corrected)}
    return tuple(sorted(corrected, key=lambda e: (e.occurred_on, order[id(e)])))


def derive(
    events: Sequence[Event], terms: Terms, *, written_on: date | None = None
) -> RequestState:
    """Replay the timeline into a state (statuses, dates, the deadlines in force).
    ``written_on``: the letter's date, which no sending date may precede."""
    timeline = effective_timeline(events)
    status = Status.DRAFT
    facts: dict[str, Any] = {}
    for event in timeline:
        kind = event.kind
        if kind == EventKind.DATE_CORRECTED:
            continue
        if kind == EventKind.SENT:
            facts.setdefault("sent_on", event.occurred_on)
        elif kind == EventKind.ACKNOWLEDGED:
            facts.setdefault("acknowledged_on", event.occurred_on)
        elif kind == EventKind.EXTENSION_CLAIMED:
            facts.setdefault("extension_claimed_on", event.occurred_on)
            facts.setdefault("extension_reason", str(event.details.get("reason", "")))
        elif kind in _ANSWERS:
            facts.setdefault("answered_on", event.occurred_on)
        elif kind == EventKind.FOLLOW_UP_SENT:
            facts["follow_up_on"] = event.occurred_on
        elif kind == EventKind.COMPLAINT_FILED:
            facts["complaint_on"] = event.occurred_on
        if kind in _OUTCOMES or kind == EventKind.WITHDRAWN:
            facts["closed_on"] = event.occurred_on
        new_status = _STATUS_AFTER.get(kind)
        if new_status is not None and not (
            # an acknowledgement recorded after an extension keeps the request "extended"
            kind == EventKind.ACKNOWLEDGED and status == Status.EXTENDED
        ):
            status = new_status
    if status not in CLOSED:
        facts.pop("closed_on", None)
    if "follow_up_on" in facts:
        regime = terms.deadlines[0][0] if terms.deadlines else "none"
        facts["escalate_from"] = wait_after_follow_up(regime).after(facts["follow_up_on"])
    state = RequestState(status=status, events=timeline, written_on=written_on, **facts)
    if state.sent_on is None:
        return state
    return _with_deadlines(state, terms)


def _with_deadlines(state: RequestState, terms: Terms) -> RequestState:
    sent_on = state.sent_on
    if sent_on is None:
        return state
    plain = tuple(_deadline(terms, regime, right, sent_on) for regime, right in terms.deadlines)
    extension_allowed: bool | None = None
    extension_in_time: bool | None = None
    deadlines = plain
    claimed = state.extension_claimed_on
    if claimed is not None:
        extendable = [d.extension_notice_latest is not None for d in plain]
        in_time = [
            ok and extension_claimed_in_time(d, claimed)
            for ok, d in zip(extendable, plain, strict=True)
        ]
        extension_allowed = any(extendable)
        extension_in_time = any(in_time)
        deadlines = tuple(
            _deadline(terms, d.regime, d.right, sent_on, extended=True) if ok else d
            for ok, d in zip(in_time, plain, strict=True)
        )
    dated = [d for d in deadlines if d.effective_due_on is not None]
    acknowledgements = [d for d in deadlines if d.acknowledge_by is not None]
    courtesy = [d.courtesy_reply_by for d in deadlines if d.courtesy_reply_by is not None]
    return _replace(
        state,
        deadlines=deadlines,
        due_dates=due_dates_of(deadlines),
        extension_allowed=extension_allowed,
        extension_in_time=extension_in_time,
        due_on=min((d.effective_due_on for d in dated), default=None),  # type: ignore[type-var]
        overdue_after=min(
            (d.overdue_after for d in dated if d.overdue_after is not None), default=None
        ),
        acknowledge_by=min((d.acknowledge_by for d in acknowledgements), default=None),  # type: ignore[type-var]
        acknowledge_overdue_after=min(
            (
                d.acknowledge_overdue_after
                for d in acknowledgements
                if d.acknowledge_overdue_after is not None
            ),
            default=None,
        ),
        courtesy_reply_by=min(courtesy, default=None) if not dated else None,
    )


def _deadline(
    terms: Terms, regime: str, right: str, sent_on: date, *, extended: bool = False
) -> Deadline:
    return compute_deadline(
        regime,
        right,
        sent_on,
        country=terms.country,
        region=terms.region,
        company_country=terms.company_country or None,
        extended=extended,
    )


def _replace(state: RequestState, **changes: Any) -> RequestState:
    return dataclasses.replace(state, **changes)


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


# --- Checking an event before it is recorded -------------------------------------------------------


def check_event(
    state: RequestState,
    kind: EventKind,
    on: date,
    *,
    today: date,
    corrects: Event | None = None,
) -> None:
    """Raise :class:`EventRefused` when ``kind`` on ``on`` cannot be recorded now."""
    if on > today:
        raise EventRefused(
            f"{on:%-d %b %Y} is in the future: record things once they have happened.",
            about_date=True,
        )
    if kind == EventKind.DATE_CORRECTED:
        _check_correction(state, corrects, on)
        return
    if kind == EventKind.EXTENSION_CLAIMED and state.extension_claimed_on is not None:
        raise EventRefused(
            "An extension was already claimed; the law allows one extension per request."
        )
    if kind not in ALLOWED[state.status]:
        raise EventRefused(_refusal(state.status, kind))
    if kind == EventKind.SENT:
        _check_sent_after_writing(state, on)
    if state.sent_on is not None and on < state.sent_on:
        raise EventRefused(
            f"This happened after the request was sent on {state.sent_on:%-d %b %Y}: "
            "a date before that cannot be right. If the sending date is wrong, correct it.",
            about_date=True,
        )


def _check_correction(state: RequestState, target: Event | None, to: date) -> None:
    if target is None or target.kind == EventKind.DATE_CORRECTED:
        raise EventRefused("Choose the event whose date you want to correct.")
    if state.status == Status.WITHDRAWN and target.kind != EventKind.WITHDRAWN:
        raise EventRefused("This request was withdrawn; its history can no longer change.")
    if target.kind == EventKind.SENT:
        _check_sent_after_writing(state, to)
        later = [
            e for e in state.events if e.kind not in {EventKind.SENT, EventKind.DATE_CORRECTED}
        ]
        if later and to > min(e.occurred_on for e in later):
            first = min(later, key=lambda e: e.occurred_on)
            raise EventRefused(
                f"The request cannot have been sent after “{first.kind.label}” on "
                f"{first.occurred_on:%-d %b %Y}. Correct that date first if it is wrong too."
            )
    elif state.sent_on is not None and to < state.sent_on:
        raise EventRefused(
            f"This happened after the request was sent on {state.sent_on:%-d %b %Y}: a date "
            "before that cannot be right. If the sending date is wrong, correct it first."
        )


def _check_sent_after_writing(state: RequestState, on: date) -> None:
    """A letter cannot go out before the day it was written (1 Jan 1899 is a typing slip)."""
    if state.written_on is not None and on < state.written_on:
        raise EventRefused(
            f"Your letter is dated {state.written_on:%-d %b %Y}, so it cannot have been sent "
            f"on {on:%-d %b %Y}. Enter the day you sent it, on or after the letter's date.",
            about_date=True,
        )


def _refusal(status: Status, kind: EventKind) -> str:
    if status == Status.DRAFT:
        return f"“{kind.label}” can only be recorded once the request has been sent. Mark it sent first."
    if status == Status.WITHDRAWN:
        return "This request was withdrawn; nothing more can be recorded on it."
    if status == Status.FULFILLED:
        return f"This request is fulfilled, so it cannot be marked “{kind.label.lower()}”."
    if kind == EventKind.SENT:
        return "This request was already sent. To fix the date, correct the “Sent” entry instead."
    if kind == EventKind.ACKNOWLEDGED:
        return "Receipt can only be acknowledged before a reply has come."
    if kind == EventKind.EXTENSION_CLAIMED:
        return "An extension can only be claimed while the company still owes an answer."
    if kind == EventKind.WITHDRAWN:
        return "A request with an outcome cannot be withdrawn."
    return f"A request that is {status.label.lower()} cannot be marked “{kind.label.lower()}”."
