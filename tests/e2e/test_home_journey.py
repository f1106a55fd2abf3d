import pytest

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
