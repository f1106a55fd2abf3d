"""The stored timeline: events appended, refused ones leaving no trace, and the request's columns
always equal to what the lifecycle derives from the events (never set by hand)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from apps.tracker.lifecycle import WAITING, EventKind as K, EventRefused, Status
from apps.tracker.models import PrivacyRequest, RequestEvent
from apps.tracker.services import (
    DERIVED_FIELDS,
    request_record_event,
    request_state,
    stored_state,
    terms_of,
)
from apps.watch.audience import people_to_alert
from tests.conftest import make_user
from tests.letters.factories import saved_request

pytestmark = pytest.mark.django_db

MAR_2 = date(2026, 3, 2)
TODAY = date(2026, 3, 20)


@pytest.fixture
def request_(alice):
    """Alice's GDPR request to OpenAI Ireland (objection to training), saved as a draft."""
    return saved_request(alice, rights=("object", "delete"))


def record(request, kind, on, **extra):
    return request_record_event(
        request=request, kind=kind, on=on, today=extra.pop("today", TODAY), **extra
    )


def test_the_request_follows_the_letters_governing_deadlines(request_):
    terms = terms_of(request_)
    assert terms.deadlines == (("gdpr", "object"), ("gdpr", "delete"))
    assert terms.company_country == "IE"


def test_marking_a_draft_sent_stores_the_dates_the_lifecycle_derives(request_):
    event = record(request_, K.SENT, MAR_2)
    request_.refresh_from_db()
    assert event.kind == "sent"
    assert event.occurred_on == MAR_2
    assert request_.status == Status.SENT
    assert request_.sent_on == MAR_2
    assert request_.due_on == date(2026, 4, 2)
    assert request_.overdue_after == date(2026, 4, 2)
    assert request_.acknowledge_by is None


def test_the_callers_object_is_refreshed_too(request_):
    record(request_, K.SENT, MAR_2)
    assert request_.status == Status.SENT
    assert request_.due_on == date(2026, 4, 2)


def test_a_refused_event_is_not_stored_and_changes_nothing(request_):
    record(request_, K.SENT, MAR_2)
    record(request_, K.FULFILLED, date(2026, 3, 10))
    with pytest.raises(EventRefused, match="fulfilled, so it cannot be marked “sent”"):
        record(request_, K.SENT, date(2026, 3, 12))
    assert list(request_.events.values_list("kind", flat=True)) == ["sent", "fulfilled"]
    request_.refresh_from_db()
    assert request_.status == Status.FULFILLED


def test_an_extension_claimed_in_time_extends_the_stored_deadline(request_):
    record(request_, K.SENT, MAR_2)
    record(
        request_,
        K.EXTENSION_CLAIMED,
        date(2026, 3, 30),
        details={"reason": "Many requests"},
        today=date(2026, 3, 31),
    )
    request_.refresh_from_db()
    assert request_.status == Status.EXTENDED
    assert request_.extension_in_time is True
    assert request_.due_on == date(2026, 6, 2)


def test_a_corrected_date_is_an_event_and_the_original_stays_in_history(request_):
    sent = record(request_, K.SENT, date(2026, 3, 3))
    correction = record(request_, K.DATE_CORRECTED, MAR_2, corrects=sent.pk)
    assert correction.occurred_on == TODAY  # when the correction was made
    assert correction.details == {"event": sent.pk, "from": "2026-03-03", "to": "2026-03-02"}
    sent.refresh_from_db()
    assert sent.occurred_on == date(2026, 3, 3)  # nothing is overwritten
    request_.refresh_from_db()
    assert request_.sent_on == MAR_2
    assert request_.due_on == date(2026, 4, 2)
    assert RequestEvent.objects.filter(request=request_).count() == 2


def test_a_correction_of_an_unknown_event_is_refused(request_, bob):
    record(request_, K.SENT, MAR_2)
    other = saved_request(bob)
    theirs = record(other, K.SENT, MAR_2)
    with pytest.raises(EventRefused, match="Choose the event"):
        record(request_, K.DATE_CORRECTED, date(2026, 3, 1), corrects=theirs.pk)


def test_stored_state_reads_the_columns_without_any_arithmetic(request_, django_assert_num_queries):
    record(request_, K.SENT, MAR_2)
    request_.refresh_from_db()
    with django_assert_num_queries(0):
        state = stored_state(request_)
    assert state.status == Status.SENT
    assert state.due_on == date(2026, 4, 2)
    assert state.is_overdue(date(2026, 4, 3))
    assert state.next_action(date(2026, 4, 5)).text == "Overdue by 3 days — send a follow-up"


KINDS = [k for k in K if k != K.DATE_CORRECTED]


@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 40)), max_size=6))
def test_the_stored_columns_always_equal_what_the_timeline_derives(alice, steps):
    request = saved_request(alice, rights=("delete",))
    on = date(2026, 2, 2)  # after the letter's date (31 Jan): a sending date before it is refused
    for kind, gap in steps:
        on += timedelta(days=gap)
        try:
            request_record_event(request=request, kind=kind, on=on, today=on)
        except EventRefused:
            continue
    request.refresh_from_db()
    derived = request_state(request)
    stored = stored_state(request)  # the columns as the lists and the sweep read them back
    for name in DERIVED_FIELDS:
        assert getattr(stored, name) == getattr(derived, name), name
    waiting = derived.status in WAITING
    assert sorted(request.open_deadlines.values_list("due_on", "overdue_after")) == (
        [(d.on, d.overdue_after) for d in derived.due_dates] if waiting else []
    )


# --- Who hears about a platform's policy changes ----------------------------------------------------


def test_owners_of_open_requests_hear_about_policy_changes_closed_ones_do_not(
    real_catalog, alice, bob
):
    from apps.catalog.models import Platform

    openai = Platform.objects.get(slug="openai")
    carol = make_user("carol@example.org")
    open_one = saved_request(alice)
    closed_one = saved_request(bob)
    other_platform = saved_request(carol)
    PrivacyRequest.objects.filter(pk__in=[open_one.pk, closed_one.pk]).update(platform=openai)
    record(closed_one, K.SENT, MAR_2)
    record(closed_one, K.REFUSED, date(2026, 3, 9))
    # carol's open request is to a company outside the catalog: it concerns no platform
    assert set(people_to_alert(openai)) == {alice}
    assert other_platform.platform is None


def test_a_person_with_an_open_request_and_a_follow_is_alerted_once(real_catalog, alice):
    from apps.catalog.models import Platform
    from apps.watch.models import Follow

    openai = Platform.objects.get(slug="openai")
    first, second = saved_request(alice), saved_request(alice)
    PrivacyRequest.objects.filter(pk__in=[first.pk, second.pk]).update(platform=openai)
    Follow.objects.create(user=alice, platform=openai)
    assert list(people_to_alert(openai)) == [alice]
