"""Deleting an account removes every row that belongs to the person, and nothing else.

The models are found by walking every installed model (tests/owned_data.py), so the rows of
models added by later apps are held to the same rule without being listed here.
"""

from __future__ import annotations

import re

import pytest
from allauth.account import app_settings as account_settings
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import models
from django.utils import timezone

from apps.accounts.services import delete_account, delete_sessions_of
from tests.conftest import PASSWORD
from tests.owned_data import all_models, label, owned_models, populate, rows_of

pytestmark = pytest.mark.django_db


def count_every_model() -> dict[str, int]:
    return {label(model): model._default_manager.count() for model in all_models()}


def test_the_walk_finds_the_models_that_belong_to_a_person():
    found = {label(model): path for model, path in owned_models()}
    assert found["accounts.user"] == "pk"
    assert found["accounts.profile"] == "user"
    assert found["account.emailaddress"] == "user"
    assert found["account.emailconfirmation"] == "email_address__user"
    assert found["mfa.authenticator"] == "user"
    assert found["accounts.user_groups"] == "user"
    assert "catalog.platform" not in found


def test_deleting_an_account_leaves_no_row_that_belongs_to_the_person_and_touches_nothing_else(
    alice, bob
):
    populate(alice)
    populate(bob)
    owned = owned_models()
    alice_rows = {label(model): rows_of(model, path, alice).count() for model, path in owned}
    bob_rows = {label(model): rows_of(model, path, bob).count() for model, path in owned}
    assert all(alice_rows.values()), f"every owned model has a row of alice's: {alice_rows}"
    before = count_every_model()
    alice_pk = alice.pk

    report = delete_account(user=alice)

    after = count_every_model()
    for model, path in owned:
        assert rows_of(model, path, alice_pk).count() == 0, f"{label(model)} kept alice's rows"
        assert rows_of(model, path, bob).count() == bob_rows[label(model)], label(model)
    # Row counts of every model: exactly alice's rows are gone, every other row is still there.
    expected = {name: count - alice_rows.get(name, 0) for name, count in before.items()}
    assert after == expected
    assert report.total == sum(alice_rows.values())


def test_the_report_counts_each_kind_of_thing_deleted(alice):
    populate(alice)
    emails = EmailAddress.objects.filter(user=alice).count()
    report = dict(delete_account(user=alice).kinds)
    assert report["account"] == 1
    assert report["profile"] == 1
    assert report["email addresses"] == emails
    assert report["authenticators"] == 2  # the authenticator app and the recovery codes


def test_every_foreign_key_to_a_person_cascades_so_nothing_is_left_pointing_at_nobody():
    """SET_NULL, PROTECT or DO_NOTHING would keep (or block deleting) a person's rows."""
    user_model = get_user_model()
    offenders = [
        f"{label(model)}.{field.name}"
        for model in all_models()
        for field in model._meta.concrete_fields
        if field.is_relation
        and field.related_model is user_model
        and field.remote_field.on_delete is not models.CASCADE
    ]
    assert offenders == []


def sign_in_on_another_device(client_class, user) -> str:
    other = client_class()
    other.force_login(user)
    return other.session.session_key


def test_deleting_signs_the_person_out_on_every_device(client, alice, bob):
    alice_devices = [sign_in_on_another_device(type(client), alice) for _ in range(2)]
    bob_device = sign_in_on_another_device(type(client), bob)
    delete_account(user=alice)
    assert not Session.objects.filter(session_key__in=alice_devices).exists()
    assert Session.objects.filter(session_key=bob_device).exists()


def test_sessions_of_an_engine_that_cannot_be_listed_are_left_to_expire(settings, alice):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
    assert delete_sessions_of(user_id=alice.pk) == 0


