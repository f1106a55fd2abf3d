"""Which reminders a request earns and when: per request, per deadline, in the person's day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.reminders.models import Reminder
from apps.reminders.planner import plan_due, reminders_for
from tests.conftest import make_user
from tests.letters.factories import saved_request

from .conftest import DUBLIN, DUE_ON, SENT_ON, at, ccpa_request, record, sent_request

pytestmark = pytest.mark.django_db


def planned(request) -> list[tuple[str, date, date]]:
    return [
        (p.kind, p.deadline_on, p.day)
        for p in reminders_for(request, request.owner.profile.reminder_days_before)
    ]


def rows(request) -> list[tuple[str, date, datetime]]:
    return [
        (r.kind, r.deadline_on, r.due_at)
        for r in Reminder.objects.filter(request=request).order_by("due_at", "kind")
    ]


def test_a_sent_request_earns_reminders_before_on_and_after_its_deadline(person):
    request = sent_request(person)
    assert planned(request) == [
        ("before_7", DUE_ON, date(2026, 3, 26)),
        ("before_1", DUE_ON, date(2026, 4, 1)),
        ("due", DUE_ON, DUE_ON),
        ("missed", DUE_ON, date(2026, 4, 3)),
    ]


def test_the_days_before_follow_the_persons_settings(person):
    person.profile.reminder_days_before = [14, 3]
    person.profile.save()
    request = sent_request(person)
    assert [kind for kind, _, _ in planned(request)] == ["before_14", "before_3", "due", "missed"]


def test_no_days_before_leaves_the_due_day_and_the_missed_deadline(person):
    person.profile.reminder_days_before = []
    person.profile.save()
    assert [kind for kind, _, _ in planned(sent_request(person))] == ["due", "missed"]


def test_an_unacknowledged_ccpa_request_earns_a_reminder_after_ten_business_days(person):
    request = ccpa_request(person)
    assert ("acknowledge", date(2026, 11, 17), date(2026, 11, 18)) in planned(request)


def test_a_recorded_acknowledgement_needs_no_reminder(person):
    request = ccpa_request(person)
    record(request, "acknowledged", date(2026, 11, 10))
    assert all(kind != "acknowledge" for kind, _, _ in planned(request))


def test_a_draft_never_sent_gets_a_gentle_nudge_three_days_after_it_was_saved(person):
    draft = saved_request(person, today=date(2026, 3, 2))
    assert planned(draft) == [("draft", date(2026, 3, 2), date(2026, 3, 5))]


@pytest.mark.parametrize("outcome", ["fulfilled", "refused", "withdrawn"])
def test_a_closed_request_earns_nothing(person, outcome):
    request = sent_request(person)
    record(request, outcome, date(2026, 3, 10))
    assert planned(request) == []


def test_an_extension_moves_the_deadline_and_earns_its_own_reminders(person):
    request = sent_request(person)
    record(request, "extension_claimed", date(2026, 3, 20))
    request.refresh_from_db()
    assert request.due_on > DUE_ON
    assert {deadline for _, deadline, _ in planned(request)} == {request.due_on}


def test_rows_are_planned_once_when_due_at_eight_in_the_persons_morning(person, clock):
    request = sent_request(person)
    clock.move_to(at(date(2026, 3, 26), 7, 59))
    plan_due(now=datetime.now(UTC))
    assert rows(request) == []
    clock.move_to(at(date(2026, 3, 26), 8, 0))
    plan_due(now=datetime.now(UTC))
    plan_due(now=datetime.now(UTC))
    assert rows(request) == [("before_7", DUE_ON, at(date(2026, 3, 26)))]
    assert rows(request)[0][2] == datetime(2026, 3, 26, 8, 0, tzinfo=UTC)  # Dublin is on GMT


def test_the_morning_is_the_persons_own(person, clock):
    person.profile.time_zone = "America/Los_Angeles"
    person.profile.save()
    request = sent_request(person)
    clock.move_to(datetime(2026, 3, 26, 8, 0, tzinfo=UTC))  # 01:00 in Los Angeles
    plan_due(now=datetime.now(UTC))
    assert rows(request) == []
    clock.move_to(datetime(2026, 3, 26, 15, 0, tzinfo=UTC))  # 08:00 PDT
    plan_due(now=datetime.now(UTC))
    assert [(kind, due_at) for kind, _, due_at in rows(request)] == [
        ("before_7", datetime(2026, 3, 26, 15, 0, tzinfo=UTC))
    ]


def test_nothing_is_planned_for_a_person_who_turned_reminders_off(person, clock):
    request = sent_request(person)
    person.profile.reminders_enabled = False
    person.profile.save()
    clock.move_to(at(DUE_ON + timedelta(days=1), 9))
    plan_due(now=datetime.now(UTC))
    assert rows(request) == []


def test_planning_costs_the_same_few_queries_however_many_requests_exist(person, clock):
    def queries_to_plan() -> int:
        clock.move_to(at(date(2026, 3, 26), 9))
        with CaptureQueriesContext(connection) as captured:
            plan_due(now=datetime.now(UTC))
        Reminder.objects.all().delete()
        return len(captured)

    sent_request(person)
    few = queries_to_plan()
    for n in range(12):
        other = make_user(f"p{n}@example.org")
        sent_request(other, on=SENT_ON + timedelta(days=n % 3))  # some due, some not
        saved_request(other)
    assert queries_to_plan() == few


def test_times_are_in_the_persons_zone(person):
    request = sent_request(person)
    [first, *_] = reminders_for(request, [7])
    assert first.due_at(DUBLIN) == at(date(2026, 3, 26))


def two_date_request(user):
    """CCPA opt-out of sale (due Tue 24 Nov 2026) and deletion (due Thu 17 Dec 2026)."""
    return sent_request(
        user, on=date(2026, 11, 2), country="US", region="CA", rights=("opt-out-sale", "delete")
    )


def test_each_date_of_a_request_earns_its_own_reminders(person):
    request = two_date_request(person)
    about = {}
    for kind, deadline_on, day in planned(request):
        about.setdefault(deadline_on, []).append((kind, day))
    assert about[date(2026, 11, 24)] == [
        ("before_7", date(2026, 11, 17)),
        ("before_1", date(2026, 11, 23)),
        ("due", date(2026, 11, 24)),
        ("missed", date(2026, 11, 25)),  # keyed by the day after which it is overdue
    ]
    assert about[date(2026, 12, 17)] == [
        ("before_7", date(2026, 12, 10)),
        ("before_1", date(2026, 12, 16)),
        ("due", date(2026, 12, 17)),
        ("missed", date(2026, 12, 18)),
    ]


def test_the_sweep_plans_the_second_dates_reminders_on_their_day(person, clock):
    request = two_date_request(person)
    clock.move_to(at(date(2026, 12, 10), 9))
    plan_due(now=datetime.now(UTC))
    assert ("before_7", date(2026, 12, 17), at(date(2026, 12, 10))) in rows(request)


def test_a_missed_first_date_does_not_silence_the_second_ones_reminders(person, clock):
    from apps.reminders.planner import still_applies

    request = two_date_request(person)
    clock.move_to(at(date(2026, 12, 10), 9))
    plan_due(now=datetime.now(UTC))
    reminder = Reminder.objects.get(
        request=request, kind="before_7", deadline_on=date(2026, 12, 17)
    )
    # The opt-out's "missed" day (25 Nov) came long before: it is about another date.
    assert still_applies(reminder, today=date(2026, 12, 10))
