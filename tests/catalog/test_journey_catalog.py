"""Browser journeys through the catalog: filter, open a platform, read a quote, start a request."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from apps.catalog.files import catalog_paths
from tests.conftest import ARTIFACTS

from .conftest import CATALOG_DIR

# Every catalog file is one platform; the count follows the files, not a number typed here.
CATALOG_SIZE = len(catalog_paths(CATALOG_DIR))

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("real_catalog"),
]


def card_names(page) -> list[str]:
    return page.locator(".platform-card h2").all_inner_texts()


def test_a_person_filters_to_opt_out_opens_a_platform_reads_a_quote_and_finds_the_buttons(
    page, screenshot
):
    page.goto("/platforms/")
    assert len(card_names(page)) == CATALOG_SIZE
    screenshot("catalog")

    page.get_by_label(re.compile(r"Opt-out offered")).check()
    page.get_by_role("button", name="Show platforms").click()
    page.wait_for_url(re.compile(r"opt_out=on"))
    names = card_names(page)
    assert "OpenAI" in names
    assert "Midjourney" not in names  # no opt-out found
    assert page.get_by_label(re.compile(r"Opt-out offered")).is_checked()
    assert (
        page.get_by_role("status")
        .inner_text()
        .startswith(f"Showing {len(names)} of {CATALOG_SIZE}")
    )
    screenshot("filtered-to-opt-out")

    page.locator(".platform-card h2 a", has_text=re.compile(r"^OpenAI$")).click()
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "OpenAI: what happens to your prompts and images"
    )

    quote = page.locator("#topic-opt-out details.quote").first
    assert quote.get_attribute("open") is None
    assert not quote.locator("blockquote").is_visible()
    quote.locator("summary").click()
    assert quote.get_attribute("open") is not None
    assert (
        quote.locator("blockquote")
        .inner_text()
        .startswith("Opt out. If you do not want us to use your Content")
    )
    quote.scroll_into_view_if_needed()
    screenshot("quote-expanded")

    actions = page.get_by_role("complementary", name="Take action")
    for label, want in (
        ("Stop training on my data", "object"),
        ("Delete my data", "delete"),
        ("Ask what they hold about me", "access"),
    ):
        button = actions.get_by_role("link", name=label)
        assert button.is_visible()
        assert button.get_attribute("href") == f"/request/new/?platform=openai&want={want}"
    actions.scroll_into_view_if_needed()
    screenshot("request-buttons")


def test_the_catalog_works_without_javascript_and_says_when_no_contact_is_documented(
    browser, live_server
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(live_server.url) else route.abort()
        ),
    )
    tab = context.new_page()
    try:
        tab.goto("/platforms/")
        tab.get_by_label("Category").select_option("image")
        tab.get_by_label("Search by name").fill("clip")
        tab.get_by_role("button", name="Show platforms").click()
        tab.wait_for_url(re.compile(r"q=clip"))
        assert tab.locator(".platform-card h2").all_inner_texts() == ["Clipdrop"]
        tab.get_by_role("link", name="Clipdrop", exact=True).click()
        assert (
            "No documented contact was found"
            in tab.get_by_role("complementary", name="Take action").inner_text()
        )
        assert tab.get_by_role(
            "link", name="Address it to a contact you found yourself"
        ).get_attribute("href") == ("/request/new/?platform=clipdrop&want=object&recipient=custom")
        tab.screenshot(path=str(_artifact("clipdrop")), full_page=True)
    finally:
        context.close()


def test_a_person_compares_platforms_on_one_topic(page, screenshot):
    page.goto("/compare/")
    page.get_by_role("link", name="Opt-out", exact=True).first.click()
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "How you can opt out of AI training on each platform"
    )
    rows = page.locator("table.compare tbody th[scope=row]")
    assert rows.count() == CATALOG_SIZE
    first = page.locator("table.compare tbody tr").first
    assert "Yes" in first.inner_text()  # best for you first
    screenshot("compare-opt-out")


def _artifact(step: str) -> Path:
    """Where a screenshot taken outside the ``page`` fixture goes (tests/artifacts/)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"test_the_catalog_works_without_javascript-{step}.png"
