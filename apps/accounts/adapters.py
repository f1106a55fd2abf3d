"""allauth adapters: two-factor secrets are stored encrypted.

allauth stores each authenticator's secret (the TOTP key, the recovery-code seed) in the
database and leaves encryption to the project. We encrypt them with Fernet (AES-128-CBC and
HMAC-SHA256) under a key derived from SECRET_KEY, so a copy of the database alone does not let
anyone generate someone's codes. Keys from SECRET_KEY_FALLBACKS still decrypt, so rotating
SECRET_KEY the Django way does not lock anyone out.
"""

from __future__ import annotations

from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import MultiFernet

from apps.core.crypto import fernet_for

_PURPOSE = b"rightsdesk.mfa.secrets.v1"


def _keys() -> MultiFernet:
    return fernet_for(_PURPOSE)


class MFAAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        return _keys().encrypt(text.encode()).decode("ascii")

    def decrypt(self, encrypted_text: str) -> str:
        return _keys().decrypt(encrypted_text.encode("ascii")).decode()
