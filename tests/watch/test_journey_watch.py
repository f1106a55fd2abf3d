"""In a real browser: a policy changed, a person reads what changed, follows the platform and
later stops following it."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from apps.catalog.models import Document
from apps.watch.models import Follow
from tests.conftest import PASSWORD
from tests.watch.conftest import POLICY_V1, POLICY_V2, POLICY_V3, store_versions

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("real_catalog"),
]


@pytest.fixture
def openai_changed():
    document = Document.objects.get(platform__slug="openai", key="privacy-policy")
    start = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    for n, html in enumerate([POLICY_V1, POLICY_V2, POLICY_V3]):
        with time_machine.travel(start + timedelta(days=7 * n), tick=False):
            store_versions(document, html)
    return document


def sign_in(page) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill("alice@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_person_reads_what_changed_compares_versions_follows_and_unfollows(
    page, screenshot, alice, openai_changed
):
    sign_in(page)
    page.goto("/platforms/openai/")
    notice = page.locator(".watch-notice")
    assert "changed on 16 Nov 2026" in notice.inner_text()
    screenshot("platform-notice")

    notice.get_by_role("link", name="See what changed").click()
    page.wait_for_url(re.compile(r"/platforms/openai/documents/privacy-policy/\?from=2&to=3"))
    diff = page.locator("#diff-text")
    assert diff.locator("del").first.inner_text() == "at any time."
    assert diff.locator("ins").first.inner_text() == "by post only."
    screenshot("latest-change")

    page.get_by_label("From").select_option("1")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(re.compile(r"from=1&to=3"))
    assert diff.locator("ins").all_inner_texts() == [
        "and images",
        "train",
        "models.",
        "by post only.",
    ]
    assert page.locator("table.versions tbody tr").count() == 3
    screenshot("versions-1-to-3")

    page.get_by_role("link", name="OpenAI").first.click()
    page.get_by_role("button", name="Follow OpenAI").click()
    assert "You follow OpenAI" in page.locator("main").inner_text()
    assert Follow.objects.filter(user=alice, platform__slug="openai").exists()
    screenshot("following")

    page.goto("/following/")
    row = page.locator("tbody tr", has_text="OpenAI")
    assert "Privacy Policy (outside the EEA and Switzerland), 16 Nov 2026" in row.inner_text()
    row.get_by_role("button", name=re.compile("Unfollow")).click()
    assert "You do not follow any platform." in page.locator("main").inner_text()
    assert not Follow.objects.filter(user=alice).exists()
    screenshot("unfollowed")


def test_a_visitor_is_asked_to_sign_in_and_comes_back_to_follow(page, alice, openai_changed):
    page.goto("/platforms/openai/")
    page.locator("#follow").get_by_role("link", name="Sign in").click()
    page.get_by_label("Email address").fill("alice@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/platforms/openai/"))
    page.get_by_role("button", name="Follow OpenAI").click()
    assert Follow.objects.filter(user=alice, platform__slug="openai").exists()