def test_a_deletion_notice_is_emailed_once_the_deletion_commits(
    alice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(user=alice)
    [notice] = mail.outbox
    assert notice.to == ["alice@example.org"]
    assert notice.subject == "Your Rightsdesk account is deleted"
    assert "1 account" in notice.body
    assert "&amp;" not in notice.body


# --- Through the pages ------------------------------------------------------------------------


def sign_in(client, email: str, password: str = PASSWORD):
    response = client.post("/accounts/login/", {"login": email, "password": password})
    assert response.status_code == 302, response.content.decode()
    return response


def test_the_delete_page_asks_for_the_password_again_even_right_after_signing_in(client, alice):
    sign_in(client, "alice@example.org")
    response = client.get("/account/data/delete/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/reauthenticate/?next=%2Faccount%2Fdata%2Fdelete%2F"


def test_a_person_deletes_their_account_after_reauthenticating_and_sees_what_was_deleted(
    client, alice
):
    sign_in(client, "alice@example.org")
    client.get("/account/data/delete/")
    response = client.post(
        "/accounts/reauthenticate/?next=/account/data/delete/",
        {"password": PASSWORD, "next": "/account/data/delete/"},
    )
    assert response["Location"] == "/account/data/delete/"
    page = client.get("/account/data/delete/")
    assert page.status_code == 200
    assert "alice@example.org" in page.content.decode()

    response = client.post("/account/data/delete/", {"confirm": "on"})

    assert response.status_code == 302
    assert response["Location"] == "/account/deleted/"
    assert not get_user_model().objects.filter(email="alice@example.org").exists()
    deleted = client.get("/account/deleted/")
    html = deleted.content.decode()
    assert "Your account is deleted" in html
    assert re.search(r"<td>Account</td><td>1</td>", html)
    assert re.search(r"<td>Profile</td><td>1</td>", html)
    assert re.search(r"<td>Email address</td><td>1</td>", html)
    assert "_auth_user_id" not in client.session
    # The report is shown once; it holds no personal data either way.
    assert client.get("/account/deleted/")["Location"] == "/"
    # The old password no longer signs anybody in.
    again = client.post("/accounts/login/", {"login": "alice@example.org", "password": PASSWORD})
    assert again.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_confirmation_box_must_be_ticked_and_nothing_is_deleted_without_it(client, alice):
    sign_in(client, "alice@example.org")
    client.post(
        "/accounts/reauthenticate/?next=/account/data/delete/",
        {"password": PASSWORD, "next": "/account/data/delete/"},
    )
    response = client.post("/account/data/delete/", {})
    assert response.status_code == 200
    assert "Tick the box to confirm" in response.content.decode()
    assert get_user_model().objects.filter(pk=alice.pk).exists()


def test_a_wrong_password_at_reauthentication_deletes_nothing(client, alice):
    sign_in(client, "alice@example.org")
    response = client.post(
        "/accounts/reauthenticate/?next=/account/data/delete/",
        {"password": "not my password", "next": "/account/data/delete/"},
    )
    assert response.status_code == 200
    assert client.get("/account/data/delete/").status_code == 302
    assert get_user_model().objects.filter(pk=alice.pk).exists()


def test_a_deletion_posted_after_the_reauthentication_expired_resumes_after_a_new_one(
    client, alice, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    sign_in(client, "alice@example.org")
    client.post(
        "/accounts/reauthenticate/?next=/account/data/delete/",
        {"password": PASSWORD, "next": "/account/data/delete/"},
    )
    time_machine.shift(account_settings.REAUTHENTICATION_TIMEOUT + 1)
    response = client.post("/account/data/delete/", {"confirm": "on"})
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert get_user_model().objects.filter(pk=alice.pk).exists()
    resumed = client.post(
        "/accounts/reauthenticate/?next=/account/data/delete/",
        {"password": PASSWORD, "next": "/account/data/delete/"},
    )
    assert resumed["Location"] == "/account/deleted/"
    assert not get_user_model().objects.filter(pk=alice.pk).exists()


def test_strangers_cannot_reach_the_delete_page(client):
    response = client.get("/account/data/delete/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
