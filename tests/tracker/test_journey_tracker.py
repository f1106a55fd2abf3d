"""In a real browser: a saved request is marked sent 40 days ago, shows as overdue on the
dashboard, gets a follow-up, then a complaint to the regulator."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from apps.letters import long_date
from apps.tracker.services import today_for
from tests.conftest import PASSWORD
from tests.letters.factories import saved_request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill("alice@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_person_marks_a_request_sent_sees_it_overdue_follows_up_and_complains(
    page, screenshot, alice
):
    saved = saved_request(alice, rights=("object", "delete"))
    sent_on = today_for(alice) - timedelta(days=40)
    sign_in(page)

    page.wait_for_url(re.compile(r"/requests/$"))  # the signed-in home is the dashboard
    page.get_by_role("link", name="ChatGPT").click()
    page.wait_for_url(re.compile(rf"/requests/{saved.code}/$"))
    assert page.locator("#next-action").inner_text() == "Send it"
    page.get_by_label("Date you sent it").fill(sent_on.isoformat())
    screenshot("mark-sent")
    page.get_by_role("button", name="Mark as sent").click()
    page.wait_for_url(re.compile(rf"/requests/{saved.code}/$"))
    assert "Overdue by" in page.locator("#next-action").inner_text()
    assert "Sent" in page.locator("#timeline").inner_text()

    page.get_by_role("link", name="Your requests").first.click()
    row = page.locator("#requests tbody tr").first
    assert "Overdue by" in row.inner_text()
    assert "days overdue" in row.inner_text()
    assert "1 overdue" in page.locator("#counts").inner_text()
    screenshot("dashboard-overdue")

    row.get_by_role("link", name="ChatGPT").click()
    page.get_by_role("link", name="Write a follow-up").click()
    page.wait_for_url(re.compile(r"/follow-up/$"))
    letter = page.locator("#letter-text").inner_text()
    assert f"On {long_date(sent_on)} I sent you a request" in letter
    assert "GDPR Art. 12(3)" in letter
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF letter").click()
    assert download.value.suggested_filename == f"follow-up-letter-{saved.reference}.pdf"
    screenshot("follow-up")
    # She sent it two weeks ago: the 14 days we suggest giving the company (no regulator sets
    # a wait after a follow-up under the GDPR) are over, so escalating is the next step.
    page.get_by_label("Date you sent the follow-up").fill(
        (today_for(alice) - timedelta(days=14)).isoformat()
    )
    page.get_by_role("button", name="I sent the follow-up").click()
    page.wait_for_url(re.compile(rf"/requests/{saved.code}/$"))
    assert page.locator("#next-action").inner_text() == "Escalate to the regulator"
    assert "a courtesy period of ours" in page.locator("#follow-up-wait").inner_text()

    page.get_by_role("link", name="Draft a complaint to the regulator").click()
    page.wait_for_url(re.compile(r"/complaint/$"))
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Complaint to Data Protection Commission (DPC)"
    )
    complaint = page.locator("#letter-text").inner_text()
    assert f"{long_date(sent_on)}: I sent my request to OpenAI Ireland Limited." in complaint
    assert "a follow-up" in complaint
    assert (
        page.locator("#complaint-page")
        .get_attribute("href")
        .startswith("https://dataprotection.ie/")
    )
    screenshot("complaint")
    page.get_by_role("button", name="I filed the complaint").click()
    page.wait_for_url(re.compile(rf"/requests/{saved.code}/$"))
    assert "Complaint filed" in page.locator("#timeline").inner_text()
    screenshot("complaint-filed")
