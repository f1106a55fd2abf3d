"""Production settings: secure, HttpOnly cookies, HSTS, strict referrer policy, no framing.

Read from a fresh process with production environment variables (see test_settings.py), and
checked on real responses."""

from __future__ import annotations

import pytest

from tests.core.test_settings import PRODUCTION, settings_value

EXPECTED = {
    "settings.SESSION_COOKIE_SECURE": "True",
    "settings.SESSION_COOKIE_HTTPONLY": "True",
    "settings.CSRF_COOKIE_SECURE": "True",
    "settings.CSRF_COOKIE_HTTPONLY": "True",
    "settings.SECURE_SSL_REDIRECT": "True",
    "settings.SECURE_HSTS_SECONDS >= 31536000": "True",
    "settings.SECURE_HSTS_INCLUDE_SUBDOMAINS": "True",
    "settings.SECURE_REFERRER_POLICY": "same-origin",
    "settings.X_FRAME_OPTIONS": "DENY",
    "settings.SECURE_CSP['frame-ancestors']": "[<CSP.NONE: \"'none'\">]",
    "settings.SECURE_CSP.get('upgrade-insecure-requests')": "True",
    "settings.MESSAGE_STORAGE": "django.contrib.messages.storage.session.SessionStorage",
    "settings.MFA_ADAPTER": "apps.accounts.adapters.MFAAdapter",
}


def test_production_settings_harden_cookies_transport_and_framing(tmp_path):
    for expression, expected in EXPECTED.items():
        assert settings_value(expression, PRODUCTION, tmp_path) == expected, expression


def test_behind_a_proxy_rate_limits_count_the_clients_address(tmp_path):
    env = {**PRODUCTION, "TRUST_X_FORWARDED_PROTO": "1", "TRUSTED_PROXY_COUNT": "1"}
    assert settings_value("settings.ALLAUTH_TRUSTED_PROXY_COUNT", env, tmp_path) == "1"
    assert settings_value("settings.SECURE_PROXY_SSL_HEADER", env, tmp_path) == (
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


@pytest.mark.django_db
def test_responses_carry_the_security_headers_and_cookies_are_httponly(client, alice):
    response = client.post(
        "/accounts/login/",
        {"login": "alice@example.org", "password": "correct horse battery staple 42"},
    )
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    session = response.cookies["sessionid"]
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    page = client.get("/account/settings/")
    assert page.cookies.get("csrftoken") is None or page.cookies["csrftoken"]["httponly"]
    assert "messages" not in page.cookies  # flash messages stay in the session
