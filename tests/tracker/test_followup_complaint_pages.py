"""From an overdue request to a follow-up, then to a complaint: the drafts, their files, and
recording that they went out; and the request's dates as iCalendar."""

from __future__ import annotations

from datetime import date

import icalendar
import pytest
import time_machine

from apps.catalog.recipients import Recipient
from apps.tracker.services import request_record_event
from tests.letters.factories import saved_request

pytestmark = pytest.mark.django_db

NOW = "2026-04-20 12:00:00+00:00"
TODAY = date(2026, 4, 20)


@pytest.fixture
def overdue(alice):
    saved = saved_request(alice, rights=("object", "delete"))
    request_record_event(request=saved, kind="sent", on=date(2026, 3, 2), today=TODAY)
    return saved


@time_machine.travel(NOW, tick=False)
def test_an_overdue_request_offers_a_follow_up_citing_what_was_missed(alice_client, overdue):
    detail = alice_client.get(f"/requests/{overdue.code}/").content.decode()
    assert f'href="/requests/{overdue.code}/follow-up/"' in detail
    page = alice_client.get(f"/requests/{overdue.code}/follow-up/").content.decode()
    assert "The deadline has passed without an answer." in page
    assert "On 2 March 2026 I sent you a request" in page
    assert "due by Thursday 2 April 2026" in page
    for ext, kind in (("pdf", "application/pdf"), ("eml", "message/rfc822"), ("txt", "text/plain")):
        response = alice_client.get(f"/requests/{overdue.code}/follow-up/letter.{ext}")
        assert response["Content-Type"].startswith(kind)
        assert f"follow-up-letter-{overdue.reference}.{ext}" in response["Content-Disposition"]
    assert "mailto:dsar@openai.com?subject=Follow-up" in page


@time_machine.travel(NOW, tick=False)
def test_escalation_is_the_next_step_once_the_follow_up_had_its_time(alice_client, overdue):
    response = alice_client.post(
        f"/requests/{overdue.code}/events/follow_up_sent/",
        {"follow_up_sent-occurred_on": "2026-04-08"},
    )
    assert response.status_code == 302
    overdue.refresh_from_db()
    assert overdue.follow_up_on == date(2026, 4, 8)
    # GDPR: no regulator sets a wait after a follow-up; ours is 14 days, and it says so.
    assert overdue.escalate_from == date(2026, 4, 22)
    detail = alice_client.get(f"/requests/{overdue.code}/").content.decode()
    assert "Follow-up sent — give them until 22 Apr 2026 to answer" in detail
    assert "Escalate to the regulator" not in detail
    assert "a courtesy period of ours" in detail
    with time_machine.travel("2026-04-22 12:00:00+00:00", tick=False):
        detail = alice_client.get(f"/requests/{overdue.code}/").content.decode()
    assert "Escalate to the regulator" in detail
    # The follow-up is kept as written for the day it went out, for the complaint to enclose.
    kept = overdue.events.get(kind="follow_up_sent").details
    assert kept["subject"].startswith("Follow-up: ")
    assert "As of today, 8 April 2026, I have not received your answer" in kept["body"]
    complaint = alice_client.get(f"/requests/{overdue.code}/complaint/").content.decode()
    assert "follow-up/letter.pdf?as_sent=1" in complaint
    as_sent = alice_client.get(f"/requests/{overdue.code}/follow-up/letter.txt?as_sent=1")
    assert "As of today, 8 April 2026" in as_sent.content.decode()


@time_machine.travel(NOW, tick=False)
def test_a_follow_up_dated_in_the_future_shows_the_error_on_its_page(alice_client, overdue):
    response = alice_client.post(
        f"/requests/{overdue.code}/events/follow_up_sent/",
        {"follow_up_sent-occurred_on": "2026-04-21"},
    )
    url = f"/requests/{overdue.code}/follow-up/"
    assert (response.status_code, response["Location"]) == (303, url)  # the page's own address
    html = alice_client.get(url).content.decode()
    assert "<title>Error: " in html
    assert "Follow-up to ChatGPT" in html
    assert "is in the future" in html


@time_machine.travel(NOW, tick=False)
def test_the_complaint_has_the_timeline_the_enclosures_and_where_to_file_it(alice_client, overdue):
    request_record_event(request=overdue, kind="follow_up_sent", on=date(2026, 4, 8), today=TODAY)
    page = alice_client.get(f"/requests/{overdue.code}/complaint/").content.decode()
    assert "<h1>Complaint to Data Protection Commission (DPC)</h1>" in page
    assert 'href="https://dataprotection.ie/en/individuals/' in page
    text = alice_client.get(f"/requests/{overdue.code}/complaint/letter.txt").content.decode()
    assert "- 2 March 2026: I sent my request to OpenAI Ireland Limited." in text
    assert "- 8 April 2026: I sent OpenAI Ireland Limited a follow-up." in text
    assert "- my follow-up of 8 April 2026" in text
    assert "the deadline has passed" in text
    eml = alice_client.get(f"/requests/{overdue.code}/complaint/letter.eml")
    assert eml["Content-Type"] == "message/rfc822"
    pdf = alice_client.get(f"/requests/{overdue.code}/complaint/letter.pdf")
    assert pdf.content.startswith(b"%PDF")
    recorded = alice_client.post(
        f"/requests/{overdue.code}/events/complaint_filed/",
        {"complaint_filed-occurred_on": "2026-04-20"},
    )
    assert recorded.status_code == 302
    overdue.refresh_from_db()
    assert overdue.complaint_on == TODAY


