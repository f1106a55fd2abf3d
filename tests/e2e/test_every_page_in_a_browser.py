"""Every page, in a real browser, signed out and signed in: axe-core finds nothing (of any
impact), headings go down one level at a time, and nothing is wider than a 320 px phone (WCAG
1.4.10). The pages are the URL walk of tests/core/test_every_page.py, so a page added later is
checked without being listed; pages that only exist with data (a dashboard full of requests, a
form showing its errors, the wizard's letter) are visited as a person reaches them.
"""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client

from tests.a11y import axe_source, axe_violations, heading_problems, overflow
from tests.conftest import ARTIFACTS, PASSWORD, staff_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 800}
# Files, feeds and data: not pages a person reads in the browser.
NOT_PAGES = (".pdf", ".eml", ".txt", ".ics", ".json", ".csv")


def sign_in(page, user, live_server) -> None:
    """The browser carries a session of ``user`` (as after signing in; tests/accounts covers
    the sign-in form itself)."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def walked_urls() -> list[str]:
    """Every page of the URL walk, with an object where its URL names one."""
    from tests.core.test_every_page import pages, with_an_object

    urls = []
    for param in pages():
        if param.marks:  # skipped by the walk too (it says why)
            continue
        url = with_an_object(param.values[0])
        if not url.endswith(NOT_PAGES) and url != "/healthz":
            urls.append(url)
    return urls


def report(problems: list[str], name: str) -> str:
    """Every problem, one a line, also kept in tests/artifacts/<name>.txt to read in full."""
    text = "\n".join(problems)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    return text


def check_state(page, where: str) -> list[str]:
    """What must hold on the page as it is now."""
    page.set_viewport_size(DESKTOP)
    problems = axe_violations(page, where) + heading_problems(page, where)
    if (wider := overflow(page, 320)) > 0:
        problems.append(f"{where}: {wider} px wider than a 320 px screen")
    page.set_viewport_size(DESKTOP)
    return problems


def visit(page, url: str) -> bool:
    """Open ``url``; False when it is not an HTML page (a 405 for GET, a download): those are
    asked first with the context's own cookies, so the tab never navigates to them."""
    probe = page.request.get(url)
    if not probe.headers.get("content-type", "").startswith("text/html") or not probe.text():
        return False
    page.goto(url)
    return True


def walk(page, who: str, urls: list[str], seen: set[str]) -> list[str]:
    problems: list[str] = []
    for url in urls:
        if not visit(page, url):
            continue
        landed = urlsplit(page.url).path  # many signed-out pages land on the sign-in page
        if landed in seen:
            continue
        seen.add(landed)
        where = f"{url} as {who}" + (f" (→ {landed})" if landed != urlsplit(url).path else "")
        problems += check_state(page, where)
    return problems


def test_every_page_signed_out_and_signed_in(page, alice, real_catalog, live_server):
    axe_source()  # skip (or fail in CI) at once when axe-core is not installed
    staff_client("staff@example.org")  # the admin's pages of one object need a user
    urls = walked_urls()
    assert "/request/new/" in urls
    assert "/requests/" in urls
    # The admin's own pages, as staff, are Django's templates (its change lists' filter links
    # and inline tables fail axe's target-size and label rules): not walked here. Signed out
    # or without two-factor, the admin's URLs land on our pages, which are.
    problems = walk(page, "anonymous", urls, set())
    sign_in(page, alice, live_server)
    problems += walk(page, "signed in", urls, set())
    assert problems == [], report(problems, "a11y-every-page")


# --- States that exist only with data, or after something was typed ----------------------------


def record(saved, kind, on, today):
    from apps.tracker.services import request_record_event

    return request_record_event(request=saved, kind=kind, on=on, today=today)


def full_tracker(alice):
    """Alice's tracker in every state a row can show: a draft, waiting, overdue, followed up,
    a request with two deadlines, and a fulfilled one."""
    from apps.catalog.recipients import Recipient
    from apps.tracker.services import today_for
    from tests.letters.factories import saved_request

    today = today_for(alice)
    written = today - timedelta(days=90)
    made = {"draft": saved_request(alice, rights=("access",), today=today)}
    made["waiting"] = saved_request(alice, rights=("delete",), today=written)
    record(made["waiting"], "sent", today - timedelta(days=5), today)
    made["overdue"] = saved_request(alice, rights=("object", "delete"), today=written)
    record(made["overdue"], "sent", today - timedelta(days=60), today)
    made["followed"] = saved_request(
        alice,
        rights=("access",),
        today=written,
        recipient=Recipient(name="Acme AI", email="privacy@acme.example", country="IE"),
    )
    record(made["followed"], "sent", today - timedelta(days=70), today)
    record(made["followed"], "follow_up_sent", today - timedelta(days=3), today)
    made["two-dates"] = saved_request(
        alice, country="US", region="CA", rights=("opt-out-sale", "delete"), today=written
    )
    record(made["two-dates"], "sent", today - timedelta(days=2), today)
    made["done"] = saved_request(alice, rights=("delete",), today=written)
    record(made["done"], "sent", today - timedelta(days=20), today)
    record(made["done"], "fulfilled", today - timedelta(days=1), today)
    return made


def test_pages_full_of_data_and_forms_showing_errors(page, alice, real_catalog, live_server):
    axe_source()
    made = full_tracker(alice)
    problems: list[str] = []

    # Signed out: a sign-in that fails, a sign-up with errors.
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill("alice@example.org")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    problems += check_state(page, "sign-in refused")
    page.goto("/accounts/signup/")
    page.get_by_label("Email", exact=True).fill("someone@example.org")
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_load_state()
    problems += check_state(page, "sign-up with errors")

    # The wizard: a step with errors, then the letter.
    page.goto("/request/new/?platform=openai&want=object")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Country you live in").select_option("IE")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Show my letter").click()
    page.wait_for_load_state()
    problems += check_state(page, "wizard details with errors")
    page.get_by_label("Your full name").fill("Jane Doe")
    page.get_by_label("Email address of your account").fill("jane@example.org")
    page.get_by_role("button", name="Show my letter").click()
    page.wait_for_load_state()
    assert page.locator("#letter-text").count() == 1
    problems += check_state(page, "wizard preview")

    sign_in(page, alice, live_server)
    page.goto("/requests/")
    assert page.locator("#requests tbody tr").count() == len(made)
    problems += check_state(page, "dashboard with requests")
    page.goto("/requests/?status=overdue")
    problems += check_state(page, "dashboard filtered")
    for name, saved in made.items():
        page.goto(f"/requests/{saved.code}/")
        problems += check_state(page, f"request page ({name})")
    page.goto(f"/requests/{made['overdue'].code}/follow-up/")
    problems += check_state(page, "follow-up")
    page.goto(f"/requests/{made['followed'].code}/complaint/")
    problems += check_state(page, "complaint")

    # A form on the request page refusing what was typed.
    page.goto(f"/requests/{made['draft'].code}/")
    page.get_by_label("Date you sent it").fill(date(1899, 1, 1).isoformat())
    page.get_by_role("button", name="Mark as sent").click()
    page.wait_for_load_state()
    assert "cannot have been sent on 1 Jan 1899" in page.locator("main").inner_text()
    problems += check_state(page, "request page refusing a date")
    page.goto("/account/settings/")
    problems += check_state(page, "settings")
    assert problems == [], report(problems, "a11y-page-states")


def test_signing_in_with_the_form_works_for_the_walk_above(page, alice):
    """The walk signs in with a session cookie; the form it stands for still signs in."""
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill("alice@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/requests/")
