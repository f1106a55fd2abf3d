"""Optional two-factor authentication: enrolling an authenticator app, signing in with its
codes or a recovery code. Codes come from tests/totp.py, an RFC 6238 implementation of its own."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from django.core import mail
from django.test import Client

from tests.conftest import PASSWORD
from tests.totp import totp

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 23, 9, 0, 0, tzinfo=UTC)


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(START, tick=False)
    return time_machine


def sign_in(client: Client, email: str = "alice@example.org", password: str = PASSWORD):
    return client.post("/accounts/login/", {"login": email, "password": password})


def enrol(client: Client) -> str:
    """Turn on an authenticator app for the signed-in person; returns its secret."""
    first = client.get("/accounts/2fa/totp/activate/")
    assert first["Location"].startswith("/accounts/reauthenticate/")
    client.post(first["Location"], {"password": PASSWORD})
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    html = page.content.decode()
    secret = client.session["mfa.totp.secret"]
    assert secret in html  # shown for typing into the app by hand…
    assert 'src="data:image/svg+xml;base64,' in html  # …and as a QR code, drawn on our server
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp(secret)})
    assert response.status_code == 302, response.content.decode()
    return secret


@pytest.mark.django_db(transaction=True)  # allauth emails the notice when the change commits
def test_a_person_enrols_an_authenticator_app_and_gets_recovery_codes(client, alice, clock):
    sign_in(client)
    secret = enrol(client)
    types = set(Authenticator.objects.filter(user=alice).values_list("type", flat=True))
    assert types == {"totp", "recovery_codes"}
    codes_page = client.get("/accounts/2fa/recovery-codes/").content.decode()
    codes = Authenticator.objects.get(user=alice, type="recovery_codes").wrap().get_unused_codes()
    assert len(codes) == 10
    assert all(code in codes_page for code in codes)
    assert "[Rightsdesk] Two-factor authentication is on" in [m.subject for m in mail.outbox]
    # Stored encrypted: a copy of the database alone does not give away the secret.
    stored = Authenticator.objects.get(user=alice, type="totp").data["secret"]
    assert stored != secret
    assert decrypt(stored) == secret


def test_signing_in_then_asks_for_a_code_from_the_app(client, alice, clock):
    sign_in(client)
    secret = enrol(client)
    client.post("/accounts/logout/")
    clock.shift(30)  # a code is accepted once; the next one comes 30 seconds later

    response = sign_in(client)
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session  # the password alone does not sign in
    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert "Incorrect code." in wrong.content.decode()
    assert "_auth_user_id" not in client.session

    done = client.post("/accounts/2fa/authenticate/", {"code": totp(secret)})
    assert done.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_a_code_cannot_be_used_twice(client, alice, clock):
    sign_in(client)
    secret = enrol(client)
    client.post("/accounts/logout/")
    clock.shift(30)
    code = totp(secret)
    sign_in(client)
    client.post("/accounts/2fa/authenticate/", {"code": code})
    client.post("/accounts/logout/")
    sign_in(client)
    replay = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert "_auth_user_id" not in client.session
    assert replay.status_code == 200


def test_a_recovery_code_signs_in_once_when_the_phone_is_lost(client, alice, clock):
    sign_in(client)
    enrol(client)
    client.post("/accounts/logout/")
    codes = Authenticator.objects.get(user=alice, type="recovery_codes").wrap().get_unused_codes()
    sign_in(client)
    client.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert client.session["_auth_user_id"] == str(alice.pk)
    remaining = Authenticator.objects.get(user=alice, type="recovery_codes").wrap()
    assert codes[0] not in remaining.get_unused_codes()


def test_signing_in_by_emailed_code_still_asks_for_the_app_code(client, alice, clock):
    sign_in(client)
    secret = enrol(client)
    client.post("/accounts/logout/")
    clock.shift(30)
    mail.outbox.clear()
    client.post("/accounts/login/code/", {"email": "alice@example.org"})
    emailed = [line.strip() for line in mail.outbox[0].body.splitlines() if line.strip()][2]
    response = client.post("/accounts/login/code/confirm/", {"code": emailed})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    client.post("/accounts/2fa/authenticate/", {"code": totp(secret)})
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_the_settings_page_shows_whether_two_factor_is_on(client, alice, clock):
    sign_in(client)
    assert (
        '<span class="badge badge-unknown">off</span>'
        in client.get("/account/settings/").content.decode()
    )
    enrol(client)
    assert (
        '<span class="badge badge-good">on</span>'
        in client.get("/account/settings/").content.decode()
    )
