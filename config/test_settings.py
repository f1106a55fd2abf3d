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

# async_task() runs inline; read at import time by django-q2, so it must be set here. The
# end-to-end test's real ``qcluster`` subprocess (RIGHTSDESK_TEST_QCLUSTER=1) runs them for real.
if os.environ.get("RIGHTSDESK_TEST_QCLUSTER") == "1":
    Q_CLUSTER = {**Q_CLUSTER, "sync": False, "workers": 1, "poll": 0.2}
else:
    Q_CLUSTER = {**Q_CLUSTER, "sync": True}

# On SQLite the test database is a file, not memory, so a subprocess (the end-to-end test's
# qcluster) can open the same database; one file per test run.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}

# Serve static files straight from the app directories (no collectstatic in tests).
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Concrete models for abstract machinery (e.g. the notification queue); test database only.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]