@time_machine.travel(NOW, tick=False)
def test_the_lead_authority_comes_first_and_the_persons_own_is_offered(alice_client, alice):
    lead = Recipient(
        name="ChatGPT",
        legal_entity="OpenAI Ireland Limited",
        email="dsar@openai.com",
        country="IE",
        lead_authority="Data Protection Commission",
        lead_authority_country="IE",
        platform_slug="openai",
    )
    saved = saved_request(alice, rights=("access",), country="FR", recipient=lead)
    request_record_event(request=saved, kind="sent", on=date(2026, 3, 2), today=TODAY)
    page = alice_client.get(f"/requests/{saved.code}/complaint/").content.decode()
    assert "<h1>Complaint to Data Protection Commission (DPC)</h1>" in page
    assert '<a href="?to=1">Commission nationale' in page
    other = alice_client.get(f"/requests/{saved.code}/complaint/?to=1").content.decode()
    assert "<h1>Complaint to Commission nationale" in other
    assert "The complaint must be written in French." in other
    text = alice_client.get(f"/requests/{saved.code}/complaint/letter.txt?to=1").content
    assert "Dear Sir or Madam" in text.decode()


@time_machine.travel(NOW, tick=False)
def test_no_follow_up_or_complaint_before_the_request_is_sent(alice_client, alice, overdue):
    missing = alice_client.get(f"/requests/{overdue.code}/follow-up/letter.pdf?as_sent=1")
    assert missing.status_code == 404  # none recorded as sent yet
    draft = saved_request(alice)
    assert alice_client.get(f"/requests/{draft.code}/follow-up/").status_code == 404
    assert alice_client.get(f"/requests/{draft.code}/complaint/letter.pdf").status_code == 404


@time_machine.travel(NOW, tick=False)
def test_no_complaint_is_offered_where_no_law_names_an_authority(alice_client, alice):
    saved = saved_request(alice, rights=("access",), country="JP", regimes=("none",))
    request_record_event(request=saved, kind="sent", on=date(2026, 3, 2), today=TODAY)
    detail = alice_client.get(f"/requests/{saved.code}/").content.decode()
    assert "/complaint/" not in detail
    assert alice_client.get(f"/requests/{saved.code}/complaint/").status_code == 404


def events_of(body: bytes) -> list:
    return icalendar.Calendar.from_ical(body).walk("VEVENT")


@time_machine.travel(NOW, tick=False)
def test_a_requests_ics_has_its_due_date_with_the_persons_reminders(alice_client, alice):
    alice.profile.reminder_days_before = [10, 2]
    alice.profile.save()
    odd = Recipient(name='Acme, Inc; "AI"\nBEGIN:VEVENT', email="p@example.org", country="IE")
    saved = saved_request(alice, rights=("access",), recipient=odd)
    request_record_event(request=saved, kind="sent", on=date(2026, 4, 1), today=TODAY)
    response = alice_client.get(f"/requests/{saved.code}/request.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    [event] = events_of(response.content)
    assert event.decoded("dtstart") == date(2026, 5, 1)
    assert str(event["summary"]).startswith('Reply due from Acme, Inc; "AI"\nBEGIN:VEVENT')
    assert response.content.count(b"\r\nBEGIN:VEVENT") == 1  # the name cannot open an event
    triggers = [str(a["trigger"].dt) for a in event.walk("VALARM")]
    assert triggers == ["-10 days, 0:00:00", "-2 days, 0:00:00"]
    assert str(event["url"]) == f"http://testserver/requests/{saved.code}/"


@time_machine.travel(NOW, tick=False)
def test_the_feed_lists_only_requests_still_waiting(client, alice, overdue):
    draft = saved_request(alice, rights=("access",))
    done = saved_request(alice, rights=("delete",))
    request_record_event(request=done, kind="sent", on=date(2026, 3, 5), today=TODAY)
    request_record_event(request=done, kind="fulfilled", on=date(2026, 3, 9), today=TODAY)
    body = client.get(f"/calendar/{alice.profile.calendar_token}.ics").content
    uids = [str(e["uid"]) for e in events_of(body)]
    assert uids == [f"{overdue.code}-due@rightsdesk"]
    assert str(draft.code).encode() not in body


@time_machine.travel(NOW, tick=False)
def test_the_settings_page_links_the_feed(alice_client, alice):
    page = alice_client.get("/account/settings/").content.decode()
    assert f"/calendar/{alice.profile.calendar_token}.ics" in page
