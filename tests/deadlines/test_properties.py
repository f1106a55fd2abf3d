"""Invariants over ten years of dates (2024–2033), every regime, right, member state and calendar:
a due date is never before receipt, never on a weekend or holiday of the calendar in force, an
extension always ends later, and nothing is called overdue before the latest plausible reading."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings, strategies as st

from apps.core.places import EEA_STATES
from apps.deadlines import (
    REGIMES,
    Deadline,
    Pause,
    compute_appeal_deadline,
    compute_deadline,
    extension_claimed_in_time,
    is_overdue,
)
from apps.deadlines.calendars import fmt
from apps.deadlines.engine import CA_CALENDARS

TEN_YEARS = st.dates(min_value=date(2024, 1, 1), max_value=date(2033, 12, 31))
EEA = sorted(EEA_STATES)
WITH_A_PERIOD = sorted(
    (code, right)
    for code, regime in REGIMES.items()
    for right, rule in regime.rights.items()
    if rule.period is not None
)
WITHOUT_A_PERIOD = sorted(
    (code, right)
    for code, regime in REGIMES.items()
    for right, rule in regime.rights.items()
    if rule.period is None
)
APPEALS = sorted(code for code, regime in REGIMES.items() if regime.appeal)


def granted_from(regime: str, right: str, day: date) -> date:
    """``day``, or the first day the right exists when it is date-dependent (Utah's right to
    correct from 1 July 2026; India's rights from 13 May 2027)."""
    start = REGIMES[regime].rights[right].available_from
    return max(day, start) if start else day


PROPERTY = settings(max_examples=300, deadline=None)


@st.composite
def requests(draw: st.DrawFn) -> dict:
    regime, right = draw(st.sampled_from(WITH_A_PERIOD))
    call = {
        "regime": regime,
        "right": right,
        "received_on": granted_from(regime, right, draw(TEN_YEARS)),
    }
    if regime == "gdpr":
        call["country"] = draw(st.sampled_from(EEA))
        call["company_country"] = draw(st.none() | st.sampled_from(EEA))
    if regime == "pipeda":
        call["region"] = draw(st.sampled_from(["", "ON", "QC", "BC"]))
    if regime == "ccpa":
        call["calendar"] = draw(st.sampled_from([None, *CA_CALENDARS]))
    has_extension = REGIMES[regime].rights[right].extension is not None
    call["extended"] = has_extension and draw(st.booleans())
    return call


def check_invariants(deadline: Deadline) -> None:
    received = deadline.received_on
    assert deadline.due_on is not None
    assert deadline.due_on > received
    if deadline.rolls_over:
        assert deadline.calendar is not None
        assert not deadline.calendar.is_closed(deadline.due_on), deadline.explanation
    if deadline.extended_due_on is not None:
        assert deadline.extended_due_on > deadline.due_on
        assert deadline.extension_notice_by == deadline.due_on
        if deadline.rolls_over:
            assert deadline.calendar is not None
            assert not deadline.calendar.is_closed(deadline.extended_due_on)
    if deadline.extension_notice_by is not None:
        assert deadline.extension_notice_latest is not None
        assert deadline.extension_notice_latest >= deadline.extension_notice_by
        assert extension_claimed_in_time(deadline, deadline.extension_notice_latest)
        assert not extension_claimed_in_time(
            deadline, deadline.extension_notice_latest + timedelta(days=1)
        )
    if deadline.acknowledge_by is not None:
        assert received < deadline.acknowledge_by < deadline.due_on
        assert deadline.calendar is not None
        assert not deadline.calendar.is_closed(deadline.acknowledge_by)
        assert deadline.acknowledge_overdue_after is not None
        assert deadline.acknowledge_overdue_after >= deadline.acknowledge_by
    effective = deadline.effective_due_on
    if effective is None:  # Switzerland: the company names the extended date
        assert deadline.overdue_after is None
        return
    overdue_after = deadline.overdue_after
    assert overdue_after is not None
    assert overdue_after >= effective >= deadline.due_on
    assert deadline.overdue_calendar is not None
    assert not deadline.overdue_calendar.is_closed(overdue_after), deadline.overdue_explanation
    assert not is_overdue(deadline, effective)
    assert not is_overdue(deadline, overdue_after)
    assert is_overdue(deadline, overdue_after + timedelta(days=1))
    assert fmt(deadline.due_on) in deadline.explanation
    assert deadline.explanation.startswith(f"Received {fmt(received)} → ")
    assert deadline.explanation.endswith(f"{deadline.citation}.")
    assert "\n" not in deadline.explanation


@PROPERTY
@given(requests())
def test_every_deadline_keeps_the_invariants(call):
    check_invariants(compute_deadline(**call))


@PROPERTY
@given(st.sampled_from(APPEALS), TEN_YEARS, st.booleans())
def test_every_appeal_deadline_keeps_the_invariants(regime, received, extended):
    has_extension = REGIMES[regime].appeal.extension is not None
    check_invariants(compute_appeal_deadline(regime, received, extended=extended and has_extension))


@PROPERTY
@given(TEN_YEARS, st.sampled_from(EEA), st.sampled_from(EEA), st.booleans())
def test_gdpr_waits_for_the_later_of_either_member_states_holidays(
    received, country, company, extended
):
    both = compute_deadline(
        "gdpr", "access", received, country=country, company_country=company, extended=extended
    )
    for state in (country, company):
        alone = compute_deadline("gdpr", "access", received, country=state, extended=extended)
        assert alone.effective_due_on is not None
        assert both.overdue_after is not None
        assert both.overdue_after >= alone.effective_due_on


@PROPERTY
@given(TEN_YEARS, st.sampled_from(["access", "delete", "correct", "opt-out-sale"]))
def test_ccpa_waits_for_the_latest_of_every_business_day_calendar(received, right):
    default = compute_deadline("ccpa", right, received)
    for calendar in CA_CALENDARS:
        other = compute_deadline("ccpa", right, received, calendar=calendar)
        assert default.overdue_after is not None
        assert other.due_on is not None
        assert default.overdue_after >= other.due_on
        if other.acknowledge_by is not None:
            assert default.acknowledge_overdue_after is not None
            assert default.acknowledge_overdue_after >= other.acknowledge_by


@PROPERTY
@given(
    st.sampled_from(WITH_A_PERIOD),
    TEN_YEARS,
    st.sampled_from(["identity", "clarification", "fee"]),
    st.integers(min_value=0, max_value=20),
    st.integers(min_value=0, max_value=40),
)
def test_waiting_for_an_answer_never_brings_a_deadline_forward(
    regime_right, received, kind, asked_after, waited
):
    regime, right = regime_right
    received = granted_from(regime, right, received)
    place = {"country": "IE"} if regime == "gdpr" else {}
    asked = received + timedelta(days=asked_after)
    pause = Pause(kind, asked, asked + timedelta(days=waited))
    plain = compute_deadline(regime, right, received, **place)
    paused = compute_deadline(regime, right, received, pauses=[pause], **place)
    assert paused.due_on is not None
    assert plain.due_on is not None
    assert paused.due_on >= plain.due_on
    assert paused.overdue_after is not None
    assert plain.overdue_after is not None
    assert paused.overdue_after >= plain.overdue_after
    check_invariants(paused)


@PROPERTY
@given(st.sampled_from(WITHOUT_A_PERIOD), TEN_YEARS)
def test_without_a_statutory_period_only_a_courtesy_date_is_given(regime_right, received):
    regime, right = regime_right
    received = granted_from(regime, right, received)
    deadline = compute_deadline(regime, right, received)
    assert deadline.due_on is None
    assert deadline.overdue_after is None
    assert deadline.courtesy_reply_by is not None
    assert deadline.courtesy_reply_by > received
    assert not is_overdue(deadline, received + timedelta(days=3650))
