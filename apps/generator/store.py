"""Where the wizard's answers live between two requests, without a row for anyone anonymous.

- Anonymous: an encrypted cookie (Fernet under a key derived from SECRET_KEY), HttpOnly,
  SameSite=Lax, scoped to ``/request/``, gone after ``settings.GENERATOR_STATE_MAX_AGE``
  seconds (two hours by default; each step renews it). The server keeps nothing: the browser
  holds the only copy, and nobody without the server's key can read it.
- Signed in: the person's session. The first wizard page seen after signing up or in finds the
  session empty, reads the cookie (so the letter written before is still there), moves the
  answers into the session and deletes the cookie. Signing out ends the session and the
  answers with it.

A cookie holds at most about 4 KB, so a long state is split over numbered cookies
(``rd_letter``, ``rd_letter.1``, …, at most ``MAX_CHUNKS``).
"""

from __future__ import annotations

import json
import logging
import zlib
from typing import Any

from cryptography.fernet import InvalidToken
from django.conf import settings
from django.http import HttpRequest, HttpResponse

from apps.core.crypto import fernet_for

logger = logging.getLogger(__name__)

COOKIE = "rd_letter"
COOKIE_PATH = "/request/"
SESSION_KEY = "generator.state"
CHUNK = 3800
MAX_CHUNKS = 5
_PURPOSE = b"rightsdesk.generator.cookie.v1"


def max_age() -> int:
    return int(settings.GENERATOR_STATE_MAX_AGE)


def _names() -> list[str]:
    return [COOKIE, *(f"{COOKIE}.{n}" for n in range(1, MAX_CHUNKS))]


def encrypt(state: dict[str, Any]) -> str:
    raw = zlib.compress(json.dumps(state, separators=(",", ":")).encode(), 9)
    return fernet_for(_PURPOSE).encrypt(raw).decode("ascii")


def decrypt(token: str) -> dict[str, Any]:
    """The state in ``token``, or {} when it is expired, altered or unreadable."""
    try:
        raw = fernet_for(_PURPOSE).decrypt(token.encode("ascii"), ttl=max_age())
        data = json.loads(zlib.decompress(raw))
    except (InvalidToken, ValueError, zlib.error, UnicodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _from_cookie(request: HttpRequest) -> dict[str, Any]:
    parts = []
    for name in _names():
        part = request.COOKIES.get(name)
        if part is None:
            break
        parts.append(part)
    return decrypt("".join(parts)) if parts else {}


def has_cookie(request: HttpRequest) -> bool:
    return COOKIE in request.COOKIES


def load(request: HttpRequest) -> dict[str, Any]:
    """The answers so far ({} for a fresh start)."""
    if request.user.is_authenticated:
        stored = request.session.get(SESSION_KEY)
        if isinstance(stored, dict):
            return stored
    return _from_cookie(request)


def save(request: HttpRequest, response: HttpResponse, state: dict[str, Any]) -> None:
    """Keep ``state`` for the next request (the session when signed in, else the cookie)."""
    if request.user.is_authenticated:
        request.session[SESSION_KEY] = state
        forget_cookie(request, response)
        return
    token = encrypt(state)
    chunks = [token[i : i + CHUNK] for i in range(0, len(token), CHUNK)]
    if len(chunks) > MAX_CHUNKS:
        # Cannot happen within the forms' limits; refuse rather than keep half of it.
        logger.error("wizard state too large for its cookies (%d chars)", len(token))
        raise ValueError("the answers are too long to keep")
    names = _names()
    for name, chunk in zip(names, chunks, strict=False):
        response.set_cookie(
            name,
            chunk,
            max_age=max_age(),
            path=COOKIE_PATH,
            secure=request.is_secure() or settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    for name in names[len(chunks) :]:
        if name in request.COOKIES:
            response.delete_cookie(name, path=COOKIE_PATH, samesite="Lax")


def forget_cookie(request: HttpRequest, response: HttpResponse) -> None:
    for name in _names():
        if name in request.COOKIES:
            response.delete_cookie(name, path=COOKIE_PATH, samesite="Lax")


def forget(request: HttpRequest, response: HttpResponse) -> None:
    """Drop the answers everywhere (after saving the letter, or "start again")."""
    if request.user.is_authenticated:
        request.session.pop(SESSION_KEY, None)
    forget_cookie(request, response)
