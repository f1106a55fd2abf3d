"""The reminder emails as received by a real SMTP server, and the link that stops them."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from apps.reminders.emails import stop_token
from apps.reminders.models import Reminder

from .conftest import DUE_ON, at, ccpa_request, sent_request

pytestmark = pytest.mark.django_db


def subjects(smtp_server) -> list[str]:
    """Subjects as a mail client shows them (a long header is folded on the wire)."""
    return [" ".join(subject.split()) for subject in smtp_server.subjects]


def parts(message) -> tuple[str, str]:
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


def stop_link_of(message) -> str:
    header = str(message["List-Unsubscribe"])
    assert header.startswith("<http")
    assert header.endswith(">")
    return header[1:-1]


def test_the_reminder_a_week_before_says_what_is_due_and_when(person, smtp_server, sweep_at):
    request = sent_request(person)
    report = sweep_at(at(date(2026, 3, 26), 8, 1))
    assert report.sent == 1
    [message] = smtp_server.messages
    assert smtp_server.envelopes[0][1] == ["alice@example.org"]
    assert " ".join(str(message["Subject"]).split()) == (
        "Reminder: ChatGPT must answer your request by 2 Apr 2026 (7 days left)"
    )
    text, html = parts(message)
    url = f"http://127.0.0.1:8000/requests/{request.code}/"
    assert url in text
    assert f'href="{url}"' in html
    assert "You sent it on 2 Mar 2026." in text
    assert "2 Apr 2026" in html


def test_it_writes_dates_the_way_the_person_does(person, smtp_server, sweep_at):
    person.profile.date_format = "mon-d-y"
    person.profile.save()
    sent_request(person)
    sweep_at(at(date(2026, 3, 26), 8, 1))
    assert subjects(smtp_server) == [
        "Reminder: ChatGPT must answer your request by Apr 2, 2026 (7 days left)"
    ]


def test_each_kind_of_reminder_goes_out_on_its_day_once(person, smtp_server, sweep_at):
    sent_request(person)
    for day in (date(2026, 3, 26), date(2026, 4, 1), DUE_ON, date(2026, 4, 3)):
        sweep_at(at(day, 8, 1))
        sweep_at(at(day, 8, 5))
        sweep_at(at(day, 20, 0))
    assert subjects(smtp_server) == [
        "Reminder: ChatGPT must answer your request by 2 Apr 2026 (7 days left)",
        "Reminder: ChatGPT must answer your request by 2 Apr 2026 (1 day left)",
        "Reminder: ChatGPT must answer your request today, 2 Apr 2026",
        "Reminder: ChatGPT missed the deadline of 2 Apr 2026: your follow-up is ready",
    ]


def test_the_missed_deadline_email_points_to_the_follow_up_on_the_request_page(
    person, smtp_server, sweep_at
):
    request = sent_request(person)
    sweep_at(at(date(2026, 4, 3), 9))
    text, _ = parts(smtp_server.messages[-1])
    assert "follow-up letter ready to send" in text
    assert f"/requests/{request.code}/" in text


def test_a_missing_acknowledgement_is_reminded_the_next_morning(person, smtp_server, sweep_at):
    ccpa_request(person)
    sweep_at(at(date(2026, 11, 18), 8, 30))
    assert subjects(smtp_server) == [
        "Reminder: ChatGPT should have confirmed receiving your request by 17 Nov 2026"
    ]


def test_a_forgotten_draft_gets_one_nudge(person, smtp_server, sweep_at):
    from tests.letters.factories import saved_request

    saved_request(person, today=date(2026, 3, 2))
    sweep_at(at(date(2026, 3, 5), 8, 30))
    sweep_at(at(date(2026, 3, 6), 8, 30))
    assert subjects(smtp_server) == [
        "Reminder: Your request to ChatGPT, saved on 2 Mar 2026, is not sent yet"
    ]


def test_the_email_holds_no_identifier_from_the_letter(person, smtp_server, sweep_at):
    request = sent_request(person)
    sweep_at(at(date(2026, 3, 26), 9))
    raw = smtp_server.messages[0].as_string()
    for secret in (
        "Jane Doe",
        "jane@example.org",
        "janed",
        "Harbour Road",
        request.reference,
        "dsar@openai.com",
        "OpenAI Ireland Limited",
    ):
        assert secret not in raw
    assert request.body[:40] not in raw


def test_the_email_carries_one_click_unsubscribe_headers(person, smtp_server, sweep_at):
    sent_request(person)
    sweep_at(at(date(2026, 3, 26), 9))
    message = smtp_server.messages[0]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = stop_link_of(message)
    assert link.startswith("http://127.0.0.1:8000/reminders/stop/")
    text, html = parts(message)
    assert link in text
    assert link in html


def test_the_stop_link_asks_first_and_a_one_click_post_turns_reminders_off_without_login(
    person, smtp_server, sweep_at
):
    sent_request(person)
    sweep_at(at(date(2026, 3, 26), 9))
    path = stop_link_of(smtp_server.messages[0]).removeprefix("http://127.0.0.1:8000")
    client = Client(enforce_csrf_checks=True)  # a mail client: no session, no CSRF cookie

    page = client.get(path)
    assert page.status_code == 200
    assert b"Stop reminder emails</button>" in page.content
    person.profile.refresh_from_db()
    assert person.profile.reminders_enabled  # a link scanner's GET changes nothing

    done = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    person.profile.refresh_from_db()
    assert not person.profile.reminders_enabled

    sweep_at(at(date(2026, 4, 1), 9))
    assert len(smtp_server.messages) == 1  # no more reminders


def test_turning_reminders_off_cancels_one_already_planned(person, smtp_server, sweep_at, settings):
    settings.NOTIFICATIONS_BACKOFF = [600]
    sent_request(person)
    smtp_server.fail_next = 1
    sweep_at(at(date(2026, 3, 26), 9))
    person.profile.reminders_enabled = False
    person.profile.save()
    sweep_at(at(date(2026, 3, 26), 10))
    assert smtp_server.messages == []
    assert Reminder.objects.get().status == Reminder.Status.CANCELLED


def test_a_forged_or_altered_stop_link_is_not_found(person, client):
    token = stop_token(user_id=person.pk)
    assert client.get(f"/reminders/stop/{token}x/").status_code == 404
    assert client.post("/reminders/stop/not-a-token/").status_code == 404
    person.profile.refresh_from_db()
    assert person.profile.reminders_enabled


def test_recording_the_answer_cancels_the_reminders_still_queued(person, smtp_server, sweep_at):
    from .conftest import record

    request = sent_request(person)
    smtp_server.fail_next = 1
    sweep_at(at(date(2026, 3, 26), 9))
    record(request, "fulfilled", date(2026, 3, 26))
    sweep_at(at(date(2026, 3, 27), 9))
    assert smtp_server.messages == []
    assert Reminder.objects.get().status == Reminder.Status.CANCELLED


def test_a_company_name_someone_typed_is_escaped_and_kept_to_one_line(
    person, smtp_server, sweep_at
):
    request = sent_request(person)
    request.recipient = {
        **request.recipient,
        "name": 'Evil <b>Co</b> & "x"\nBcc: victim@example.org',
    }
    request.save(update_fields=["recipient"])
    sweep_at(at(date(2026, 3, 26), 9))
    [message] = smtp_server.messages
    assert message["Bcc"] is None
    assert "\n" not in str(message["Subject"]).strip().replace("\n ", " ")
    assert smtp_server.envelopes[0][1] == ["alice@example.org"]
    text, html = parts(message)
    assert "Evil &lt;b&gt;Co&lt;/b&gt; &amp;" in html
    assert "<b>Co</b>" not in html
    assert 'Evil <b>Co</b> & "x"' in text


def test_a_request_with_two_dates_is_reminded_of_each_naming_what_is_due(
    person, smtp_server, sweep_at
):
    sent_request(
        person, on=date(2026, 11, 2), country="US", region="CA", rights=("opt-out-sale", "delete")
    )
    sweep_at(at(date(2026, 11, 17), 8, 30))  # a week before the opt-out of sale is due
    sweep_at(at(date(2026, 12, 10), 8, 30))  # a week before the deletion is due
    assert subjects(smtp_server) == [
        "Reminder: ChatGPT must answer your request for “Stop selling or sharing my data” by "
        "24 Nov 2026 (7 days left)",
        "Reminder: ChatGPT must answer your request for “Delete my data” by 17 Dec 2026 "
        "(7 days left)",
    ]
