"""Test settings: the real settings with the few differences a test run needs."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-0123456789abcdef")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from .settings import *

# The suite serves plain HTTP (test client, live server for the browser tests).
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
SECURE_CSP.pop("upgrade-insecure-requests", None)

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# async_task() runs inline; read at import time by django-q2, so it must be set here.
Q_CLUSTER = {**Q_CLUSTER, "sync": True}

# Serve static files straight from the app directories (no collectstatic in tests).
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Concrete models for abstract machinery (e.g. the notification queue); test database only.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]
