"""Walking the wizard with Django's test client, the way a browser without JavaScript does:
every step posts the hidden state the previous page gave it, plus its own fields."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

STATE = re.compile(r'name="state" value="([^"]*)"')


def state_of(response: Any) -> str:
    found = STATE.findall(response.content.decode())
    assert found, "the page carries no wizard state"
    return unescape(found[0])


def post_step(
    client: Any, response: Any, step: str, data: dict[str, Any], action: str = "next"
) -> Any:
    return client.post(
        "/request/new/", {"state": state_of(response), "step": step, "action": action, **data}
    )


DETAILS = {
    "full_name": "Jane Doe",
    "account_email": "jane@example.org",
    "username": "janed",
    "postal_address": "12 Harbour Road\nDublin 4",
}


def walk_to_preview(
    client: Any,
    *,
    platform: str = "openai",
    rights: tuple[str, ...] = ("object",),
    country: str = "IE",
    region: str = "",
    details: dict[str, Any] | None = None,
) -> Any:
    """From /request/new/ to the preview, checking each step answers 200."""
    page = client.get("/request/new/")
    assert page.status_code == 200
    page = post_step(client, page, "recipient", {"platform": platform})
    assert page.status_code == 200, page.content.decode()[:2000]
    page = post_step(client, page, "rights", {"rights": list(rights)})
    assert page.status_code == 200
    page = post_step(client, page, "place", {"country": country, "region": region})
    assert page.status_code == 200
    page = post_step(client, page, "details", details or DETAILS)
    assert page.status_code == 200, page.content.decode()[:3000]
    assert "Step 5 of 5" in page.content.decode()
    return page
