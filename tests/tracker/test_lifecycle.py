"""A request's life, derived from its timeline: statuses, deadlines in force, overdue, next step.

Dates come from the deadline engine (tests/deadlines pins them against laws.md); here they show
how the timeline drives them. GDPR, Ireland, sent Mon 2 Mar 2026 → due Thu 2 Apr 2026
(extended: Tue 2 Jun 2026). CCPA delete, sent Mon 2 Nov 2026 → acknowledge by Tue 17 Nov,
respond by Thu 17 Dec 2026 (extended: Sun 31 Jan 2027, not overdue before Mon 1 Feb).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from apps.tracker.lifecycle import (
    ALLOWED,
    CLOSED,
    Event,
    EventKind as K,
    EventRefused,
    Status,
    Terms,
    check_event,
    derive,
)

GDPR_IE = Terms.single("gdpr", ("object", "delete"), country="IE")
CCPA_DELETE = Terms.single("ccpa", ("delete",), country="US", region="CA")
# A training objection under the CCPA is followed as deletion and opt-out of sale (the letter's
# plan maps it: apps/letters/plan.py).
CCPA_TRAINING = Terms(
    deadlines=(("ccpa", "delete"), ("ccpa", "opt-out-sale")), country="US", region="CA"
)
NO_LAW = Terms.single("none", ("delete",), country="JP")

MAR_2 = date(2026, 3, 2)
NOV_2 = date(2026, 11, 2)


def extended_deletion_due() -> date:
    """The CCPA deletion deadline of a request sent 2 Nov 2026, validly extended, as the engine
    counts it (tests/deadlines pins that count)."""
    from apps.deadlines import compute_deadline

    return compute_deadline(
        "ccpa", "delete", date(2026, 11, 2), country="US", region="CA", extended=True
    ).effective_due_on


def timeline(*entries: tuple) -> list[Event]:
    """(kind, date[, details]) tuples → events with ids in recording order."""
    return [
        Event(kind, on, id=n, details=(rest[0] if rest else {}))
        for n, (kind, on, *rest) in enumerate(entries, 1)
    ]


# --- Statuses ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entries", "status"),
    [
        pytest.param([], Status.DRAFT, id="nothing-recorded-is-a-draft"),
        pytest.param([(K.SENT, MAR_2)], Status.SENT, id="sent"),
        pytest.param(
            [(K.SENT, MAR_2), (K.ACKNOWLEDGED, date(2026, 3, 4))],
            Status.ACKNOWLEDGED,
            id="acknowledged",
        ),
        pytest.param(
            [(K.SENT, MAR_2), (K.EXTENSION_CLAIMED, date(2026, 3, 20))],
            Status.EXTENDED,
            id="extended",
        ),
        pytest.param(
            [
                (K.SENT, MAR_2),
                (K.EXTENSION_CLAIMED, date(2026, 3, 20)),
                (K.ACKNOWLEDGED, date(2026, 3, 21)),
            ],
            Status.EXTENDED,
            id="acknowledgement-after-extension-stays-extended",
        ),
        pytest.param(
            [(K.SENT, MAR_2), (K.RESPONSE_RECEIVED, date(2026, 3, 25))],
            Status.RESPONDED,
            id="reply",
        ),
        pytest.param(
            [(K.SENT, MAR_2), (K.FULFILLED, date(2026, 3, 25))], Status.FULFILLED, id="fulfilled"
        ),
        pytest.param(
            [
                (K.SENT, MAR_2),
                (K.RESPONSE_RECEIVED, date(2026, 3, 25)),
                (K.PARTLY_FULFILLED, date(2026, 3, 26)),
            ],
            Status.PARTLY_FULFILLED,
            id="partly-fulfilled",
        ),
        pytest.param(
            [(K.SENT, MAR_2), (K.REFUSED, date(2026, 3, 25))], Status.REFUSED, id="refused"
        ),
        pytest.param([(K.WITHDRAWN, MAR_2)], Status.WITHDRAWN, id="withdrawn-before-sending"),
        pytest.param(
            [(K.SENT, MAR_2), (K.WITHDRAWN, date(2026, 3, 9))],
            Status.WITHDRAWN,
            id="withdrawn-after",
        ),
        pytest.param(
            [
                (K.SENT, MAR_2),
                (K.FOLLOW_UP_SENT, date(2026, 4, 10)),
                (K.COMPLAINT_FILED, date(2026, 5, 1)),
            ],
            Status.SENT,
            id="follow-ups-and-complaints-are-actions-not-outcomes",
        ),
    ],
)
def test_the_status_follows_the_timeline(entries, status):
    assert derive(timeline(*entries), GDPR_IE).status == status


def test_a_draft_has_no_deadline_running():
    state = derive([], GDPR_IE)
    assert state.sent_on is None
    assert state.due_on is None
    assert state.deadlines == ()
    assert state.next_action(MAR_2).text == "Send it"


# --- Deadlines -----------------------------------------------------------------------------------


def test_sending_starts_the_clock():
    state = derive(timeline((K.SENT, MAR_2)), GDPR_IE)
    assert state.sent_on == MAR_2
    assert state.due_on == date(2026, 4, 2)
    assert state.overdue_after == date(2026, 4, 2)
    assert state.acknowledge_by is None  # the GDPR has no acknowledgement step
    assert [d.right for d in state.deadlines] == ["object", "delete"]
    assert "Reg. 1182/71" in state.deadline.explanation


def test_the_ccpa_acknowledgement_date_comes_with_the_deadline():
    state = derive(timeline((K.SENT, NOV_2)), CCPA_DELETE)
    assert state.acknowledge_by == date(2026, 11, 17)
    assert state.due_on == date(2026, 12, 17)


def test_several_rights_count_down_to_the_first_deadline():
    state = derive(timeline((K.SENT, NOV_2)), CCPA_TRAINING)
    # The opt-out of sale has 15 business days, deletion 45 calendar days: the first one counts.
    assert [d.right for d in state.deadlines] == ["delete", "opt-out-sale"]
    assert state.due_on == date(2026, 11, 24)
    assert state.deadline.right == "opt-out-sale"


def test_every_date_of_a_request_is_followed_not_only_the_first():
    state = derive(timeline((K.SENT, NOV_2)), CCPA_TRAINING)
    # Opt-out of sale: 15 business days; deletion: 45 calendar days. Both are tracked.
    assert [(d.on, d.rights) for d in state.due_dates] == [
        (date(2026, 11, 24), ("opt-out-sale",)),
        (date(2026, 12, 17), ("delete",)),
    ]
    assert state.next_due(date(2026, 11, 20)).on == date(2026, 11, 24)
    assert state.later_due(date(2026, 11, 20))[0].on == date(2026, 12, 17)
    # Once the first has passed, the next one is the deletion's; the request is overdue all
    # the same (the opt-out was not acted on in time).
    assert state.next_due(date(2026, 11, 30)).on == date(2026, 12, 17)
    assert state.later_due(date(2026, 11, 30)) == ()
    assert state.is_overdue(date(2026, 11, 30))


def test_rights_due_the_same_day_share_one_date():
    state = derive(
        timeline((K.SENT, NOV_2)),
        Terms.single("ccpa", ("access", "delete"), country="US", region="CA"),
    )
    assert [(d.on, d.rights) for d in state.due_dates] == [
        (date(2026, 12, 17), ("access", "delete"))
    ]


def test_an_extension_moves_the_dates_it_extends_and_leaves_the_others():
    state = derive(
        timeline((K.SENT, NOV_2), (K.EXTENSION_CLAIMED, date(2026, 11, 20))), CCPA_TRAINING
    )
    # CCPA: deletion may be extended by 45 more days; the opt-out of sale may not.
    assert [(d.on, d.rights, d.extended) for d in state.due_dates] == [
        (date(2026, 11, 24), ("opt-out-sale",), False),
        (extended_deletion_due(), ("delete",), True),
    ]


def test_no_dates_are_followed_before_the_request_is_sent_or_where_no_law_sets_one():
    assert derive([], CCPA_TRAINING).due_dates == ()
    assert derive(timeline((K.SENT, NOV_2)), NO_LAW).due_dates == ()


def test_an_extension_claimed_in_time_moves_the_deadline():
    state = derive(
        timeline((K.SENT, MAR_2), (K.EXTENSION_CLAIMED, date(2026, 3, 30), {"reason": "Complex"})),
        GDPR_IE,
    )
    assert state.extension_in_time is True
    assert state.extension_reason == "Complex"
    assert state.due_on == date(2026, 6, 2)
    assert state.overdue_after == date(2026, 6, 2)


def test_an_extension_claimed_too_late_leaves_the_original_deadline():
    state = derive(timeline((K.SENT, MAR_2), (K.EXTENSION_CLAIMED, date(2026, 4, 10))), GDPR_IE)
    assert state.extension_in_time is False
    assert state.extension_allowed is True
    assert state.due_on == date(2026, 4, 2)
    assert state.is_overdue(date(2026, 4, 10))


def test_an_extension_the_law_does_not_allow_changes_nothing():
    opt_out = Terms.single("ccpa", ("opt-out-sale",), country="US", region="CA")
    state = derive(timeline((K.SENT, NOV_2), (K.EXTENSION_CLAIMED, date(2026, 11, 10))), opt_out)
    assert state.extension_allowed is False
    assert state.extension_in_time is False
    assert state.due_on == date(2026, 11, 24)


def test_the_ccpa_extension_is_counted_to_the_latest_plausible_reading():
    state = derive(timeline((K.SENT, NOV_2), (K.EXTENSION_CLAIMED, date(2026, 12, 1))), CCPA_DELETE)
    # Sun 31 Jan 2027 rolls to Mon 1 Feb: Code Civ. Proc. §12a (laws.md §7A.2, issue 15).
    assert state.due_on == date(2027, 2, 1)
    assert state.overdue_after == date(2027, 2, 1)
    assert not state.is_overdue(date(2027, 2, 1))
    assert state.is_overdue(date(2027, 2, 2))


def test_without_a_law_there_is_no_deadline_only_the_date_the_letter_asked_for():
    state = derive(timeline((K.SENT, MAR_2)), NO_LAW)
    assert state.due_on is None
    assert not state.statutory
    assert state.courtesy_reply_by == date(2026, 4, 1)
    assert not state.is_overdue(date(2027, 1, 1))  # never "overdue": no law sets a date
    assert (
        state.next_action(date(2026, 4, 2)).text
        == "No reply by the date you asked — send a follow-up"
    )


# --- Overdue, derived from the dates --------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "overdue", "days_left", "days_overdue"),
    [
        pytest.param(date(2026, 4, 1), False, 1, 0, id="the-day-before"),
        pytest.param(date(2026, 4, 2), False, 0, 0, id="on-the-deadline-day"),
        pytest.param(date(2026, 4, 3), True, -1, 1, id="the-day-after"),
        pytest.param(date(2026, 4, 14), True, -12, 12, id="twelve-days-later"),
    ],
)
def test_overdue_is_derived_across_the_deadline_day(today, overdue, days_left, days_overdue):
    state = derive(timeline((K.SENT, MAR_2)), GDPR_IE)
    assert state.is_overdue(today) is overdue
    assert state.days_left(today) == days_left
    assert state.days_overdue(today) == days_overdue


def test_a_request_with_an_outcome_is_never_overdue():
    state = derive(timeline((K.SENT, MAR_2), (K.REFUSED, date(2026, 3, 20))), GDPR_IE)
    assert not state.is_overdue(date(2026, 12, 1))
    assert state.closed_on == date(2026, 3, 20)


def test_a_reply_stops_the_clock_but_leaves_the_outcome_open():
    state = derive(timeline((K.SENT, MAR_2), (K.RESPONSE_RECEIVED, date(2026, 3, 20))), GDPR_IE)
    assert not state.is_overdue(date(2026, 6, 1))
    assert state.answered_on == date(2026, 3, 20)
    assert state.next_action(date(2026, 6, 1)).code == "review"


def test_a_missing_acknowledgement_is_noticed_after_ten_business_days():
    state = derive(timeline((K.SENT, NOV_2)), CCPA_DELETE)
    assert not state.acknowledgement_late(date(2026, 11, 17))
    assert state.acknowledgement_late(date(2026, 11, 18))
    assert state.next_action(date(2026, 11, 18)).code == "acknowledgement-late"
    acknowledged = derive(
        timeline((K.SENT, NOV_2), (K.ACKNOWLEDGED, date(2026, 11, 5))), CCPA_DELETE
    )
    assert not acknowledged.acknowledgement_late(date(2026, 11, 18))


# --- The one next action -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entries", "today", "text"),
    [
        pytest.param([], MAR_2, "Send it", id="draft"),
        pytest.param([(K.SENT, MAR_2)], date(2026, 3, 21), "Waiting — 12 days left", id="waiting"),
        pytest.param([(K.SENT, MAR_2)], date(2026, 4, 1), "Waiting — 1 day left", id="one-day"),
        pytest.param(
            [(K.SENT, MAR_2)],
            date(2026, 4, 5),
            "Overdue by 3 days — send a follow-up",
            id="overdue",
        ),
        pytest.param(
            [(K.SENT, MAR_2), (K.FOLLOW_UP_SENT, date(2026, 4, 6))],
            date(2026, 4, 20),
            "Escalate to the regulator",
            id="followed-up-still-silent",
        ),
        pytest.param(
            [(K.SENT, MAR_2), (K.FOLLOW_UP_SENT, date(2026, 4, 6))],
            date(2026, 4, 19),
            "Follow-up sent — give them until 20 Apr 2026 to answer",
            id="followed-up-giving-them-time",
        ),
        pytest.param(
            [
                (K.SENT, MAR_2),
                (K.PARTLY_FULFILLED, date(2026, 3, 9)),
                (K.FOLLOW_UP_SENT, date(2026, 3, 10)),
            ],
            date(2026, 3, 11),
            "Follow-up sent — give them until 24 Mar 2026 to answer",
            id="partly-followed-up-giving-them-time",
        ),
        pytest.param(
            [
                (K.SENT, MAR_2),
                (K.FOLLOW_UP_SENT, date(2026, 4, 6)),
                (K.COMPLAINT_FILED, date(2026, 4, 21)),
            ],
            date(2026, 5, 1),
            "Complaint filed — wait for the regulator",
            id="complained",
        ),
        pytest.param(
            [(K.SENT, MAR_2), (K.REFUSED, date(2026, 3, 9))],
            date(2026, 3, 10),
            "Refused — escalate to the regulator",
            id="refused",
        ),
        pytest.param(
            [(K.SENT, MAR_2), (K.PARTLY_FULFILLED, date(2026, 3, 9))],
            date(2026, 3, 10),
            "Partly fulfilled — ask for the rest",
            id="partly",
        ),
        pytest.param(
            [(K.SENT, MAR_2), (K.FULFILLED, date(2026, 3, 9))],
            date(2026, 3, 10),
            "Nothing to do",
            id="done",
        ),
    ],
)
def test_the_next_action_is_the_one_thing_to_do_now(entries, today, text):
    assert derive(timeline(*entries), GDPR_IE).next_action(today).text == text


def test_requests_sort_by_urgency():
    today = date(2026, 4, 20)
    states = {
        "draft": derive([], GDPR_IE),
        "done": derive(timeline((K.SENT, MAR_2), (K.FULFILLED, date(2026, 3, 9))), GDPR_IE),
        "overdue-a-little": derive(timeline((K.SENT, date(2026, 3, 16))), GDPR_IE),
        "overdue-a-lot": derive(timeline((K.SENT, MAR_2)), GDPR_IE),
        "due-soon": derive(timeline((K.SENT, date(2026, 4, 1))), GDPR_IE),
        "due-later": derive(timeline((K.SENT, date(2026, 4, 15))), GDPR_IE),
        "refused": derive(timeline((K.SENT, MAR_2), (K.REFUSED, date(2026, 3, 9))), GDPR_IE),
    }
    order = sorted(states, key=lambda name: states[name].urgency(today))
    assert order == [
        "overdue-a-lot",
        "overdue-a-little",
        "refused",
        "due-soon",
        "due-later",
        "draft",
        "done",
    ]


def test_time_used_fills_the_bar_from_sending_to_the_deadline():
    state = derive(timeline((K.SENT, MAR_2)), GDPR_IE)  # 31 days to 2 Apr
    assert state.time_used(MAR_2) == 0
    assert state.time_used(date(2026, 3, 17)) == pytest.approx(15 / 31)
    assert state.time_used(date(2026, 4, 12)) == pytest.approx(41 / 31)


# --- Refused events --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entries", "kind", "message"),
    [
        pytest.param(
            [(K.SENT, MAR_2), (K.FULFILLED, date(2026, 3, 9))],
            K.SENT,
            "is fulfilled, so it cannot be marked “sent”",
            id="fulfilled-to-sent",
        ),
        pytest.param(
            [], K.ACKNOWLEDGED, "once the request has been sent", id="acknowledge-a-draft"
        ),
        pytest.param([(K.SENT, MAR_2)], K.SENT, "already sent", id="send-twice"),
        pytest.param([(K.WITHDRAWN, MAR_2)], K.SENT, "withdrawn", id="after-withdrawal"),
        pytest.param(
            [(K.SENT, MAR_2), (K.REFUSED, date(2026, 3, 9))],
            K.WITHDRAWN,
            "cannot be withdrawn",
            id="withdraw-after-outcome",
        ),
        pytest.param(
            [(K.SENT, MAR_2), (K.RESPONSE_RECEIVED, date(2026, 3, 9))],
            K.ACKNOWLEDGED,
            "before a reply",
            id="acknowledge-after-reply",
        ),
        pytest.param(
            [(K.SENT, MAR_2), (K.EXTENSION_CLAIMED, date(2026, 3, 9))],
            K.EXTENSION_CLAIMED,
            "one extension",
            id="second-extension",
        ),
        pytest.param(
            [(K.SENT, MAR_2), (K.RESPONSE_RECEIVED, date(2026, 3, 9))],
            K.EXTENSION_CLAIMED,
            "still owes an answer",
            id="extension-after-reply",
        ),
    ],
)
def test_impossible_events_are_refused_with_a_reason(entries, kind, message):
    state = derive(timeline(*entries), GDPR_IE)
    with pytest.raises(EventRefused, match=message):
        check_event(state, kind, date(2026, 3, 10), today=date(2026, 3, 10))


def test_a_date_in_the_future_is_refused():
    state = derive([], GDPR_IE)
    with pytest.raises(EventRefused, match="in the future"):
        check_event(state, K.SENT, date(2026, 3, 11), today=date(2026, 3, 10))


def test_an_event_before_the_request_was_sent_is_refused():
    state = derive(timeline((K.SENT, MAR_2)), GDPR_IE)
    with pytest.raises(EventRefused, match="sent on 2 Mar 2026"):
        check_event(state, K.ACKNOWLEDGED, date(2026, 3, 1), today=date(2026, 3, 10))


@pytest.mark.parametrize(
    "sent_on",
    [
        pytest.param(date(1899, 1, 1), id="a-typing-slip-of-a-century"),
        pytest.param(date(1, 1, 1), id="the-first-day-of-the-calendar"),
        pytest.param(date(2026, 1, 29), id="two-days-before-the-letter"),
    ],
)
def test_a_request_cannot_be_sent_before_its_letter_was_written(sent_on):
    state = derive([], GDPR_IE, written_on=date(2026, 1, 31))
    with pytest.raises(EventRefused) as refused:
        check_event(state, K.SENT, sent_on, today=date(2026, 3, 10))
    assert str(refused.value) == (
        f"Your letter is dated 31 Jan 2026, so it cannot have been sent on "
        f"{sent_on:%-d %b %Y}. Enter the day you sent it, on or after the letter's date."
    )
    assert refused.value.about_date
    check_event(state, K.SENT, date(2026, 1, 31), today=date(2026, 3, 10))  # the same day is fine


def test_a_correction_cannot_put_sending_before_the_letter_was_written():
    events = timeline((K.SENT, MAR_2))
    state = derive(events, GDPR_IE, written_on=date(2026, 2, 20))
    with pytest.raises(EventRefused, match="Your letter is dated 20 Feb 2026"):
        check_event(
            state, K.DATE_CORRECTED, date(1899, 1, 1), today=date(2026, 3, 10), corrects=events[0]
        )


def test_a_request_can_be_marked_sent_in_the_past():
    check_event(derive([], GDPR_IE), K.SENT, date(2026, 1, 30), today=date(2026, 3, 10))


# --- Corrections --------------------------------------------------------------------------------


def test_correcting_the_sending_date_moves_the_deadline_and_keeps_both_in_history():
    events = timeline(
        (K.SENT, date(2026, 3, 3)),
        (K.DATE_CORRECTED, date(2026, 3, 10), {"event": 1, "to": "2026-03-02"}),
    )
    state = derive(events, GDPR_IE)
    assert state.sent_on == MAR_2
    assert state.due_on == date(2026, 4, 2)
    assert [e.kind for e in state.events] == [K.SENT, K.DATE_CORRECTED]


def test_the_latest_correction_wins():
    events = timeline(
        (K.SENT, date(2026, 3, 5)),
        (K.DATE_CORRECTED, date(2026, 3, 10), {"event": 1, "to": "2026-03-03"}),
        (K.DATE_CORRECTED, date(2026, 3, 11), {"event": 1, "to": "2026-03-02"}),
    )
    assert derive(events, GDPR_IE).sent_on == MAR_2


def test_a_corrected_extension_date_is_judged_again():
    events = timeline(
        (K.SENT, MAR_2),
        (K.EXTENSION_CLAIMED, date(2026, 4, 10)),
        (K.DATE_CORRECTED, date(2026, 4, 12), {"event": 2, "to": "2026-03-31"}),
    )
    state = derive(events, GDPR_IE)
    assert state.extension_claimed_on == date(2026, 3, 31)
    assert state.extension_in_time is True


def test_a_correction_cannot_put_sending_after_what_followed():
    events = timeline((K.SENT, MAR_2), (K.ACKNOWLEDGED, date(2026, 3, 5)))
    state = derive(events, GDPR_IE)
    with pytest.raises(EventRefused, match="Receipt acknowledged"):
        check_event(
            state, K.DATE_CORRECTED, date(2026, 3, 6), today=date(2026, 3, 10), corrects=events[0]
        )


def test_a_correction_cannot_put_an_event_before_sending():
    events = timeline((K.SENT, MAR_2), (K.ACKNOWLEDGED, date(2026, 3, 5)))
    state = derive(events, GDPR_IE)
    with pytest.raises(EventRefused, match="sent on 2 Mar 2026"):
        check_event(
            state, K.DATE_CORRECTED, date(2026, 2, 27), today=date(2026, 3, 10), corrects=events[1]
        )


def test_a_correction_must_name_an_event():
    with pytest.raises(EventRefused, match="Choose the event"):
        check_event(derive([], GDPR_IE), K.DATE_CORRECTED, MAR_2, today=MAR_2, corrects=None)


# --- Invariants ---------------------------------------------------------------------------------------

KINDS = [k for k in K if k != K.DATE_CORRECTED]


@hypothesis_settings(max_examples=300, deadline=None)
@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2033, 12, 31)),
    steps=st.lists(
        st.tuples(st.sampled_from(KINDS), st.integers(min_value=0, max_value=60)), max_size=8
    ),
    today_offset=st.integers(min_value=0, max_value=400),
)
def test_any_sequence_of_accepted_events_keeps_the_state_coherent(start, steps, today_offset):
    """Record whatever check_event accepts, in order: the derived state always makes sense."""
    events: list[Event] = []
    on = start
    for kind, gap in steps:
        on = on + timedelta(days=gap)
        state = derive(events, GDPR_IE)
        try:
            check_event(state, kind, on, today=on)
        except EventRefused:
            continue
        events.append(Event(kind, on, id=len(events) + 1))
    state = derive(events, GDPR_IE)
    today = on + timedelta(days=today_offset)
    assert (state.sent_on is None) == (
        state.status in {Status.DRAFT, Status.WITHDRAWN} and state.due_on is None
    )
    if state.due_on is not None:
        assert state.due_on > state.sent_on
        assert state.overdue_after >= state.due_on
        assert not (state.is_overdue(today) and today <= state.overdue_after)
    if state.is_closed:
        assert not state.is_overdue(today)
        assert ALLOWED[state.status] <= ALLOWED[Status.PARTLY_FULFILLED]
    assert (state.closed_on is not None) == (state.status in CLOSED)
    assert state.next_action(today).text


# --- Escalation after a follow-up ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("terms", "follow_up_on", "escalate_from", "sourced"),
    [
        # The ICO's template gives the organisation one calendar month to answer a complaint.
        pytest.param(
            Terms.single("uk-gdpr", ("delete",), country="GB"),
            date(2026, 1, 31),
            date(2026, 2, 28),
            True,
            id="uk-one-calendar-month-clamped",
        ),
        pytest.param(
            Terms.single("uk-gdpr", ("delete",), country="GB"),
            date(2026, 4, 6),
            date(2026, 5, 6),
            True,
            id="uk-one-calendar-month",
        ),
        # No EU authority we checked sets a wait: our 14-day courtesy period, labelled as ours.
        pytest.param(GDPR_IE, date(2026, 4, 6), date(2026, 4, 20), False, id="gdpr-courtesy"),
        pytest.param(CCPA_DELETE, date(2026, 12, 20), date(2027, 1, 3), False, id="ccpa-courtesy"),
    ],
)
def test_escalating_is_suggested_after_the_wait_the_regulator_gives(
    terms, follow_up_on, escalate_from, sourced
):
    from apps.tracker.escalation import wait_after_follow_up

    sent_on = date(2025, 12, 1)
    state = derive(timeline((K.SENT, sent_on), (K.FOLLOW_UP_SENT, follow_up_on)), terms)
    assert state.escalate_from == escalate_from
    assert not state.may_escalate(escalate_from - timedelta(days=1))
    assert state.may_escalate(escalate_from)
    wait = wait_after_follow_up(terms.deadlines[0][0])
    assert wait.sourced is sourced
    assert ("courtesy period of ours" in wait.explanation) is not sourced


def test_no_escalation_is_suggested_before_the_deadline_passed():
    state = derive(timeline((K.SENT, MAR_2)), GDPR_IE)
    for day in (date(2026, 3, 20), date(2026, 4, 2)):
        assert state.next_action(day).code != "escalate"
