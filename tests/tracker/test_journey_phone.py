"""On a phone (390 px wide), with and without JavaScript, a person reads their requests: each one
is a card whose Due and Next are in view without scrolling sideways, and the counts and the
follow-up are links they can tap. With the keyboard, every stop shows a focus ring that stands
out from what it is drawn on."""

from __future__ import annotations

import re

import pytest

from tests.a11y import focus_ring_problems, overflow
from tests.e2e.test_every_page_in_a_browser import full_tracker, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture(params=["with-javascript", "without-javascript"])
def phone(request, browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        viewport=PHONE,
        java_script_enabled=request.param == "with-javascript",
        is_mobile=True,
        has_touch=True,
    )
    context.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(live_server.url) else route.abort()
        ),
    )
    tab = context.new_page()
    yield tab
    context.close()


def test_the_dashboard_reads_as_cards_on_a_phone(phone, alice, live_server):
    made = full_tracker(alice)
    sign_in(phone, alice, live_server)
    phone.goto("/requests/")
    assert overflow(phone, PHONE["width"]) == 0
    rows = phone.locator("#requests tbody tr")
    assert rows.count() == len(made)
    for n in range(rows.count()):
        for cell in ("due-cell", "next-cell"):
            box = rows.nth(n).locator(f".{cell}").bounding_box()
            assert box is not None, (n, cell)
            assert box["width"] > 0, (n, cell)
            assert box["x"] >= 0, (n, cell, box)
            assert box["x"] + box["width"] <= PHONE["width"], (n, cell, box)
    # The column headers are hidden on a phone: each cell names its column itself.
    labels = rows.first.locator("td").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content)"
    )
    assert labels == ['"Law"', '"Status"', '"Sent"', '"Due"', '"Time used"', '"Next"']
    phone.screenshot(path=_artifact("dashboard-phone"), full_page=True)

    # The overdue chip filters; the follow-up is one tap away.
    phone.locator("#counts").get_by_role("link", name="2 overdue").click()  # one followed up
    phone.wait_for_url(re.compile(r"status=overdue"))
    assert phone.locator("#requests tbody tr").count() == 2
    phone.get_by_role("link", name=re.compile(r"send a follow-up$")).click()
    phone.wait_for_url(re.compile(rf"/requests/{made['overdue'].code}/follow-up/$"))
    assert overflow(phone, PHONE["width"]) == 0


def test_every_keyboard_stop_shows_a_ring_that_stands_out(page, alice, live_server):
    made = full_tracker(alice)
    problems = []
    page.goto("/")
    problems += focus_ring_problems(page, "home")
    page.goto("/accounts/login/")
    problems += focus_ring_problems(page, "sign in")
    sign_in(page, alice, live_server)
    for url in ("/requests/", f"/requests/{made['draft'].code}/"):
        page.goto(url)
        problems += focus_ring_problems(page, url)
    assert problems == []


def _artifact(step: str) -> str:
    from tests.conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return str(ARTIFACTS / f"{step}.png")
