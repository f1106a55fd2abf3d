"""Alice's requests are hers alone: every URL that names one of them is a 404 for bob (pages,
files, events, POST actions), and the calendar token opens her calendar and nothing else."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from apps.tracker.models import PrivacyRequest
from apps.tracker.services import request_record_event
from tests.letters.factories import saved_request

pytestmark = pytest.mark.django_db

TODAY = "2026-04-20 12:00:00+00:00"  # alice's request, sent on 2 March, is overdue

URLS = [
    ("get", ""),
    ("get", "letter.pdf"),
    ("get", "letter.eml"),
    ("get", "letter.txt"),
    ("get", "request.ics"),
    ("get", "follow-up/"),
    ("get", "follow-up/letter.pdf"),
    ("get", "follow-up/letter.eml"),
    ("get", "follow-up/letter.txt"),
    ("get", "complaint/"),
    ("get", "complaint/letter.pdf"),
    ("get", "complaint/letter.eml"),
    ("get", "complaint/letter.txt"),
    ("get", "delete/"),
    ("post", "delete/"),
    ("post", "events/acknowledged/"),
    ("post", "events/follow_up_sent/"),
    ("post", "events/withdrawn/"),
    ("post", "correct/"),
]


@pytest.fixture
def alices(alice):
    saved = saved_request(alice, rights=("object", "delete"))
    request_record_event(request=saved, kind="sent", on=date(2026, 3, 2), today=date(2026, 4, 20))
    return saved


@pytest.mark.parametrize(("method", "suffix"), URLS, ids=[f"{m} {s or 'page'}" for m, s in URLS])
@time_machine.travel(TODAY, tick=False)
def test_another_person_gets_404_on_every_url_of_alices_request(
    client, alice, bob, alices, method, suffix
):
    url = f"/requests/{alices.code}/{suffix}"
    client.force_login(alice)
    if method == "get":
        assert client.get(url).status_code == 200, url  # the URL works for its owner
    client.force_login(bob)
    sent = alices.events.get()
    data = {
        "acknowledged-occurred_on": "2026-04-01",
        "follow_up_sent-occurred_on": "2026-04-01",
        "withdrawn-occurred_on": "2026-04-01",
        "correct-event": sent.pk,
        "correct-occurred_on": "2026-03-01",
    }
    response = client.get(url) if method == "get" else client.post(url, data)
    assert response.status_code == 404
    assert PrivacyRequest.objects.filter(pk=alices.pk).exists()
    assert list(alices.events.values_list("kind", flat=True)) == ["sent"]


@time_machine.travel(TODAY, tick=False)
def test_signed_out_people_are_sent_to_sign_in(client, alices):
    response = client.get(f"/requests/{alices.code}/request.ics")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert client.get("/requests/")["Location"].startswith("/accounts/login/")


@time_machine.travel(TODAY, tick=False)
def test_the_feed_token_opens_that_one_calendar_and_nothing_else(client, alice, bob, alices):
    bobs = saved_request(bob, rights=("access",))
    request_record_event(request=bobs, kind="sent", on=date(2026, 3, 5), today=date(2026, 4, 20))
    token = alice.profile.calendar_token
    feed = client.get(f"/calendar/{token}.ics")
    assert feed.status_code == 200
    assert feed["Content-Type"] == "text/calendar; charset=utf-8"
    text = feed.content.decode()
    assert str(alices.code) in text
    assert str(bobs.code) not in text
    # The token is no key to anything else.
    assert client.get(f"/requests/{alices.code}/?token={token}").status_code == 302
    assert client.get(f"/calendar/{token}x.ics").status_code == 404
    assert client.get(f"/calendar/{token[:-1]}.ics").status_code == 404
    assert client.get("/calendar/.ics").status_code == 404


@time_machine.travel(TODAY, tick=False)
def test_a_rotated_token_stops_the_old_feed(client, alice, alices):
    old = alice.profile.calendar_token
    new = alice.profile.rotate_calendar_token()
    assert client.get(f"/calendar/{old}.ics").status_code == 404
    assert client.get(f"/calendar/{new}.ics").status_code == 200
