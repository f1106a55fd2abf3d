"""The admin is open to staff who signed in with two-factor authentication, and nobody else."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.test import Client

from tests.conftest import PASSWORD, make_user
from tests.totp import totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(datetime(2026, 11, 23, 9, 0, tzinfo=UTC), tick=False)
    return time_machine


@pytest.fixture
def staff(db):
    user = make_user("staff@example.org", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_user"))
    return user


def sign_in(client: Client, email: str, code_secret: str | None = None) -> None:
    response = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
    if code_secret is not None:
        assert response["Location"] == "/accounts/2fa/authenticate/"
        response = client.post("/accounts/2fa/authenticate/", {"code": totp(code_secret)})
    assert response.status_code == 302


def test_a_visitor_is_sent_to_the_sites_sign_in_never_to_a_password_only_admin_form(client):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/login/?next=%2Fadmin%2F"
    login = client.get("/admin/login/?next=/admin/accounts/user/")
    assert login["Location"] == "/accounts/login/?next=%2Fadmin%2Faccounts%2Fuser%2F"


def test_a_signed_in_person_who_is_not_staff_is_refused(client, alice):
    sign_in(client, "alice@example.org")
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403


def test_staff_without_an_authenticator_app_are_told_to_enable_two_factor_first(client, staff):
    sign_in(client, "staff@example.org")
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Two-factor authentication required" in html
    assert 'href="/accounts/2fa/totp/activate/"' in html
    assert client.get("/admin/accounts/user/").status_code == 302


def test_staff_who_signed_in_with_their_authenticator_app_use_the_admin(client, staff, clock):
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    sign_in(client, "staff@example.org", code_secret=secret)
    assert client.get("/admin/").status_code == 200
    users = client.get("/admin/accounts/user/")
    assert users.status_code == 200
    assert "staff@example.org" in users.content.decode()


def test_staff_who_enabled_the_app_after_signing_in_confirm_with_a_code_once(client, staff, clock):
    sign_in(client, "staff@example.org")
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    page = client.get("/admin/", follow=True)
    assert page.status_code == 403
    assert 'href="/accounts/2fa/reauthenticate/?next=/admin/"' in page.content.decode()
    clock.shift(30)
    confirmed = client.post("/accounts/2fa/reauthenticate/?next=/admin/", {"code": totp(secret)})
    assert confirmed["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_superuser_made_on_the_command_line_reaches_the_admin_after_enrolling_two_factor(
    client, clock, monkeypatch
):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    call_command("createsuperuser", email="root@example.org", interactive=False, verbosity=0)
    root = get_user_model().objects.get(email="root@example.org")
    assert root.is_superuser
    assert root.is_staff
    assert root.profile.time_zone == "UTC"

    # First sign-in: the address is confirmed through the emailed link, like everyone's.
    response = client.post("/accounts/login/", {"login": "root@example.org", "password": PASSWORD})
    assert response["Location"] == "/accounts/confirm-email/"
    link = next(w for w in mail.outbox[-1].body.split() if "/accounts/confirm-email/" in w)
    client.post(link.replace("http://testserver", ""))
    assert EmailAddress.objects.get(user=root).verified
    assert client.session["_auth_user_id"] == str(root.pk)

    # Enrol the authenticator app, then confirm with a code, then the admin opens.
    client.post(
        "/accounts/reauthenticate/?next=/accounts/2fa/totp/activate/", {"password": PASSWORD}
    )
    client.get("/accounts/2fa/totp/activate/")
    secret = client.session["mfa.totp.secret"]
    client.post("/accounts/2fa/totp/activate/", {"code": totp(secret)})
    clock.shift(30)
    client.post("/accounts/2fa/reauthenticate/?next=/admin/", {"code": totp(secret)})
    assert client.get("/admin/").status_code == 200
