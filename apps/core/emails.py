"""One builder for every email the app sends: three templates per email, text and HTML parts.

``emails/<name>_subject.txt``, ``emails/<name>_body.txt`` and ``emails/<name>_body.html``.
Text templates extend ``emails/base_body.txt`` (autoescape off: plain text must not contain
``&amp;``); HTML templates extend ``emails/base_body.html``. The subject is collapsed to one
line, so nothing a person typed can start a new header; Django also refuses newlines in headers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def one_line(text: str, limit: int = 200) -> str:
    """Collapse all whitespace (newlines included) to single spaces and cap the length."""
    collapsed = " ".join(text.split())
    return collapsed if len(collapsed) <= limit else collapsed[: limit - 1].rstrip() + "…"


def make_message(
    *,
    name: str,
    to: Sequence[str],
    context: Mapping[str, Any],
    headers: Mapping[str, str] | None = None,
) -> EmailMultiAlternatives:
    subject = one_line(render_to_string(f"emails/{name}_subject.txt", dict(context)))
    text = render_to_string(f"emails/{name}_body.txt", dict(context)).replace("\xa0", " ")
    html = render_to_string(f"emails/{name}_body.html", dict(context))
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=list(to), headers=dict(headers or {})
    )
    message.attach_alternative(html, "text/html")
    return message


def absolute_url(path: str) -> str:
    """A link for an email: the site's public address (``SITE_URL``) and ``path``."""
    return settings.SITE_URL + path


def one_click_stop_headers(url: str) -> dict[str, str]:
    """``List-Unsubscribe`` with one-click POST (RFC 8058) to ``url``, a signed link that works
    without signing in: its view is csrf-exempt and asks to confirm on GET."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
