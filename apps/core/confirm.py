"""A server-side "Are you sure?" for actions that cannot be undone, so they ask without
JavaScript too.

A form marked ``data-confirm="…"`` asks in the browser (static/js/site.js), then posts
``confirmed=yes``. A post without it (no JavaScript) is redirected to the same URL, whose GET
shows the question as a page of its own with a button that posts ``confirmed=yes``.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render

CONFIRMED = "confirmed"


def confirmed_or_ask(
    request: HttpRequest, *, question: str, detail: str, button: str, cancel_url: str
) -> HttpResponse | None:
    """None when the person confirmed (go ahead); else the page that asks, or a redirect to it."""
    if request.method == "POST":
        if request.POST.get(CONFIRMED) == "yes":
            return None
        return HttpResponseRedirect(request.get_full_path(), status=303)
    return render(
        request,
        "core/confirm.html",
        {"question": question, "detail": detail, "button": button, "cancel_url": cancel_url},
    )
