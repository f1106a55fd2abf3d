"""The request page's actions: each event recorded through its form (today by default, never in
the future), the lifecycle's refusals shown as form errors that keep what was typed, date
corrections as events, replies pasted or uploaded, and deleting a request."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.tracker.models import PrivacyRequest, RequestEvent
from tests.letters.factories import saved_request

pytestmark = pytest.mark.django_db

# Alice's GDPR request to OpenAI Ireland, sent on 2 March 2026: due Thursday 2 April 2026.
MAR_2 = "2026-03-02"
TODAY = "2026-03-20 12:00:00+00:00"


def shown_again(client, response, saved) -> str:
    """A refused form redirects to the request's own page, which shows it with its errors (in
    the summary at the top, and at the form) and what was typed, once."""
    assert (response.status_code, response["Location"]) == (303, f"/requests/{saved.code}/")
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "<title>Error: " in html
    assert 'class="error-summary"' in html
    assert "Error: " not in client.get(response["Location"]).content.decode()[:2000]  # once
    return html


@pytest.fixture
def saved(alice):
    return saved_request(alice, rights=("object", "delete"))


@pytest.fixture
def client_(client, alice):
    client.force_login(alice)
    return client


def record(client, saved, kind, on, **fields):
    data = {f"{kind}-occurred_on": on, **{f"{kind}-{k}": v for k, v in fields.items()}}
    return client.post(f"/requests/{saved.code}/events/{kind}/", data)


def statuses(saved):
    saved.refresh_from_db()
    return saved.status


@pytest.mark.parametrize(
    ("steps", "status"),
    [
        pytest.param([("sent", MAR_2, {})], "sent", id="draft-to-sent"),
        pytest.param(
            [("sent", MAR_2, {}), ("acknowledged", "2026-03-03", {})],
            "acknowledged",
            id="sent-to-acknowledged",
        ),
        pytest.param(
            [("sent", MAR_2, {}), ("extension_claimed", "2026-03-10", {"reason": "Complex"})],
            "extended",
            id="sent-to-extended",
        ),
        pytest.param(
            [("sent", MAR_2, {}), ("response_received", "2026-03-12", {"reply": "Done."})],
            "responded",
            id="sent-to-responded",
        ),
        pytest.param(
            [
                ("sent", MAR_2, {}),
                ("response_received", "2026-03-12", {}),
                ("fulfilled", "2026-03-12", {}),
            ],
            "fulfilled",
            id="responded-to-fulfilled",
        ),
        pytest.param(
            [("sent", MAR_2, {}), ("partly_fulfilled", "2026-03-12", {"note": "No training data"})],
            "partly_fulfilled",
            id="sent-to-partly-fulfilled",
        ),
        pytest.param(
            [("sent", MAR_2, {}), ("refused", "2026-03-12", {})], "refused", id="sent-to-refused"
        ),
        pytest.param([("withdrawn", "2026-03-01", {})], "withdrawn", id="draft-withdrawn"),
        pytest.param(
            [("sent", MAR_2, {}), ("withdrawn", "2026-03-05", {})], "withdrawn", id="sent-withdrawn"
        ),
        pytest.param(
            [("sent", MAR_2, {}), ("follow_up_sent", "2026-03-19", {})],
            "sent",
            id="follow-up-keeps-status",
        ),
        pytest.param(
            [
                ("sent", MAR_2, {}),
                ("refused", "2026-03-12", {}),
                ("complaint_filed", "2026-03-19", {}),
            ],
            "refused",
            id="complaint-after-refusal",
        ),
    ],
)
@time_machine.travel(TODAY, tick=False)
def test_each_transition_is_recorded_from_its_form(client_, saved, steps, status):
    for kind, on, fields in steps:
        response = record(client_, saved, kind, on, **fields)
        assert response.status_code == 302, response.content.decode()
        assert response["Location"] == f"/requests/{saved.code}/"
    assert statuses(saved) == status
    assert [e.kind for e in saved.events.order_by("id")] == [kind for kind, _, _ in steps]


@time_machine.travel(TODAY, tick=False)
def test_the_date_is_today_unless_changed_and_never_in_the_future(client_, saved):
    page = client_.get(f"/requests/{saved.code}/").content.decode()
    assert 'name="sent-occurred_on" value="2026-03-20"' in page
    assert 'max="2026-03-20"' in page
    response = record(client_, saved, "sent", "2026-03-21")
    html = shown_again(client_, response, saved)
    assert "21 Mar 2026 is in the future: record things once they have happened." in html
    assert 'value="2026-03-21"' in html  # what was typed is kept
    assert statuses(saved) == "draft"


@time_machine.travel(TODAY, tick=False)
def test_a_refused_transition_shows_the_lifecycles_sentence_and_records_nothing(client_, saved):
    record(client_, saved, "sent", MAR_2)
    record(client_, saved, "fulfilled", "2026-03-10")
    response = client_.post(
        f"/requests/{saved.code}/events/sent/", {"sent-occurred_on": "2026-03-12"}
    )
    html = shown_again(client_, response, saved)
    assert "This request is fulfilled, so it cannot be marked “sent”." in html
    assert 'value="2026-03-12"' in html
    assert list(saved.events.values_list("kind", flat=True)) == ["sent", "fulfilled"]


@time_machine.travel(TODAY, tick=False)
def test_an_event_before_the_request_was_sent_is_refused(client_, saved):
    record(client_, saved, "sent", MAR_2)
    response = record(client_, saved, "acknowledged", "2026-03-01")
    html = shown_again(client_, response, saved)
    assert "sent on 2 Mar 2026: a date before that cannot be right" in html


@time_machine.travel(TODAY, tick=False)
def test_an_unknown_event_kind_is_404(client_, saved):
    response = client_.post(f"/requests/{saved.code}/events/date_corrected/", {})
    assert response.status_code == 404
    assert client_.post(f"/requests/{saved.code}/events/teleported/", {}).status_code == 404


@time_machine.travel("2026-03-31 12:00:00+00:00", tick=False)
def test_an_extension_claimed_in_time_shows_the_extended_deadline(client_, saved):
    record(client_, saved, "sent", MAR_2)
    record(client_, saved, "extension_claimed", "2026-03-30", reason="Many requests <b>now</b>")
    html = client_.get(f"/requests/{saved.code}/").content.decode()
    assert "Extension claimed on 30 March 2026, in time" in html
    assert "Tuesday 2 June 2026" in html
    assert "Many requests &lt;b&gt;now&lt;/b&gt;" in html  # their words, escaped


@time_machine.travel("2026-04-20 12:00:00+00:00", tick=False)
def test_an_extension_claimed_late_leaves_the_original_deadline_and_says_so(client_, saved):
    record(client_, saved, "sent", MAR_2)
    record(client_, saved, "extension_claimed", "2026-04-10", reason="Backlog")
    saved.refresh_from_db()
    assert saved.extension_in_time is False
    assert saved.due_on == date(2026, 4, 2)
    html = client_.get(f"/requests/{saved.code}/").content.decode()
    assert "The extension was claimed late, on 10 April 2026" in html
    assert "Overdue by 18 days — send a follow-up" in html


def test_the_extension_needs_the_companys_reason(client_, saved):
    with time_machine.travel(TODAY, tick=False):
        record(client_, saved, "sent", MAR_2)
        response = record(client_, saved, "extension_claimed", "2026-03-10")
        html = shown_again(client_, response, saved)
    assert "Give the reason they gave for the extension" in html


@pytest.mark.parametrize(
    ("today", "overdue"),
    [
        pytest.param("2026-04-01 12:00:00+00:00", False, id="the-day-before"),
        pytest.param("2026-04-02 23:00:00+00:00", False, id="the-deadline-day"),
        pytest.param("2026-04-03 09:00:00+00:00", True, id="the-day-after"),
    ],
)
def test_overdue_is_derived_across_the_deadline_day(client_, saved, today, overdue):
    with time_machine.travel(TODAY, tick=False):
        record(client_, saved, "sent", MAR_2)
    with time_machine.travel(today, tick=False):
        detail = client_.get(f"/requests/{saved.code}/").content.decode()
        board = client_.get("/requests/?status=overdue").content.decode()
    assert ("Overdue by 1 day — send a follow-up" in detail) is overdue
    assert ("— overdue</span>" in detail) is overdue
    assert (f"/requests/{saved.code}/" in board) is overdue


@time_machine.travel(TODAY, tick=False)
def test_a_wrong_date_is_corrected_by_an_event_and_both_dates_stay(client_, saved):
    record(client_, saved, "sent", "2026-03-03")
    sent = saved.events.get()
    response = client_.post(
        f"/requests/{saved.code}/correct/",
        {"correct-event": sent.pk, "correct-occurred_on": MAR_2},
    )
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.occurred_on == date(2026, 3, 3)
    correction = saved.events.get(kind="date_corrected")
    assert correction.details == {"event": sent.pk, "from": "2026-03-03", "to": MAR_2}
    saved.refresh_from_db()
    assert saved.sent_on == date(2026, 3, 2)
    html = client_.get(f"/requests/{saved.code}/").content.decode()
    assert "the date of “Sent” changed from 3 Mar 2026 to 2 Mar 2026" in html


@time_machine.travel(TODAY, tick=False)
def test_a_correction_the_lifecycle_refuses_is_a_form_error(client_, saved):
    record(client_, saved, "sent", MAR_2)
    record(client_, saved, "acknowledged", "2026-03-05")
    sent = saved.events.get(kind="sent")
    response = client_.post(
        f"/requests/{saved.code}/correct/",
        {"correct-event": sent.pk, "correct-occurred_on": "2026-03-10"},
    )
    html = shown_again(client_, response, saved)
    assert "The request cannot have been sent after “Receipt acknowledged” on 5 Mar 2026." in html
    assert 'value="2026-03-10"' in html
    assert not saved.events.filter(kind="date_corrected").exists()


@time_machine.travel(TODAY, tick=False)
def test_a_correction_of_someone_elses_event_is_refused(client_, saved, bob):
    others = saved_request(bob)
    record_other = RequestEvent.objects.create(
        request=others, kind="sent", occurred_on=date(2026, 3, 1)
    )
    record(client_, saved, "sent", MAR_2)
    response = client_.post(
        f"/requests/{saved.code}/correct/",
        {"correct-event": record_other.pk, "correct-occurred_on": MAR_2},
    )
    shown_again(client_, response, saved)
    assert not RequestEvent.objects.filter(kind="date_corrected").exists()


@time_machine.travel(TODAY, tick=False)
def test_a_reply_is_kept_pasted_or_uploaded(client_, saved):
    record(client_, saved, "sent", MAR_2)
    upload = SimpleUploadedFile("reply.txt", b"We deleted your data.\n", "text/plain")
    response = client_.post(
        f"/requests/{saved.code}/events/response_received/",
        {"response_received-occurred_on": "2026-03-15", "response_received-reply_file": upload},
    )
    assert response.status_code == 302
    assert saved.events.get(kind="response_received").details == {"reply": "We deleted your data."}
    html = client_.get(f"/requests/{saved.code}/").content.decode()
    assert "We deleted your data." in html


@time_machine.travel(TODAY, tick=False)
def test_an_upload_that_is_not_text_is_refused(client_, saved):
    record(client_, saved, "sent", MAR_2)
    upload = SimpleUploadedFile("reply.exe", b"MZ\x90\x00", "application/octet-stream")
    response = client_.post(
        f"/requests/{saved.code}/events/response_received/",
        {
            "response_received-occurred_on": "2026-03-15",
            "response_received-reply_file": upload,
            "response_received-reply": "typed",
        },
    )
    html = shown_again(client_, response, saved)
    assert "Upload a .txt or .eml file, or paste the reply instead." in html
    assert "typed</textarea>" in html
    assert not saved.events.filter(kind="response_received").exists()


@time_machine.travel(TODAY, tick=False)
def test_deleting_asks_first_then_removes_the_request_and_its_timeline(client_, saved):
    record(client_, saved, "sent", MAR_2)
    confirm = client_.get(f"/requests/{saved.code}/delete/")
    assert confirm.status_code == 200
    assert "Delete this request?" in confirm.content.decode()
    assert PrivacyRequest.objects.filter(pk=saved.pk).exists()
    response = client_.post(f"/requests/{saved.code}/delete/")
    assert response["Location"] == "/requests/"
    assert not PrivacyRequest.objects.filter(pk=saved.pk).exists()
    assert not RequestEvent.objects.exists()


@time_machine.travel(TODAY, tick=False)
def test_the_page_offers_only_the_events_that_can_happen_now(client_, saved):
    html = client_.get(f"/requests/{saved.code}/").content.decode()
    assert "events/sent/" in html
    assert "events/withdrawn/" in html
    assert "events/fulfilled/" not in html
    assert "/follow-up/" not in html  # nothing sent: nothing to follow up
    record(client_, saved, "sent", MAR_2)
    html = client_.get(f"/requests/{saved.code}/").content.decode()
    assert "events/sent/" not in html
    assert "events/acknowledged/" in html
    assert "events/fulfilled/" in html
    assert "Waiting — 13 days left" in html
    assert '<progress id="time-used" max="100" value="58">' in html
