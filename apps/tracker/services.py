"""Writes to the tracker: keyword-only functions; views parse, call and render."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from apps.catalog.models import Platform
from apps.deadlines import Authority, get_regime
from apps.letters import (
    Letter,
    RequestPlan,
    TimelineLine,
    body_sha256,
    complaint_authorities,
    compose_complaint,
    compose_followup,
    plan_request,
)
from apps.letters.content import Requester, long_date, stored_letter

from .lifecycle import (
    WAITING,
    DueDate,
    Event,
    EventKind,
    EventRefused,
    RequestState,
    Status,
    Terms,
    check_event,
    derive,
)
from .models import OpenDeadline, PrivacyRequest, RequestEvent

logger = logging.getLogger(__name__)


def privacy_request_create(
    *,
    owner: Any,
    letter: Letter,
    platform: Platform | None = None,
    company_country: str = "",
) -> PrivacyRequest:
    """Save a request letter to ``owner``'s tracker, exactly as written (a draft until sent).

    ``letter``: from :func:`apps.letters.compose_request`; its plan names the regime whose
    deadline applies. ``company_country``: the legal entity's country (GDPR holiday calendar).
    """
    plan: RequestPlan = letter.extra["plan"]
    for code in plan.regimes:
        get_regime(code)  # an unknown regime is a programming error: fail before saving
    with transaction.atomic():
        request = PrivacyRequest.objects.create(
            owner=owner,
            platform=platform,
            recipient=letter.recipient.as_dict(),
            rights=list(letter.rights),
            regime=plan.regime,
            regimes=list(plan.regimes),
            country=letter.requester.country,
            region=letter.requester.region,
            company_country=company_country or "",
            identifiers=letter.requester.identifiers(),
            reference=letter.reference,
            subject=letter.subject,
            body=letter.body,
            body_sha256=body_sha256(letter.body),
            dated_on=letter.dated,
        )
    logger.info("saved privacy request %s", request.code)
    return request


def letter_of(request: PrivacyRequest) -> Letter:
    """The saved letter, for every output (text, mailto, .eml, PDF): its exact stored text."""
    return stored_letter(
        kind="request",
        subject=request.subject,
        body=request.body,
        reference=request.reference,
        dated=request.dated_on,
        recipient=request.recipient_value,
        requester=Requester.from_identifiers(
            request.identifiers, country=request.country, region=request.region
        ),
    )


def plan_of(request: PrivacyRequest, received_on: date) -> RequestPlan:
    """The grounds and deadlines of the saved request, were the company to receive it on
    ``received_on`` (recomputed from the stored inputs, never stored)."""
    return plan_request(
        request.rights,
        request.regimes,
        received_on,
        country=request.country,
        region=request.region,
        company_country=request.company_country or None,
    )


# --- The timeline --------------------------------------------------------------------------------

# The columns request_recompute() writes from the derived state, and nothing else writes.
DERIVED_FIELDS = (
    "status",
    "sent_on",
    "acknowledged_on",
    "extension_claimed_on",
    "extension_in_time",
    "answered_on",
    "closed_on",
    "follow_up_on",
    "escalate_from",
    "complaint_on",
    "due_on",
    "due_dates",
    "overdue_after",
    "acknowledge_by",
    "acknowledge_overdue_after",
    "courtesy_reply_by",
)


def today_for(user: Any) -> date:
    """Today where ``user`` is (their profile's time zone), the day events are checked against."""
    profile = getattr(user, "profile", None)
    return profile.today() if profile is not None else timezone.localdate()


def terms_of(request: PrivacyRequest) -> Terms:
    """The deadlines the request follows: the governing ones of the letter's plan."""
    plan = plan_of(request, request.dated_on)
    return Terms(
        deadlines=tuple((d.regime, d.right) for d in plan.governing),
        country=request.country,
        region=request.region,
        company_country=request.company_country,
    )


def events_of(request: PrivacyRequest) -> list[Event]:
    """The timeline in recording order, as the lifecycle reads it."""
    return [_as_event(row) for row in request.events.order_by("id")]


def _as_event(row: RequestEvent) -> Event:
    return Event(EventKind(row.kind), row.occurred_on, id=row.pk, details=row.details)


def request_state(request: PrivacyRequest, events: list[Event] | None = None) -> RequestState:
    """The full derived state, deadlines and their explanations included (one request's page)."""
    return derive(
        events if events is not None else events_of(request),
        terms_of(request),
        written_on=request.dated_on,
    )


def stored_state(request: PrivacyRequest) -> RequestState:
    """The state read back from the stored columns: no timeline, no deadline arithmetic, so a
    list of hundreds of requests (the dashboard, the reminder sweep) costs nothing per row."""
    return state_from_columns(request)


def state_from_columns(row: Any) -> RequestState:
    """A state from anything with the :data:`DERIVED_FIELDS` as attributes (a request, or a
    ``values_list(..., named=True)`` row: the dashboard reads hundreds without models)."""
    values = {name: getattr(row, name) for name in DERIVED_FIELDS if name != "status"}
    values["due_dates"] = tuple(DueDate.from_dict(d) for d in values["due_dates"] or ())
    return RequestState(status=Status(row.status), events=(), **values)


def request_recompute(request: PrivacyRequest, state: RequestState | None = None) -> RequestState:
    """Write the derived columns from the timeline (after an event, or when the rules change),
    and the request's :class:`OpenDeadline` rows with them."""
    state = state or request_state(request)
    for name in DERIVED_FIELDS:
        setattr(request, name, getattr(state, name))
    request.due_dates = [d.as_dict() for d in state.due_dates]
    with transaction.atomic():
        request.save(update_fields=[*DERIVED_FIELDS, "updated_at"])
        write_open_deadlines(request, state)
    return state


def write_open_deadlines(request: Any, state: RequestState) -> None:
    """Make the request's OpenDeadline rows match ``state``: one per date while it waits."""
    wanted = {d.on: d.overdue_after for d in state.due_dates} if state.status in WAITING else {}
    rows = {
        on: (pk, after)
        for pk, on, after in OpenDeadline.objects.filter(request_id=request.pk).values_list(
            "pk", "due_on", "overdue_after"
        )
    }
    stale = [pk for on, (pk, after) in rows.items() if on not in wanted or wanted[on] != after]
    if stale:
        OpenDeadline.objects.filter(pk__in=stale).delete()
    OpenDeadline.objects.bulk_create(
        OpenDeadline(request_id=request.pk, due_on=on, overdue_after=after)
        for on, after in wanted.items()
        if on not in rows or rows[on][0] in stale
    )


def request_record_event(
    *,
    request: PrivacyRequest,
    kind: EventKind | str,
    on: date,
    today: date,
    details: dict[str, Any] | None = None,
    corrects: int | None = None,
) -> RequestEvent:
    """Append one event to the timeline and re-derive the request; ``EventRefused`` if it cannot
    happen now (the message says why). For ``date_corrected``, ``on`` is the corrected date and
    ``corrects`` the id of the event whose date was wrong; the correction itself is dated today.
    """
    kind = EventKind(kind)
    details = dict(details or {})
    with transaction.atomic():
        # One writer per request at a time: two tabs recording at once cannot interleave.
        locked = PrivacyRequest.objects.select_for_update().get(pk=request.pk)
        rows = list(locked.events.order_by("id"))
        events = [_as_event(row) for row in rows]
        terms = terms_of(locked)
        state = derive(events, terms, written_on=locked.dated_on)
        target = None
        occurred_on = on
        if kind == EventKind.DATE_CORRECTED:
            target = next((e for e in state.events if e.id == corrects), None)
            if target is not None:
                details = {
                    **details,
                    "event": target.id,
                    "from": target.occurred_on.isoformat(),
                    "to": on.isoformat(),
                }
            occurred_on = today
        check_event(state, kind, on, today=today, corrects=target)
        row = RequestEvent.objects.create(
            request=locked, kind=kind, occurred_on=occurred_on, details=details
        )
        new_state = derive([*events, _as_event(row)], terms, written_on=locked.dated_on)
        request_recompute(locked, new_state)
    for name in (*DERIVED_FIELDS, "updated_at"):
        setattr(request, name, getattr(locked, name))
    logger.info("request %s: recorded %s", request.code, kind.value)
    return row


def privacy_request_delete(*, request: PrivacyRequest) -> None:
    """Delete the request and its whole timeline (the person asked, and confirmed)."""
    code = request.code
    request.delete()
    logger.info("deleted privacy request %s", code)


# --- Follow-ups and complaints ----------------------------------------------------------------


def followup_reason(state: RequestState, today: date) -> str:
    """Why a follow-up is due: ``"overdue"``, ``"incomplete"`` (a partial answer or a reply
    still without an outcome), ``"courtesy"`` (no statute, the date asked for passed) or ""."""
    if state.is_overdue(today):
        return "overdue"
    if state.status in {Status.PARTLY_FULFILLED, Status.RESPONDED}:
        return "incomplete"
    if state.past_courtesy_date(today):
        return "courtesy"
    return ""


def followup_of(request: PrivacyRequest, state: RequestState, today: date) -> Letter:
    """The follow-up letter to the request (overdue, or answered in part), dated ``today``."""
    if state.sent_on is None:
        raise EventRefused("A follow-up can only be written once the request has been sent.")
    return compose_followup(
        original=letter_of(request),
        sent_on=state.sent_on,
        deadlines=state.deadlines,
        today=today,
        answered_on=state.answered_on,
        incomplete=followup_reason(state, today) == "incomplete",
    )


def followup_details(request: PrivacyRequest, on: date) -> dict[str, str]:
    """What a ``follow_up_sent`` event keeps: the follow-up as written for the day it was sent,
    so the complaint can enclose the letter that went out (not one redrafted later)."""
    state = request_state(request)
    if state.sent_on is None:
        return {}
    letter = followup_of(request, state, on)
    return {"subject": letter.subject, "body": letter.body}


def sent_followup(request: PrivacyRequest, state: RequestState) -> Letter | None:
    """The latest follow-up recorded as sent, exactly as it was kept, or None."""
    event = next(
        (
            e
            for e in reversed(state.events)
            if e.kind == EventKind.FOLLOW_UP_SENT and e.details.get("body")
        ),
        None,
    )
    if event is None:
        return None
    original = letter_of(request)
    return stored_letter(
        kind="follow-up",
        subject=str(event.details.get("subject", "")),
        body=str(event.details["body"]),
        reference=request.reference,
        dated=event.occurred_on,
        recipient=original.recipient,
        requester=original.requester,
    )


def _event_line(event: Event, name: str) -> str:
    details = event.details
    kind = event.kind
    if kind == EventKind.SENT:
        return f"I sent my request to {name}."
    if kind == EventKind.ACKNOWLEDGED:
        return f"{name} acknowledged receipt."
    if kind == EventKind.EXTENSION_CLAIMED:
        reason = " ".join(str(details.get("reason", "")).split())
        return f"{name} claimed an extension" + (f", stating: “{reason}”." if reason else ".")
    if kind == EventKind.RESPONSE_RECEIVED:
        return f"{name} replied."
    if kind == EventKind.FULFILLED:
        return f"{name} fulfilled the request."
    if kind == EventKind.PARTLY_FULFILLED:
        return f"{name} fulfilled the request only in part."
    if kind == EventKind.REFUSED:
        return f"{name} refused the request."
    if kind == EventKind.FOLLOW_UP_SENT:
        return f"I sent {name} a follow-up."
    if kind == EventKind.COMPLAINT_FILED:
        return "I filed a complaint with a regulator."
    return f"{kind.label}."


def complaint_timeline(request: PrivacyRequest, state: RequestState) -> list[TimelineLine]:
    """The facts of the timeline in date order, as the complaint states them."""
    name = request.recipient_value.legal_entity or request.recipient_value.name
    return [
        TimelineLine(event.occurred_on, _event_line(event, name))
        for event in state.events
        if event.kind not in {EventKind.DATE_CORRECTED, EventKind.WITHDRAWN}
    ]


def authorities_of(request: PrivacyRequest, state: RequestState) -> tuple[Authority, ...]:
    return complaint_authorities(state.deadlines, request.recipient_value)


def complaint_of(
    request: PrivacyRequest, state: RequestState, today: date, authority: Authority | None = None
) -> Letter | None:
    """The complaint to the competent authority (the first of :func:`authorities_of` unless
    another is chosen), or None when no authority is known for the request's law."""
    if state.sent_on is None:
        raise EventRefused("A complaint can only be written once the request has been sent.")
    authorities = authorities_of(request, state)
    if authority is None:
        if not authorities:
            return None
        authority = authorities[0]
    enclosures = [f"my request of {long_date(state.sent_on)} (reference {request.reference})"]
    enclosures += [
        f"my follow-up of {long_date(e.occurred_on)}"
        for e in state.events
        if e.kind == EventKind.FOLLOW_UP_SENT
    ]
    if state.status == Status.REFUSED:
        status_sentence = "The company refused my request."
    elif state.status == Status.PARTLY_FULFILLED:
        status_sentence = "The company answered my request only in part."
    elif state.is_overdue(today):
        status_sentence = (
            f"As of {long_date(today)} I have received no answer, and the deadline has passed."
        )
    else:
        status_sentence = ""
    return compose_complaint(
        original=letter_of(request),
        timeline=complaint_timeline(request, state),
        deadlines=state.deadlines,
        authority=authority,
        today=today,
        enclosures=enclosures,
        status_sentence=status_sentence,
    )


__all__ = [
    "DERIVED_FIELDS",
    "EventRefused",
    "authorities_of",
    "complaint_of",
    "followup_details",
    "followup_of",
    "followup_reason",
    "letter_of",
    "plan_of",
    "privacy_request_create",
    "privacy_request_delete",
    "request_recompute",
    "request_record_event",
    "request_state",
    "sent_followup",
    "state_from_columns",
    "stored_state",
    "terms_of",
    "today_for",
    "write_open_deadlines",
]
