"""/privacy/ says in plain words what is stored and for how long, with the figures the code
actually uses, and every page links to it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_every_page_links_to_the_privacy_page_from_the_footer(client):
    footer = client.get("/").content.decode().split('<footer class="site-footer">')[1]
    assert '<a href="/privacy/">Privacy</a>' in footer


def test_it_says_nothing_is_used_for_training_shared_or_tracked(client):
    html = client.get("/privacy/").content.decode()
    assert "Nothing you give us is used to train AI models" in html
    assert "Nothing is sold, shared or given to anyone." in html
    assert "No third-party scripts, fonts, analytics, tracking pixels or trackers" in html


def test_the_periods_it_states_are_the_ones_the_code_enforces(client, settings):
    settings.UNCONFIRMED_SIGNUP_RETENTION_DAYS = 5
    settings.FAILED_TASK_RETENTION_DAYS = 21
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "save_limit": 250}
    settings.SESSION_COOKIE_AGE = 7 * 86400
    html = client.get("/privacy/").content.decode()
    assert "never confirmed is deleted by the daily clean-up once it is 5 days old" in html
    assert "failed ones for 21 days" in html
    assert "the last 250 successful jobs" in html
    assert "it expires 7 days after it was last renewed" in html
    assert "Until you delete your account" in html
    assert "masked in every log line" in html


def test_it_points_to_the_export_and_delete_page(client):
    assert 'href="/account/data/"' in client.get("/privacy/").content.decode()


def test_signed_in_people_find_settings_and_their_data_in_the_header(alice_client):
    header = alice_client.get("/", follow=True).content.decode().split("</header>")[0]
    assert '<a href="/account/settings/">Settings</a>' in header
    assert '<a href="/account/data/">Your data</a>' in header


def test_visitors_do_not_see_account_links(client):
    header = client.get("/").content.decode().split("</header>")[0]
    assert "/account/settings/" not in header


def test_it_says_the_generator_keeps_nothing_and_what_a_saved_request_holds(client):
    html = client.get("/privacy/").content.decode()
    assert "Nothing you type into the request generator is kept on the server" in html
    assert "your browser deletes 2 hours after your last step" in html
    assert "never saved" in html
    assert "Requests you save to your tracker" in html
    assert "the exact letter text with its SHA-256 fingerprint" in html
    assert "its letter as a PDF" in html
