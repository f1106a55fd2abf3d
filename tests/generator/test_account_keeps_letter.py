"""A letter written before signing up or in is still there afterwards, ready to save: through
sign-up and the emailed confirmation (link or code), and through sign-in. Without a database row
for anyone anonymous: the answers wait in the wizard's encrypted cookie, then in the session."""

from __future__ import annotations

import re

import pytest
import time_machine
from django.core import mail
from django.test import Client

from apps.tracker.models import PrivacyRequest
from tests.conftest import PASSWORD
from tests.generator.helpers import DETAILS, current_state, state_of, walk_to_preview

pytestmark = pytest.mark.django_db

PREVIEW = "/request/new/preview/"


def links_of(page) -> dict[str, str]:
    html = page.content.decode().split('id="keep-heading"', 1)[1]
    return {
        "signup": re.search(r'href="(/accounts/signup/[^"]*)"', html).group(1),
        "login": re.search(r'href="(/accounts/login/[^"]*)"', html).group(1),
    }


def letter_text(page) -> str:
    return re.search(r'id="letter-text">(.*?)</pre>', page.content.decode(), re.S).group(1)


def test_sign_up_from_the_preview_and_confirm_by_link_lands_on_the_same_letter(
    client, real_catalog
):
    preview = walk_to_preview(client, platform="openai", rights=("delete",), country="IE")
    assert "Save to my tracker" not in preview.content.decode()
    signup = links_of(preview)["signup"]
    assert signup == f"/accounts/signup/?next={PREVIEW}"
    form = client.get(signup)
    assert f'value="{PREVIEW}"' in form.content.decode()  # carried through the form
    client.post(
        signup,
        {
            "email": "dana@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "next": PREVIEW,
            "time_zone": "Europe/Dublin",
        },
    )
    [message] = mail.outbox
    [link] = re.findall(r"https?://testserver(/\S+)", message.body)
    confirmed = client.post(link)
    assert confirmed.status_code == 302
    assert confirmed["Location"] == PREVIEW
    page = client.get(PREVIEW)
    assert "Save to my tracker" in page.content.decode()
    assert letter_text(page) == letter_text(preview)
    assert current_state(client)["full_name"] == DETAILS["full_name"]  # now in the session
    client.post("/requests/save/", {"state": state_of(page)})
    saved = PrivacyRequest.objects.get(owner__email="dana@example.org")
    assert saved.rights == ["delete"]
    assert saved.owner.profile.time_zone == "Europe/Dublin"  # the browser's, at sign-up
    assert current_state(client) == {}  # saved: the wizard forgets it


def test_signing_in_from_the_preview_lands_on_the_same_letter(client, real_catalog, alice):
    preview = walk_to_preview(client, platform="anthropic", rights=("object",), country="FR")
    login = links_of(preview)["login"]
    response = client.post(login, {"login": alice.email, "password": PASSWORD, "next": PREVIEW})
    assert (response.status_code, response["Location"]) == (302, PREVIEW)
    page = client.get(PREVIEW)
    assert "Save to my tracker" in page.content.decode()
    assert letter_text(page) == letter_text(preview)


def test_signing_in_by_emailed_code_lands_on_the_same_letter(client, real_catalog, alice):
    preview = walk_to_preview(client)
    response = client.post(
        f"/accounts/login/code/?next={PREVIEW}", {"email": alice.email, "next": PREVIEW}
    )
    assert response.status_code == 302
    code = re.search(r"^\s*([A-Z0-9-]{6,})\s*$", mail.outbox[-1].body, re.M).group(1)
    confirmed = client.post(response["Location"], {"code": code})
    assert confirmed["Location"] == PREVIEW
    assert letter_text(client.get(PREVIEW)) == letter_text(preview)


def test_the_answers_expire_with_their_cookie(client, real_catalog):
    with time_machine.travel("2026-09-01 10:00Z", tick=False):
        walk_to_preview(client)
    with time_machine.travel("2026-09-01 11:59Z", tick=False):
        assert current_state(client)["full_name"] == DETAILS["full_name"]
    with time_machine.travel("2026-09-01 12:01Z", tick=False):
        assert current_state(client) == {}  # two hours: unreadable even if the browser kept it


def test_another_browser_never_sees_the_letter(client, real_catalog):
    walk_to_preview(client)
    other = Client()
    page = other.get("/request/new/preview/", follow=True)
    assert page.redirect_chain[-1][0] == "/request/new/recipient/"
