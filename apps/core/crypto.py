"""Symmetric encryption under keys derived from SECRET_KEY, one key per purpose.

Fernet (AES-128-CBC with HMAC-SHA256, from ``cryptography``) so what we hand to a browser or
store at rest is both unreadable and tamper-evident. Keys from ``SECRET_KEY_FALLBACKS`` still
decrypt, so rotating SECRET_KEY the Django way does not break what is already out there.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings


def _fernet(purpose: bytes, secret_key: str) -> Fernet:
    digest = hashlib.sha256(purpose + b"\x00" + secret_key.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def fernet_for(purpose: bytes) -> MultiFernet:
    """Encrypts under the current SECRET_KEY; decrypts under it or any fallback."""
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet([_fernet(purpose, key) for key in keys])
