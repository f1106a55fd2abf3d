"""Every form a letter leaves in: text, a ``mailto:`` link, an ``.eml`` draft, a PDF, and the
steps for a web form or in-app setting. Shared by every kind of letter (request, follow-up,
complaint): each takes a :class:`~apps.letters.content.Letter` and nothing else."""

from __future__ import annotations

import email.policy
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from urllib.parse import quote

from django.http import HttpResponse
from django.utils import timezone

from .content import Letter
from .pdf import render_pdf

# Beyond about 2,000 characters some mail clients and browsers cut a mailto: link short or
# refuse it; past this the app says so and offers the .eml, the PDF and the text instead.
MAILTO_LIMIT = 2000


def as_text(letter: Letter) -> str:
    """Subject line, blank line, body: what the copy button copies."""
    return letter.text


def _crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")


def mailto_url(letter: Letter) -> str:
    """``mailto:to?subject=…&body=…`` with every part percent-encoded (RFC 6068): line breaks
    as ``%0D%0A``, no character left that could end the address or start another field."""
    to = quote(letter.recipient.email, safe="@")
    subject = quote(letter.subject, safe="")
    body = quote(_crlf(letter.body), safe="")
    return f"mailto:{to}?subject={subject}&body={body}"


@dataclass(frozen=True)
class Mailto:
    url: str
    fits: bool  # within MAILTO_LIMIT: safe to offer as a link

    @property
    def length(self) -> int:
        return len(self.url)


def mailto(letter: Letter) -> Mailto | None:
    """The ``mailto:`` link, or None when the recipient has no email address."""
    if not letter.recipient.email:
        return None
    url = mailto_url(letter)
    return Mailto(url=url, fits=len(url) <= MAILTO_LIMIT)


def _single_line(value: str) -> str:
    return " ".join(value.split())


def eml_bytes(letter: Letter, *, now: datetime | None = None) -> bytes:
    """An RFC 5322 draft (UTF-8): To, Subject, Date and ``X-Unsent: 1`` so Outlook opens it as a
    draft to send; other clients open it as a message to forward or edit. Headers are single
    lines and the email package refuses any line break in a header value, so nothing typed can
    add a header."""
    # Long subjects stay on one line (RFC 5322 allows 998 characters), which every client reads.
    message = EmailMessage(policy=email.policy.SMTP.clone(max_line_length=998))
    if letter.recipient.email:
        message["To"] = _single_line(letter.recipient.email)
    message["Subject"] = _single_line(letter.subject)
    message["Date"] = format_datetime(now or timezone.now())
    message["X-Unsent"] = "1"
    message.set_content(letter.body, charset="utf-8", cte="quoted-printable")
    return message.as_bytes()


def pdf_bytes(letter: Letter) -> bytes:
    return render_pdf(letter)


def filename(letter: Letter, extension: str) -> str:
    """``privacy-request-RD-20260131-4F2A.pdf``: ASCII only, safe in any header."""
    return f"{letter.kind}-letter-{letter.reference}.{extension}".replace(" ", "-")


@dataclass(frozen=True)
class WebFormRoute:
    """How to send the letter where the platform takes requests only through a form or a
    setting: the steps, and the text to paste."""

    kind: str  # "web-form" | "in-app"
    where: str  # the form's URL or the setting's path
    steps: tuple[str, ...]
    paste: str  # what to paste into the form's message field


def web_routes(letter: Letter) -> list[WebFormRoute]:
    """The form and setting routes the recipient offers (catalog-documented only)."""
    recipient = letter.recipient
    routes = []
    if recipient.web_form_url:
        routes.append(
            WebFormRoute(
                kind="web-form",
                where=recipient.web_form_url,
                steps=(
                    f"Open {recipient.name}'s privacy request form: {recipient.web_form_url}",
                    "Sign in if it asks you to, with the account named in your letter.",
                    "Choose the request type that matches yours; where the form has a message "
                    "box, paste the subject and the letter below.",
                    "Before you submit, save a copy (or a screenshot) of what you sent, and keep "
                    "the confirmation email: its date starts the company's deadline.",
                ),
                paste=letter.text,
            )
        )
    if recipient.in_app_path:
        routes.append(
            WebFormRoute(
                kind="in-app",
                where=recipient.in_app_path,
                steps=(
                    f"In {recipient.name}: {recipient.in_app_path}",
                    "Take a screenshot once the setting is changed, with the date visible if "
                    "you can.",
                    "A setting covers what it says and nothing more: to ask about data already "
                    "used, or to have it deleted, send the letter too.",
                ),
                paste=letter.text,
            )
        )
    return routes


DOWNLOADS = {
    "pdf": ("application/pdf", pdf_bytes),
    "eml": ("message/rfc822", eml_bytes),
    "txt": ("text/plain; charset=utf-8", lambda letter: as_text(letter).encode("utf-8")),
}


def download_response(letter: Letter, extension: str) -> HttpResponse:
    """The letter as an attachment (``pdf``, ``eml`` or ``txt``), never cached."""
    content_type, render = DOWNLOADS[extension]
    response = HttpResponse(render(letter), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename(letter, extension)}"'
    response["Cache-Control"] = "no-store"
    return response
