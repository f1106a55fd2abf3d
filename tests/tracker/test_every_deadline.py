"""A request with several deadlines follows every one of them: on its page, on the dashboard,
in the calendar feed and in the planner's index of open deadlines.

A Californian's CCPA request to opt out of sale and delete, sent Monday 2 Nov 2026: the opt-out
of sale is due in 15 business days (Tue 24 Nov 2026), the deletion in 45 calendar days (Thu 17
Dec 2026), with an acknowledgement of the deletion due by Tue 17 Nov.
"""

from __future__ import annotations

from datetime import date

import icalendar
import pytest
import time_machine

from apps.tracker.models import OpenDeadline
from apps.tracker.services import request_record_event
from tests.letters.factories import saved_request

pytestmark = pytest.mark.django_db

NOV_2 = date(2026, 11, 2)
OPT_OUT_DUE = date(2026, 11, 24)
DELETE_DUE = date(2026, 12, 17)


def extended_deletion_due() -> date:
    """The CCPA deletion deadline of a request sent 2 Nov 2026, validly extended, as the engine
    counts it (tests/deadlines pins that count)."""
    from apps.deadlines import compute_deadline

    return compute_deadline(
        "ccpa", "delete", date(2026, 11, 2), country="US", region="CA", extended=True
    ).effective_due_on


def record(request, kind, on, today=None):
    return request_record_event(request=request, kind=kind, on=on, today=today or on)


@pytest.fixture
def two_dates(alice):
    saved = saved_request(
        alice, country="US", region="CA", rights=("opt-out-sale", "delete"), today=NOV_2
    )
    record(saved, "sent", NOV_2)
    saved.refresh_from_db()
    return saved


def dashboard_row(client, request) -> str:
    html = client.get("/requests/").content.decode()
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    [row] = [row for row in body.split("<tr")[1:] if str(request.code) in row]
    return row


def test_both_dates_are_stored_and_indexed_while_the_request_waits(two_dates):
    assert [(d["on"], d["rights"]) for d in two_dates.due_dates] == [
        ("2026-11-24", ["opt-out-sale"]),
        ("2026-12-17", ["delete"]),
    ]
    assert list(two_dates.open_deadlines.values_list("due_on", flat=True)) == [
        OPT_OUT_DUE,
        DELETE_DUE,
    ]
    record(two_dates, "fulfilled", date(2026, 11, 20))
    assert not OpenDeadline.objects.filter(request=two_dates).exists()  # nothing is awaited


def test_an_extension_rewrites_the_indexed_dates(two_dates):
    record(two_dates, "extension_claimed", date(2026, 11, 20))
    assert list(two_dates.open_deadlines.values_list("due_on", flat=True)) == [
        OPT_OUT_DUE,  # the CCPA allows no extension of the opt-out of sale
        extended_deletion_due(),
    ]


def test_the_request_page_lists_every_deadline(alice_client, two_dates):
    with time_machine.travel("2026-11-05 12:00:00+00:00", tick=False):
        page = alice_client.get(f"/requests/{two_dates.code}/").content.decode()
    due = page.split('id="due-dates"')[1].split("</ul>")[0]
    assert "Tuesday 24 November 2026: Stop selling or sharing my data" in due
    assert "Thursday 17 December 2026: Delete my data" in due


def test_the_dashboard_shows_the_next_deadline_and_the_ones_after_it(alice_client, two_dates):
    with time_machine.travel("2026-11-05 12:00:00+00:00", tick=False):
        row = dashboard_row(alice_client, two_dates)
    assert "24 Nov 2026<br>19 days left" in row
    assert "Then: 17 Dec 2026" in row
    with time_machine.travel("2026-11-30 12:00:00+00:00", tick=False):
        row = dashboard_row(alice_client, two_dates)
    # The opt-out's date passed unanswered (overdue); the deletion's is the next one.
    assert "6 days overdue" in row
    assert "Next: 17 Dec 2026 (17 days left)" in row


def test_the_calendar_feed_has_every_date(client, alice, two_dates):
    with time_machine.travel("2026-11-05 12:00:00+00:00", tick=False):
        body = client.get(f"/calendar/{alice.profile.calendar_token}.ics").content
    events = {
        str(e["uid"]): (e.decoded("dtstart"), str(e["summary"]))
        for e in icalendar.Calendar.from_ical(body).walk("VEVENT")
    }
    code = two_dates.code
    assert events[f"{code}-due@rightsdesk"][0] == OPT_OUT_DUE
    assert "Stop selling or sharing my data" in events[f"{code}-due@rightsdesk"][1]
    assert events[f"{code}-due-2@rightsdesk"][0] == DELETE_DUE
    assert "Delete my data" in events[f"{code}-due-2@rightsdesk"][1]
    assert events[f"{code}-acknowledge@rightsdesk"][0] == date(2026, 11, 17)
