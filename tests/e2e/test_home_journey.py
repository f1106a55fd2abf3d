from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from apps.catalog.files import catalog_paths

CATALOG_DIR = Path(settings.BASE_DIR) / "catalog" / "platforms"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_reads_what_the_app_does_and_sees_it_is_not_legal_advice(page, screenshot):
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text() == "Take back your prompts and images"
    assert "not legal advice" in page.locator("footer").inner_text().lower()
    # The stylesheet loaded from our own origin (the CSP allows nothing else).
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(247, 246, 242)"
    # Keyboard users get a skip link as the first stop.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    assert screenshot("home").exists()


def test_a_visitor_goes_from_the_home_page_to_the_catalog(page, screenshot):
    call_command("load_catalog", verbosity=0)
    page.goto("/")
    page.get_by_role("link", name="Find your AI platform").click()
    page.wait_for_url("**/platforms/")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "What AI platforms do with your prompts and images"
    )
    assert page.locator(".platform-card").count() == len(catalog_paths(CATALOG_DIR))
    assert (
        page.get_by_role("navigation", name="Main")
        .get_by_role("link", name="Platforms")
        .get_attribute("aria-current")
        == "page"
    )
    screenshot("catalog")

    # The home page's search lands on the matching platform.
    page.goto("/")
    page.get_by_label("Search the catalog").fill("ideogram")
    page.get_by_role("button", name="Search").click()
    assert page.locator(".platform-card h2").all_inner_texts() == ["Ideogram"]
    # The footer offers the data to reuse.
    assert (
        page.get_by_role("link", name="Catalog data (JSON)").first.get_attribute("href")
        == "/catalog.json"
    )
