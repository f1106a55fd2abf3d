"""Walking the wizard with Django's test client, the way a browser without JavaScript does:
each step is a page of its own; every post redirects (to the next step, or back to the same one
with its errors), and the client follows, carrying the wizard's cookie."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

STATE = re.compile(r'name="state" value="([^"]*)"')


def state_of(response: Any) -> str:
    """The signed state the preview's downloads and "Save" post."""
    found = STATE.findall(response.content.decode())
    assert found, "the page carries no wizard state"
    return unescape(found[0])


def current_state(client: Any) -> dict[str, Any]:
    """What the wizard keeps between requests for this client (its cookie or session)."""
    from django.http import HttpRequest

    from apps.generator import store

    request = HttpRequest()
    request.COOKIES = {name: morsel.value for name, morsel in client.cookies.items()}
    request.user = _user_of(client)
    request.session = client.session
    return store.load(request)


def _user_of(client: Any) -> Any:
    from django.contrib.auth import get_user
    from django.http import HttpRequest

    request = HttpRequest()
    request.session = client.session
    return get_user(request)


def post_step(client: Any, step: str, data: dict[str, Any], action: str = "next") -> Any:
    """Post one step and follow the redirect; ``response.redirect_chain`` says where it went."""
    response = client.post(f"/request/new/{step}/", {"action": action, **data})
    assert response.status_code == 303, (response.status_code, response.content[:500])
    return client.get(response["Location"])


DETAILS = {
    "full_name": "Jane Doe",
    "account_email": "jane@example.org",
    "username": "janed",
    "postal_address": "12 Harbour Road\nDublin 4",
}


def step_of(response: Any) -> str:
    """The step a page shows, from its heading ("Step 2 of 5: What you want")."""
    found = re.search(r"<h2>Step (\d+) of (\d+): ([^<]+)</h2>", response.content.decode())
    assert found, "not a wizard step"
    return unescape(found.group(3))


def walk_to_preview(
    client: Any,
    *,
    platform: str = "openai",
    rights: tuple[str, ...] = ("object",),
    country: str = "IE",
    region: str = "",
    details: dict[str, Any] | None = None,
    contact: dict[str, Any] | None = None,
) -> Any:
    """From an empty letter to the preview, checking each step lands where it should."""
    client.post("/request/new/start-again/", {"confirmed": "yes"})
    page = client.get("/request/new/", follow=True)
    assert page.status_code == 200
    page = post_step(client, "recipient", {"platform": platform})
    assert step_of(page) == "What you want", page.content.decode()[:2000]
    page = post_step(client, "rights", {"rights": list(rights)})
    assert step_of(page) == "Where you live"
    page = post_step(client, "place", {"country": country, "region": region})
    if step_of(page) == "How to reach them":
        page = post_step(client, "contact", contact or {})
    assert step_of(page) == "Details that identify you", page.content.decode()[:3000]
    page = post_step(client, "details", details or DETAILS)
    assert step_of(page) == "Your letter", page.content.decode()[:3000]
    return page
