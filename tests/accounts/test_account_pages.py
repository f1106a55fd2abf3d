"""allauth's pages live inside our layout and speak our language."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from tests.conftest import PASSWORD
from tests.core.test_every_page import check_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/accounts/login/", "Sign in"),
        ("/accounts/signup/", "Create your account"),
        ("/accounts/login/code/", "Email me a sign-in code"),
        ("/accounts/confirm-email/", "Check your email"),
    ],
)
def test_entrance_pages_use_the_site_layout(client, url, heading):
    html = client.get(url).content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert '<header class="site-header">' in html
    assert "Not legal advice." in html
    assert f"<title>{heading} · Rightsdesk</title>" in " ".join(html.split()).replace("> ", ">")


def test_the_sign_in_form_uses_our_field_markup_and_words(client):
    html = client.get("/accounts/login/").content.decode()
    assert '<label for="id_login">Email address</label>' in html
    assert "<span>Keep me signed in on this device</span>" in html
    assert 'class="btn btn-primary">Sign in</button>' in html
    assert 'href="/accounts/login/code/">Email me a sign-in code</a>' in html


def test_a_wrong_password_is_explained_in_an_alert_and_the_address_is_kept(client, alice):
    response = client.post("/accounts/login/", {"login": "alice@example.org", "password": "no"})
    html = response.content.decode()
    assert '<div class="alert alert-error" role="alert">' in html
    assert 'value="alice@example.org"' in html


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/accounts/email/", "Your email address"),
        ("/accounts/password/change/", "Change your password"),
        ("/accounts/2fa/", "Two-factor authentication"),
    ],
)
def test_account_management_pages_carry_the_account_navigation(alice_client, url, heading):
    html = alice_client.get(url).content.decode()
    assert '<nav class="account-nav" aria-label="Your account">' in html
    assert f'<a href="{url}" aria-current="page">' in html
    assert heading in html


def test_the_sign_up_page_says_what_is_stored_before_anything_is(client):
    html = client.get("/accounts/signup/").content.decode()
    assert "nothing is saved in your account until you do" in html
    assert 'href="/privacy/"' in html


def test_changing_the_address_waits_for_the_new_one_to_be_confirmed(client, alice):
    client.post("/accounts/login/", {"login": "alice@example.org", "password": PASSWORD})
    response = client.post(
        "/accounts/reauthenticate/?next=/accounts/email/", {"password": PASSWORD}
    )
    response = client.post("/accounts/email/", {"action_add": "", "email": "alice.new@example.org"})
    assert response.status_code == 302
    page = client.get("/accounts/email/")
    html = page.content.decode()
    assert 'value="alice.new@example.org" disabled' in html
    assert '<form id="pending-email" method="post" action="/accounts/email/" hidden>' in html
    assert check_page(page, "/accounts/email/ with a pending change") is not None
    assert [m.to for m in mail.outbox if "confirm" in m.subject.lower()] == [
        ["alice.new@example.org"]
    ]


TITLE_CASE = re.compile(r"\b[A-Z][a-z]+ (?:[A-Z][a-z]+)\b")


def headings(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>|\s+", " ", h).strip() for h in re.findall(r"<h1>(.*?)</h1>", html, re.S)
    ]


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/accounts/password/reset/", "Reset your password"),
        ("/accounts/password/reset/done/", "Check your email"),
        ("/accounts/password/reset/key/1-set-password/", "This link no longer works"),
        ("/accounts/password/reset/key/done/", "Your password is changed"),
    ],
    ids=["reset", "reset-sent", "reset-bad-link", "reset-done"],
)
def test_allauths_default_pages_speak_in_sentence_case(client, url, heading):
    page = client.get(url, follow=True)
    found = headings(page.content.decode())
    assert found == [heading]
    assert not TITLE_CASE.search(found[0])


def test_the_sign_in_code_page_is_in_our_words_and_reports_a_wrong_code(client, alice):
    response = client.post("/accounts/login/code/", {"email": alice.email})
    page = client.get(response["Location"]).content.decode()
    assert headings(page) == ["Enter your sign-in code"]
    assert "We have emailed a code to" in page
    wrong = client.post(response["Location"], {"code": "WRONG1"}).content.decode()
    assert "<title>Error: " in wrong
    assert 'class="error-summary"' in wrong


def test_recovery_codes_and_turning_two_factor_off_are_in_our_words():
    from tests.conftest import staff_client

    staff = staff_client("keeper@example.org", superuser=False)
    asked = staff.get("/accounts/2fa/recovery-codes/generate/")
    assert asked["Location"].startswith("/accounts/reauthenticate/")
    assert headings(staff.get(asked["Location"]).content.decode()) == ["Confirm it is you"]
    staff.post(asked["Location"], {"password": PASSWORD})
    html = staff.get("/accounts/2fa/recovery-codes/generate/").content.decode()
    assert headings(html) == ["Make new recovery codes"]
    staff.post("/accounts/2fa/recovery-codes/generate/")
    html = staff.get("/accounts/2fa/recovery-codes/").content.decode()
    assert headings(html) == ["Your recovery codes"]
    assert "Recovery Codes" not in html
    html = staff.get("/accounts/2fa/totp/deactivate/").content.decode()
    assert headings(html) == ["Turn off two-factor authentication"]
