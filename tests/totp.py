"""RFC 6238 time-based one-time passwords, written from the RFC for the tests.

The same algorithm allauth's TOTP uses (HMAC-SHA1, 30-second steps, 6 digits, dynamic
truncation from RFC 4226), but independent of allauth's code, so the tests check allauth
against the standard rather than against itself.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time


def hotp(key: bytes, counter: int, digits: int = 6, digest: str = "sha1") -> str:
    mac = hmac.new(key, struct.pack(">Q", counter), getattr(hashlib, digest)).digest()
    offset = mac[-1] & 0x0F
    binary = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(binary % 10**digits).zfill(digits)


def totp(secret_base32: str, at: float | None = None, *, step: int = 30, digits: int = 6) -> str:
    key = base64.b32decode(secret_base32.upper() + "=" * (-len(secret_base32) % 8))
    moment = time.time() if at is None else at
    return hotp(key, int(moment // step), digits)
