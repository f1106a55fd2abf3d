"""The admin site, behind staff status AND two-factor authentication.

Django's own admin login form is never shown: it would let a password alone in. Signing in
happens through allauth (with its rate limits and two-factor step); the admin then also wants
proof in the session that this sign-in used an authenticator. A staff member without an
authenticator app is told to enable two-factor first; one who enabled it after signing in is
asked to confirm with a code once.
"""

from __future__ import annotations

from typing import Any

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode


def has_authenticator_app(user: Any) -> bool:
    return is_mfa_enabled(user, [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN])


def signed_in_with_two_factor(request: HttpRequest) -> bool:
    """Did this session pass a two-factor check (authenticator code or recovery code)?"""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


class RightsdeskAdminSite(admin.AdminSite):
    site_header = "Rightsdesk administration"
    site_title = "Rightsdesk admin"
    index_title = "Administration"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(
            user.is_active
            and user.is_staff
            and has_authenticator_app(user)
            and signed_in_with_two_factor(request)
        )

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = ""
        next_url = next_url or reverse("admin:index", current_app=self.name)
        user = request.user
        if not user.is_authenticated:
            login_url = resolve_url("account_login")
            return HttpResponseRedirect(f"{login_url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
        if not (user.is_active and user.is_staff):
            raise PermissionDenied("The admin is for staff members only.")
        if self.has_permission(request):
            return HttpResponseRedirect(next_url)
        context = {
            "has_authenticator": has_authenticator_app(user),
            "next_url": next_url,
        }
        return render(request, "accounts/admin_two_factor_required.html", context, status=403)
