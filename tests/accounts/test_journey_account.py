"""A person's whole life with an account, in a real browser: sign up, confirm the address from
the email, (save a request,) export everything, delete everything, and find the door closed.

The journey is a list of steps sharing one browser tab. The tracker's "save a request" step
slots in right after the confirmation (see JOURNEY) when apps.tracker lands; the export step
already checks every section the export registry holds, so the saved request is checked too.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core import mail

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "hana.journey@example.org"


@dataclass
class Journey:
    page: Any
    screenshot: Any
    notes: dict[str, Any] = field(default_factory=dict)


def sign_up(j: Journey) -> None:
    j.page.goto("/")
    j.page.get_by_role("link", name="Create account").click()
    assert j.page.get_by_role("heading", level=1).inner_text() == "Create your account"
    j.page.get_by_label("Email").fill(EMAIL)
    j.page.get_by_label("Password", exact=True).fill(PASSWORD)
    j.page.get_by_label("Password (again)").fill(PASSWORD)
    j.screenshot("sign-up")
    j.page.get_by_role("button", name="Create account").click()
    assert j.page.get_by_role("heading", level=1).inner_text() == "Check your email"
    j.screenshot("check-your-email")


def confirm_from_the_email(j: Journey) -> None:
    [message] = [m for m in mail.outbox if m.to == [EMAIL]]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", message.body).group(0)
    j.page.goto(link.replace("http://testserver", ""))
    assert EMAIL in j.page.locator("main").inner_text()
    j.page.get_by_role("button", name="Confirm").click()
    # Confirmed in the browser that signed up: signed in straight away.
    header = j.page.locator("header")
    assert header.get_by_role("link", name="Your data").is_visible()
    j.screenshot("confirmed-and-signed-in")


def export_everything(j: Journey) -> None:
    j.page.get_by_role("link", name="Your data").click()
    with j.page.expect_download() as download_info:
        j.page.get_by_role("button", name="Download my data (.zip)").click()
    download = download_info.value
    assert re.fullmatch(r"rightsdesk-export-\d{4}-\d{2}-\d{2}\.zip", download.suggested_filename)
    archive = zipfile.ZipFile(io.BytesIO(open(download.path(), "rb").read()))  # noqa: SIM115
    document = json.loads(archive.read("rightsdesk-export.json"))
    sections = document["sections"]
    assert sections["account"]["email"] == EMAIL
    assert [(e["email"], e["verified"], e["primary"]) for e in sections["email_addresses"]] == [
        (EMAIL, True, True)
    ]
    assert sections["profile"]["time_zone"] == "UTC"
    assert sections["two_factor"] == {"enabled": False, "authenticators": []}
    assert "password" not in sections["account"]
    assert "README.txt" in archive.namelist()
    j.notes["export"] = document


def only_the_two_necessary_cookies(j: Journey) -> None:
    """What the privacy page promises: a session cookie and the CSRF cookie, both HttpOnly."""
    cookies = j.page.context.cookies()
    assert {c["name"] for c in cookies} == {"sessionid", "csrftoken"}
    assert all(c["httpOnly"] for c in cookies)
    assert all(c["sameSite"] == "Lax" for c in cookies)


def delete_the_account(j: Journey) -> None:
    j.page.get_by_role("link", name="Delete my account…").click()
    # Re-authentication first, even though the person signed in a minute ago.
    assert j.page.get_by_role("heading", level=1).inner_text() == "Confirm it is you"
    j.page.get_by_label("Password").fill(PASSWORD)
    j.page.get_by_role("button", name="Confirm").click()
    assert j.page.get_by_role("heading", level=1).inner_text() == "Delete your account"
    j.screenshot("delete")
    j.page.get_by_label("I understand that my account and everything in it").check()
    j.page.get_by_role("button", name="Delete my account and everything in it").click()
    assert j.page.get_by_role("heading", level=1).inner_text() == "Your account is deleted"
    deleted = j.page.locator("table").inner_text()
    assert re.search(r"Account\s+1", deleted)
    assert re.search(r"Email address\s+1", deleted)
    assert re.search(r"Profile\s+1", deleted)
    assert j.page.locator("header").get_by_role("link", name="Sign in").is_visible()
    j.screenshot("deleted")


def cannot_sign_in_any_more(j: Journey) -> None:
    j.page.goto("/accounts/login/")
    j.page.get_by_label("Email address").fill(EMAIL)
    j.page.get_by_label("Password").fill(PASSWORD)
    j.page.get_by_role("button", name="Sign in").click()
    assert "The email address and/or password you specified are not correct." in (
        j.page.locator("main").inner_text()
    )
    assert not j.page.locator("header").get_by_role("link", name="Your data").is_visible()
    j.screenshot("door-closed")


JOURNEY = [
    sign_up,
    confirm_from_the_email,
    # The tracker's "save a request" step goes here (apps.tracker).
    export_everything,
    only_the_two_necessary_cookies,
    delete_the_account,
    cannot_sign_in_any_more,
]


def test_a_person_signs_up_confirms_exports_deletes_everything_and_cannot_sign_in_again(
    page, screenshot
):
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    journey = Journey(page=page, screenshot=screenshot)
    for step in JOURNEY:
        step(journey)
    assert refused == [], "the browser refused something on a page"
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(email=EMAIL).exists()
    assert "Your Rightsdesk account is deleted" in [m.subject for m in mail.outbox]


def test_the_region_list_follows_the_country_in_the_browser(page, alice):
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill("alice@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto("/account/settings/")
    region = page.get_by_label("State or province")
    page.get_by_label("Country you live in").select_option("IE")
    assert not region.is_visible()
    page.get_by_label("Country you live in").select_option("CA")
    assert region.is_visible()
    region.select_option("QC")
    page.get_by_role("button", name="Save settings").click()
    assert "Your settings are saved." in page.locator("main").inner_text()
    alice.profile.refresh_from_db()
    assert (alice.profile.country, alice.profile.region) == ("CA", "QC")
