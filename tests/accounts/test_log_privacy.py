"""Logs never carry a person's full email address: not ours, not Django's, not allauth's.

The masking filter lives on every handler the logging configuration attaches; these specs check
the configuration reaches every logger that matters, then run sign-up and sign-in with debug
logging switched on and read what the configured handlers actually wrote.
"""

from __future__ import annotations

import io
import logging
import re

import pytest
from django.core import mail
from django.test import Client

from apps.core.logging import RedactPersonalData
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGGERS = [
    "",
    "django",
    "django.request",
    "django.server",
    "django.security.csrf",
    "django.db.backends",
    "allauth",
    "allauth.account.stages",
    "django-q",
    "apps.accounts.services",
    "apps.accounts.tasks",
]


def is_ours(handler: logging.Handler) -> bool:
    """Handlers the logging configuration made (pytest adds its own capture handlers)."""
    return not type(handler).__module__.startswith("_pytest")


def handlers_reached_by(name: str) -> list[logging.Handler]:
    logger: logging.Logger | None = logging.getLogger(name)
    found: list[logging.Handler] = []
    while logger is not None:
        found.extend(h for h in logger.handlers if is_ours(h))
        if not logger.propagate:
            break
        logger = logger.parent
    return found


@pytest.mark.parametrize("name", LOGGERS, ids=lambda n: n or "root")
def test_every_handler_a_log_line_can_reach_masks_addresses(name):
    handlers = handlers_reached_by(name)
    assert handlers, f"{name or 'root'} reaches no configured handler"
    for handler in handlers:
        assert any(isinstance(f, RedactPersonalData) for f in handler.filters), (
            f"{type(handler).__name__} on the way from {name or 'root'} does not mask addresses"
        )


@pytest.fixture
def log_output(monkeypatch):
    """What the configured stream handlers write, at DEBUG level everywhere."""
    buffer = io.StringIO()
    streams = {
        h
        for name in LOGGERS
        for h in handlers_reached_by(name)
        if isinstance(h, logging.StreamHandler)
    }
    for handler in streams:
        monkeypatch.setattr(handler, "stream", buffer)
        monkeypatch.setattr(handler, "level", logging.DEBUG)
    for name in LOGGERS:
        monkeypatch.setattr(logging.getLogger(name), "level", logging.DEBUG)
    monkeypatch.setattr(logging.getLogger("django.db.backends"), "level", logging.INFO)
    return buffer


ADDRESS = "carol.private@example.org"
FULL_ADDRESS = re.compile(r"[\w.+-]{2,}@example\.org")


def test_signing_up_and_in_leaves_no_full_address_in_the_logs(log_output):
    client = Client()
    client.post(
        "/accounts/signup/", {"email": ADDRESS, "password1": PASSWORD, "password2": PASSWORD}
    )
    link = re.search(r"https?://testserver(/\S+)", mail.outbox[0].body).group(1)
    client.post(link)
    client.post("/accounts/logout/")
    client.post("/accounts/login/", {"login": ADDRESS, "password": "wrong password"})
    client.post("/accounts/login/", {"login": ADDRESS, "password": PASSWORD})
    client.post("/accounts/login/code/", {"email": ADDRESS})
    # An address in a URL is a classic leak: Django logs the path of every 404.
    client.get(f"/no-such-page/{ADDRESS}/")
    client.post("/account/settings/", {"full_name": ADDRESS})  # 405-free: a form error
    logging.getLogger("apps.accounts.services").info("reminder for %s", ADDRESS)
    try:
        raise ValueError(f"SMTP refused recipient <{ADDRESS}>")
    except ValueError:
        logging.getLogger("apps.accounts.services").exception("sending failed")

    written = log_output.getvalue()
    assert "Not Found: /no-such-page/c…@example.org/" in written  # the handlers did write
    assert "reminder for c…@example.org" in written
    assert "SMTP refused recipient <c…@example.org>" in written  # tracebacks too
    assert ADDRESS not in written
    assert FULL_ADDRESS.findall(written) == []


def test_error_reports_to_admins_leave_out_what_people_typed(settings, rf):
    from django.views.debug import ExceptionReporter

    settings.DEBUG = False
    request = rf.post("/account/settings/", {"full_name": "Alice Example", "letter": "my body"})

    def view(body: str) -> None:
        raise RuntimeError("boom")

    secret_body = " ".join(["a letter", "body", "with secrets"])  # not in the shown source
    try:
        view(secret_body)
    except RuntimeError as exc:
        reporter = ExceptionReporter(request, type(exc), exc, exc.__traceback__)
        text = reporter.get_traceback_text()
    assert "Alice Example" not in text
    assert "my body" not in text
    assert secret_body not in text
    assert "full_name" in text  # the names stay, for whoever fixes the bug
