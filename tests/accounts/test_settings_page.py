"""/account/settings/: letter details and preferences, editable, deletable, and forms that keep
what was typed when something needs correcting."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

VALID = {
    "full_name": "  Alice   Example ",
    "postal_address": "1 Main Street\n\n  Springfield  \n",
    "country": "US",
    "region": "CA",
    "time_zone": "America/Los_Angeles",
    "date_format": "mon-d-y",
    "reminders_enabled": "on",
    "reminder_days_before": "1, 14 ,7",
}


def test_strangers_are_sent_to_sign_in(client):
    response = client.get("/account/settings/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/account/settings/"


def test_a_person_saves_letter_details_and_preferences(alice_client, alice):
    response = alice_client.post("/account/settings/", VALID)
    assert response.status_code == 302
    profile = alice.profile
    profile.refresh_from_db()
    assert profile.full_name == "Alice Example"
    assert profile.postal_address == "1 Main Street\nSpringfield"
    assert (profile.country, profile.region) == ("US", "CA")
    assert profile.time_zone == "America/Los_Angeles"
    assert profile.date_format == "mon-d-y"
    assert profile.reminders_enabled is True
    assert profile.reminder_days_before == [14, 7, 1]
    page = alice_client.get("/account/settings/").content.decode()
    assert "Your settings are saved." in page
    assert 'value="14, 7, 1"' in page


def test_emptying_the_reminder_days_turns_the_before_deadline_reminders_off(alice_client, alice):
    alice_client.post("/account/settings/", {**VALID, "reminder_days_before": ""})
    alice.profile.refresh_from_db()
    assert alice.profile.reminder_days_before == []


def test_unticking_reminders_turns_them_off(alice_client, alice):
    data = {k: v for k, v in VALID.items() if k != "reminders_enabled"}
    alice_client.post("/account/settings/", data)
    alice.profile.refresh_from_db()
    assert alice.profile.reminders_enabled is False


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"country": "IE"}, "region", "applies only to the United States and Canada"),
        ({"country": "CA"}, "region", "not in the country you chose"),
        ({"reminder_days_before": "7, 61"}, "reminder_days_before", "0 to 60 days"),
        ({"reminder_days_before": "7, 7"}, "reminder_days_before", "more than once"),
        ({"reminder_days_before": "a week"}, "reminder_days_before", "whole numbers of days"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Select a valid choice"),
        ({"country": "XX"}, "country", "Select a valid choice"),
    ],
    ids=[
        "region-outside-us-ca",
        "region-of-another-country",
        "too-many-days",
        "duplicate-day",
        "words",
        "unknown-zone",
        "unknown-country",
    ],
)
def test_a_mistake_is_explained_next_to_its_field_and_everything_typed_is_kept(
    alice_client, alice, changes, field, message
):
    data = {**VALID, "full_name": "Alice <b>Example</b>", **changes}
    response = alice_client.post("/account/settings/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert f'id="id_{field}_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'value="Alice &lt;b&gt;Example&lt;/b&gt;"' in html  # kept, and escaped
    assert "1 Main Street" in html
    alice.profile.refresh_from_db()
    assert alice.profile.full_name == ""  # nothing saved


def test_clearing_letter_details_forgets_them_and_keeps_the_preferences(alice_client, alice):
    alice_client.post("/account/settings/", VALID)
    page = alice_client.get("/account/settings/").content.decode()
    assert "Clear my letter details" in page
    response = alice_client.post("/account/settings/clear-letter-details/", {"confirmed": "yes"})
    assert response.status_code == 302
    profile = alice.profile
    profile.refresh_from_db()
    assert (profile.full_name, profile.postal_address, profile.country, profile.region) == (
        "",
        "",
        "",
        "",
    )
    assert profile.time_zone == "America/Los_Angeles"
    assert profile.reminder_days_before == [14, 7, 1]
    assert "Clear my letter details" not in alice_client.get("/account/settings/").content.decode()


def test_the_calendar_key_is_revealed_on_request_and_can_be_replaced(alice_client, alice):
    old = alice.profile.calendar_token
    page = alice_client.get("/account/settings/").content.decode()
    # The tracker serves the feed, so the page shows the whole private link.
    assert "<summary>Show my calendar link</summary>" in page
    assert f"http://testserver/calendar/{old}.ics" in page
    response = alice_client.post("/account/settings/rotate-calendar-link/", {"confirmed": "yes"})
    assert response["Location"] == "/account/settings/#calendar"
    alice.profile.refresh_from_db()
    assert alice.profile.calendar_token != old
    page = alice_client.get("/account/settings/").content.decode()
    assert old not in page
    assert alice.profile.calendar_token in page
    assert "links made with the old one no longer work." in page


@pytest.mark.parametrize(
    ("url", "question"),
    [
        ("/account/settings/clear-letter-details/", "Delete your letter details?"),
        ("/account/settings/rotate-calendar-link/", "Replace your calendar link?"),
    ],
    ids=["clear-details", "replace-calendar-link"],
)
def test_without_javascript_the_server_asks_before_acting(alice_client, alice, url, question):
    """The button's browser dialog needs JavaScript; without it the post (no ``confirmed``)
    lands on a page that asks, and a GET only ever asks."""
    alice_client.post("/account/settings/", VALID)
    token = alice.profile.calendar_token
    response = alice_client.post(url)
    assert (response.status_code, response["Location"]) == (303, url)
    page = alice_client.get(url).content.decode()
    assert f"<h1>{question}</h1>" in page
    assert 'name="confirmed" value="yes"' in page
    alice.profile.refresh_from_db()
    assert (alice.profile.full_name, alice.profile.calendar_token) == ("Alice Example", token)


def test_every_settings_form_is_protected_against_cross_site_requests(alice):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    for url in [
        "/account/settings/",
        "/account/settings/clear-letter-details/",
        "/account/settings/rotate-calendar-link/",
        "/account/data/export/",
    ]:
        assert browser.post(url, VALID).status_code == 403, url
    alice.profile.refresh_from_db()
    assert alice.profile.full_name == ""


def test_the_settings_page_links_to_email_password_and_two_factor_management(alice_client):
    html = alice_client.get("/account/settings/").content.decode()
    for href in [
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/2fa/",
        "/account/data/",
    ]:
        assert f'href="{href}"' in html


@pytest.mark.urls("tests.accounts.calendar_feed_urls")
def test_once_the_tracker_serves_the_feed_the_full_private_link_is_shown(alice_client, alice):
    html = alice_client.get("/account/settings/").content.decode()
    token = alice.profile.calendar_token
    assert "<summary>Show my calendar link</summary>" in html
    assert f"http://testserver/calendar/{token}.ics" in html
