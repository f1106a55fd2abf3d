"""Shared test world: people (alice owns things, bob must never see them), a real browser.

Browser tests are marked ``@pytest.mark.browser`` and use the ``page`` fixture: Debian's Chromium
driven by Playwright against pytest-django's live server. Without Chromium they are skipped with a
message, unless RIGHTSDESK_REQUIRE_BROWSER=1 (set by .ci/run), where they fail instead.
Tests marked ``@pytest.mark.postgres`` run only when the suite runs on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import os
import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

CHROMIUM = Path(os.environ.get("RIGHTSDESK_CHROMIUM", "/usr/bin/chromium"))
REQUIRE_BROWSER = os.environ.get("RIGHTSDESK_REQUIRE_BROWSER") == "1"
ARTIFACTS = Path(__file__).parent / "artifacts"


def on_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    no_browser = pytest.mark.skip(
        reason=f"browser test skipped: no Chromium at {CHROMIUM} "
        "(install Debian's chromium package, or set RIGHTSDESK_CHROMIUM)"
    )
    not_postgres = pytest.mark.skip(reason="needs PostgreSQL: run with DATABASE_URL=postgres://…")
    for item in items:
        if "browser" in item.keywords and not CHROMIUM.exists() and not REQUIRE_BROWSER:
            item.add_marker(no_browser)
        if "postgres" in item.keywords and not on_postgres():
            item.add_marker(not_postgres)


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Rate-limit counters and used one-time codes live in the cache: no test inherits them."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# --- People -------------------------------------------------------------------------------------

PASSWORD = "correct horse battery staple 42"


def make_user(email: str, *, verified: bool = True, password: str = PASSWORD, **extra: Any) -> Any:
    """A user who can sign in: allauth's verified primary address included."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(email=email, password=password, **extra)
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    return user


@pytest.fixture
def alice(db: None) -> Any:
    return make_user("alice@example.org")


@pytest.fixture
def bob(db: None) -> Any:
    return make_user("bob@example.org")


def staff_client(email: str = "staff@example.org", *, superuser: bool = True) -> Any:
    """A test client for a staff member who signed in with two-factor, as the admin requires.

    The session carries the same authentication record allauth writes after a TOTP code, so
    admin tests exercise the admin rather than the sign-in flow (tests/accounts covers that).
    """
    import time

    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
    from allauth.account.internal.userkit import user_id_to_str
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.test import Client

    staff = make_user(email, is_staff=True, is_superuser=superuser)
    TOTP.activate(staff, generate_totp_secret())
    client = Client()
    client.force_login(staff)
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "mfa", "at": time.time(), "type": "totp"}
    ]
    session["account_authentication_methods_user"] = user_id_to_str(staff)
    session.save()
    return client


@pytest.fixture
def alice_client(client: Any, alice: Any) -> Any:
    client.force_login(alice)
    return client


# --- The platform catalog ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def real_catalog_files() -> list:
    from apps.catalog.files import read_catalog

    return read_catalog(Path(settings.BASE_DIR) / "catalog" / "platforms")


@pytest.fixture
def real_catalog(db: None, real_catalog_files: list) -> None:
    """The real catalog in the test database (files read and validated once per session)."""
    from apps.catalog.loader import load_files

    load_files(real_catalog_files, directory=Path(settings.BASE_DIR) / "catalog" / "platforms")


# --- Browser ------------------------------------------------------------------------------------

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"RIGHTSDESK_REQUIRE_BROWSER=1 but there is no Chromium at {CHROMIUM}")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # around it are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, live_server: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh browser tab on the live server. Requests to any other origin are refused."""
    context = browser.new_context(base_url=live_server.url, accept_downloads=True)
    context.set_default_timeout(15_000)
    origin = live_server.url

    def only_our_server(route: Any) -> None:
        url = route.request.url
        if url.startswith((origin, "data:", "blob:")):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_our_server)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def screenshot(page: Any, request: pytest.FixtureRequest) -> Any:
    """``screenshot("step")`` saves tests/artifacts/<test>-<step>.png and returns its path."""

    def take(step: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", f"{request.node.name}-{step}")
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


# --- Email over real SMTP ---------------------------------------------------------------------


class SmtpRecorder:
    """An aiosmtpd handler that keeps what it receives and can be told to misbehave.

    ``fail_next = n`` answers the next n messages with a temporary failure (451);
    ``refuse_recipients = True`` rejects every recipient (550); ``delay`` slows each message down
    (to make concurrent senders overlap); ``stop()``/``start()`` take the server down and up.
    """

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.fail_next = 0
        self.refuse_recipients = False
        self.delay = 0.0
        self.attempts = 0
        self._lock = threading.Lock()
        self.port = 0
        self.controller: Any = None

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if self.refuse_recipients:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.delay:
            await asyncio.sleep(self.delay)
        with self._lock:
            self.attempts += 1
            if self.fail_next > 0:
                self.fail_next -= 1
                return "451 4.3.0 Temporary failure, please try again later"
            self.messages.append(
                email.message_from_bytes(envelope.content, policy=email.policy.default)
            )
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"

    def start(self) -> None:
        from aiosmtpd.controller import Controller

        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def subjects(self) -> list[str]:
        return [str(message["Subject"]) for message in self.messages]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_smtp_recorder() -> tuple[SmtpRecorder, dict[str, Any]]:
    """A recorder serving on a free loopback port, and the MAILERS setting that sends to it."""
    recorder = SmtpRecorder()
    recorder.port = free_port()
    recorder.start()
    mailers = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": "127.0.0.1",
                "port": recorder.port,
                "use_tls": False,
                "timeout": 10,
            },
        }
    }
    return recorder, mailers


@pytest.fixture
def smtp_server(settings: Any) -> Iterator[SmtpRecorder]:
    """A real SMTP server on loopback, and the app's default mailer pointed at it."""
    recorder, settings.MAILERS = start_smtp_recorder()
    yield recorder
    recorder.stop()
