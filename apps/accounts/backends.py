"""Authentication backends that load the person's profile with the user.

Every signed-in page reads ``user.profile`` (time zone, date format) — the dashboard's "today",
dates written the person's way — so the user is fetched with it in one query instead of two.
Behaviour is otherwise Django's and allauth's own.
"""

from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class _UserWithProfile:
    def get_user(self, user_id: Any) -> Any:
        model = get_user_model()
        try:
            user = model._default_manager.select_related("profile").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None  # type: ignore[attr-defined]


class ModelBackendWithProfile(_UserWithProfile, ModelBackend):
    """Django's password backend (admin ``createsuperuser`` accounts, tests' ``force_login``)."""


class AllauthBackendWithProfile(_UserWithProfile, AuthenticationBackend):
    """allauth's backend (email and password, login by code)."""
