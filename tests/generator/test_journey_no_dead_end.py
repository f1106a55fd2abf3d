"""In a real browser, as a person does it (desktop, 390 px phones, with and without JavaScript):
a platform with no documented address still leads to a letter; Enter continues; Back and reload
never re-post; errors are found at the top; signing up keeps the letter; the time zone is theirs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import expect

from apps.generator import store
from apps.tracker.models import PrivacyRequest
from apps.tracker.services import today_for
from tests.conftest import PASSWORD
from tests.letters.factories import saved_request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def open_tab(browser: Any, live_server: Any) -> Iterator[Callable[..., Any]]:
    """A tab with its own options (viewport, JavaScript off, time zone); other origins refused."""
    contexts = []

    def make(**options: Any) -> Any:
        context = browser.new_context(base_url=live_server.url, accept_downloads=True, **options)
        context.set_default_timeout(15_000)
        origin = live_server.url
        context.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith((origin, "data:", "blob:"))
                else route.abort()
            ),
        )
        contexts.append(context)
        tab = context.new_page()
        tab.on("dialog", lambda dialog: pytest.fail(f"unexpected dialog: {dialog.message}"))
        return tab

    yield make
    for context in contexts:
        context.close()


def wizard_state(tab: Any) -> dict[str, Any]:
    """What the tab's encrypted cookie holds (only this server's key can read it)."""
    parts = {c["name"]: c["value"] for c in tab.context.cookies() if c["name"].startswith("rd_")}
    token = "".join(parts[n] for n in sorted(parts, key=lambda n: (n != store.COOKIE, n)))
    return store.decrypt(token) if token else {}


def heading(tab: Any) -> str:
    return tab.get_by_role("heading", level=2).first.inner_text()


def no_wider_than_the_screen(tab: Any) -> bool:
    return tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_midjourney_on_a_phone_leads_to_a_letter_at_an_address_the_person_found(
    open_tab, screenshot, real_catalog
):
    tab = open_tab(viewport=PHONE, timezone_id="Pacific/Auckland")
    tab.goto("/platforms/midjourney/")
    action = tab.get_by_role("complementary", name="Take action")
    expect(action).to_contain_text("How your letter goes: Use the setting in their app")
    tab.goto("/request/new/")
    tab.get_by_label("Midjourney").check()
    tab.get_by_label("Midjourney").press("Enter")  # Enter on the chosen platform continues
    tab.wait_for_url("**/request/new/rights/")
    tab.get_by_label("Stop training on my data").check()
    tab.get_by_label("Delete my data").check()
    tab.get_by_role("button", name="Continue").click()
    tab.get_by_label("Country you live in").select_option("IE")
    tab.get_by_role("button", name="Continue").click()

    tab.wait_for_url("**/request/new/contact/")
    assert heading(tab) == "Step 4 of 6: How to reach them"
    main = tab.locator("main")
    expect(main).to_contain_text("Midjourney documents no email address for this request")
    expect(main).to_contain_text("A setting in the app")  # the documented deletion route
    expect(main).to_contain_text("Not confirmed: privacy@midjourney.com")
    assert no_wider_than_the_screen(tab)
    screenshot("contact-phone")
    tab.get_by_label("Email address you found (optional)").fill("privacy@midjourney.com")
    tab.get_by_role("button", name="Continue").click()

    tab.get_by_label("Your full name").fill("Aroha Ngata")
    tab.get_by_label("Email address of your account").fill("aroha@example.org")
    tab.get_by_role("button", name="Show my letter").click()
    tab.wait_for_url("**/request/new/preview/")
    expect(main).to_contain_text("Email it to privacy@midjourney.com")
    expect(main).to_contain_text("You gave this address yourself")
    letter = tab.locator("#letter-text").inner_text()
    assert "Aroha Ngata" in letter
    assert wizard_state(tab)["tz"] == "Pacific/Auckland"  # the browser's zone sets "today"
    assert no_wider_than_the_screen(tab)
    screenshot("preview-phone")

    # Back returns to the details as typed; Forward and reload show the letter, never re-post.
    tab.go_back()
    tab.wait_for_url("**/request/new/details/")
    expect(tab.get_by_label("Your full name")).to_have_value("Aroha Ngata")
    tab.go_forward()
    tab.reload()
    tab.wait_for_url("**/request/new/preview/")
    assert tab.locator("#letter-text").inner_text() == letter


def test_without_javascript_errors_are_found_at_the_top_and_back_never_resubmits(
    open_tab, screenshot, real_catalog
):
    tab = open_tab(viewport=PHONE, java_script_enabled=False)
    tab.goto("/request/new/?platform=openai&want=object")
    tab.get_by_role("button", name="Continue").click()
    tab.get_by_label("Country you live in").select_option("FR")
    tab.get_by_role("button", name="Continue").click()
    tab.get_by_role("button", name="Show my letter").click()  # nothing typed

    assert tab.url.endswith("/request/new/details/")  # the page's own address
    assert tab.title().startswith("Error: ")
    summary = tab.locator(".error-summary")
    expect(summary).to_contain_text("There are 2 problems")
    summary.get_by_role("link", name=re.compile("Give your name")).click()
    assert tab.url.endswith("#id_full_name")
    screenshot("errors-no-js")
    tab.reload()  # a GET: no "Confirm Form Resubmission", the same errors
    expect(tab.locator(".error-summary")).to_contain_text("There are 2 problems")

    tab.get_by_label("Your full name").fill("Camille Martin")
    tab.get_by_label("Email address of your account").fill("camille@example.org")
    tab.get_by_role("button", name="Show my letter").click()
    tab.wait_for_url("**/request/new/preview/")
    expect(tab.get_by_role("button", name="Copy the letter")).to_be_hidden()  # needs JS
    tab.go_back()
    assert "/request/new/details/" in tab.url
    assert no_wider_than_the_screen(tab)

    # "Start again" asks on a page of its own without JavaScript.
    tab.goto("/request/new/preview/")
    tab.get_by_role("button", name="Start again with an empty letter").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Start again with an empty letter?")
    tab.get_by_role("button", name="Start again").click()
    tab.wait_for_url("**/request/new/recipient/")
    assert wizard_state(tab) == {}


def test_with_javascript_the_error_summary_takes_the_focus(open_tab, real_catalog):
    tab = open_tab()
    tab.goto("/request/new/?recipient=custom&want=delete")
    tab.get_by_role("button", name="Continue").click()
    assert tab.title().startswith("Error: ")
    expect(tab.locator("[data-error-summary]")).to_be_focused()
    tab.locator(".error-summary").get_by_role("link").first.click()
    expect(tab.locator("#id_custom-name")).to_be_focused()


def test_signing_up_from_the_preview_comes_back_to_the_letter_ready_to_save(
    open_tab, screenshot, real_catalog
):
    tab = open_tab(timezone_id="America/Toronto")
    tab.goto("/request/new/?platform=anthropic&want=access")
    tab.get_by_role("button", name="Continue").click()
    tab.get_by_label("Country you live in").select_option("GB")
    tab.get_by_role("button", name="Continue").click()
    tab.get_by_label("Your full name").fill("Priya Shah")
    tab.get_by_label("Email address of your account").fill("priya@example.org")
    tab.get_by_role("button", name="Show my letter").click()
    letter = tab.locator("#letter-text").inner_text()

    tab.get_by_role("region", name="Keep track of the deadline").get_by_role(
        "link", name="create an account"
    ).click()
    tab.get_by_label("Email").fill("priya@example.org")
    tab.get_by_label("Password", exact=True).fill(PASSWORD)
    tab.get_by_label("Password (again)").fill(PASSWORD)
    tab.get_by_role("button", name="Create account").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Check your email")
    [link] = re.findall(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", mail.outbox[-1].body)
    tab.goto(link)
    tab.get_by_role("button", name="Confirm").click()

    tab.wait_for_url("**/request/new/preview/")
    assert tab.locator("#letter-text").inner_text() == letter
    screenshot("back-to-the-letter")
    tab.get_by_role("button", name="Save to my tracker").click()
    tab.wait_for_url(re.compile(r"/requests/[0-9a-f-]+/$"))
    saved = PrivacyRequest.objects.get(owner__email="priya@example.org")
    assert saved.rights == ["access"]
    assert saved.owner.profile.time_zone == "America/Toronto"  # the browser's, at sign-up


def test_a_refused_event_on_the_request_page_is_shown_at_the_top_of_the_same_page(open_tab, alice):
    saved = saved_request(alice)
    today = today_for(alice)
    tab = open_tab()
    tab.goto("/accounts/login/")
    tab.get_by_label("Email address").fill(alice.email)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.goto(f"/requests/{saved.code}/")
    tab.get_by_label("Date you sent it").fill(today.isoformat())
    tab.get_by_role("button", name="Mark as sent").click()
    tab.get_by_label("Date they acknowledged receipt").fill((today - timedelta(days=3)).isoformat())
    tab.get_by_role("button", name="Record the acknowledgement").click()

    tab.wait_for_url(re.compile(rf"/requests/{saved.code}/$"))  # not …/events/acknowledged/
    assert tab.title().startswith("Error: ")
    expect(tab.locator("[data-error-summary]")).to_be_focused()
    expect(tab.locator(".error-summary")).to_contain_text("a date before that cannot be right")
    assert tab.evaluate("window.scrollY") < 400  # the person sees it without scrolling
    field = tab.get_by_label("Date they acknowledged receipt")
    expect(field).to_have_value((today - timedelta(days=3)).isoformat())  # what was typed
