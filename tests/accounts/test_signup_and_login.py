"""Signing up by email, confirming the address, signing in by password or by emailed code,
resetting a password, and the rate limits that stop guessing."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

NEW_EMAIL = "carol@example.org"


def link_in(message) -> str:
    [url] = re.findall(r"https?://testserver(/\S+)", message.body)
    return url


def sign_up(client: Client, email: str = NEW_EMAIL, password: str = PASSWORD):
    return client.post(
        "/accounts/signup/", {"email": email, "password1": password, "password2": password}
    )


def signed_in_email(client: Client) -> str | None:
    user_id = client.session.get("_auth_user_id")
    return get_user_model().objects.get(pk=user_id).email if user_id else None


def test_it_walks_sign_up_then_the_emailed_confirmation_then_sign_in(client):
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert signed_in_email(client) is None  # nothing can be saved before confirming
    [message] = mail.outbox
    assert message.to == [NEW_EMAIL]
    assert message.subject == "[Rightsdesk] Please confirm your email address"
    assert "Until then nothing is saved in your account." in message.body

    # The link is opened elsewhere (another browser, the phone's mail app).
    elsewhere = Client()
    confirm_url = link_in(message)
    page = elsewhere.get(confirm_url)
    assert page.status_code == 200
    assert NEW_EMAIL in page.content.decode()
    assert not EmailAddress.objects.get(email=NEW_EMAIL).verified  # a GET confirms nothing
    confirmed = elsewhere.post(confirm_url)
    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(email=NEW_EMAIL).verified
    assert signed_in_email(elsewhere) is None  # confirming elsewhere does not sign in

    login = elsewhere.post("/accounts/login/", {"login": NEW_EMAIL, "password": PASSWORD})
    assert login.status_code == 302
    assert login["Location"] == "/requests/"  # straight to the dashboard
    assert signed_in_email(elsewhere) == NEW_EMAIL
    user = get_user_model().objects.get(email=NEW_EMAIL)
    assert user.profile.time_zone == "UTC"


def test_confirming_in_the_browser_that_signed_up_signs_the_person_in(client):
    sign_up(client)
    confirm_url = link_in(mail.outbox[0])
    client.post(confirm_url)
    assert signed_in_email(client) == NEW_EMAIL


def test_it_refuses_to_sign_in_before_the_address_is_confirmed(client):
    sign_up(client)
    fresh = Client()
    response = fresh.post("/accounts/login/", {"login": NEW_EMAIL, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert signed_in_email(fresh) is None
    assert fresh.get("/account/settings/").status_code == 302


def test_signing_up_with_an_address_that_has_an_account_reveals_nothing_on_the_page(alice):
    taken = sign_up(Client(), email="alice@example.org")
    new = sign_up(Client(), email="dave@example.org")
    assert taken.status_code == new.status_code == 302
    assert taken["Location"] == new["Location"]
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["alice@example.org"] == "[Rightsdesk] You already have an account"
    assert get_user_model().objects.filter(email__iexact="alice@example.org").count() == 1


def test_a_forgotten_password_is_reset_through_the_emailed_link(client, alice):
    response = client.post("/accounts/password/reset/", {"email": "alice@example.org"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.subject == "[Rightsdesk] Reset your password"
    reset_url = link_in(message)
    form_url = client.get(reset_url)["Location"]  # the key moves out of the URL into the session
    new_password = "a brand new passphrase 77"
    done = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert done.status_code == 302
    fresh = Client()
    fresh.post("/accounts/login/", {"login": "alice@example.org", "password": new_password})
    assert signed_in_email(fresh) == "alice@example.org"
    assert "[Rightsdesk] Your password was reset" in [m.subject for m in mail.outbox]


def test_a_person_signs_in_with_an_emailed_code_instead_of_a_password(client, alice):
    assert "Email me a sign-in code" in client.get("/accounts/login/").content.decode()
    response = client.post("/accounts/login/code/", {"email": "alice@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/code/confirm/"
    [message] = mail.outbox
    assert message.subject == "[Rightsdesk] Your sign-in code"
    code = re.search(r"^\s*([A-Z0-9-]{6,})\s*$", message.body, re.MULTILINE).group(1)
    confirmed = client.post("/accounts/login/code/confirm/", {"code": code})
    assert confirmed.status_code == 302
    assert signed_in_email(client) == "alice@example.org"


def test_a_wrong_sign_in_code_signs_nobody_in(client, alice):
    client.post("/accounts/login/code/", {"email": "alice@example.org"})
    response = client.post("/accounts/login/code/confirm/", {"code": "WRONG-CODE"})
    assert response.status_code == 200
    assert "Incorrect code" in response.content.decode()
    assert signed_in_email(client) is None


def test_asking_for_a_code_for_an_unknown_address_looks_the_same(client):
    response = client.post("/accounts/login/code/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/code/confirm/"


# --- Rate limits ------------------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_address_for_a_while_even_for_the_right_one(client, alice):
    for _ in range(5):
        wrong = client.post("/accounts/login/", {"login": "alice@example.org", "password": "x"})
        assert "The email address and/or password you specified are not correct." in (
            wrong.content.decode()
        )
    locked = client.post("/accounts/login/", {"login": "alice@example.org", "password": PASSWORD})
    assert locked.status_code == 200
    assert "Too many failed login attempts. Try again later." in locked.content.decode()
    assert signed_in_email(client) is None


def test_a_flood_of_sign_in_attempts_from_one_address_gets_the_429_page(client, alice):
    statuses = [
        client.post("/accounts/login/", {"login": f"guess{n}@example.org", "password": "x"})
        for n in range(31)
    ]
    assert {response.status_code for response in statuses[:30]} == {200}
    blocked = statuses[30]
    assert blocked.status_code == 429
    html = blocked.content.decode()
    assert "<h1>Too many attempts</h1>" in html
    assert "Content-Security-Policy" in blocked


def test_rate_limits_are_counted_in_the_shared_cache_not_in_process_memory():
    """Production settings keep the counters where every web process sees them."""
    from config import settings as production

    assert production.CACHES["default"]["BACKEND"] in {
        "django.core.cache.backends.db.DatabaseCache",
        "django.core.cache.backends.redis.RedisCache",
    }


def test_a_signed_in_page_loads_the_person_with_their_profile_in_one_query(
    alice_client, django_assert_num_queries
):
    """Every signed-in page reads the profile (time zone, date format): the session's user
    comes with it, so reading it costs no query of its own."""
    from django.contrib.auth import get_user
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.session = alice_client.session
    with django_assert_num_queries(2):  # the session, then the user joined to the profile
        user = get_user(request)
        assert user.profile.time_zone
    active = get_user_model().objects.get(pk=user.pk)
    active.is_active = False
    active.save()
    request.session = alice_client.session
    assert not get_user(request).is_authenticated  # still refuses deactivated people
