"""Rightsdesk settings: one module, every deployment difference read from the environment.

The embedded default (no variables set but ``DEBUG=1``) runs on a laptop: SQLite under ``var/``,
django-q2's ORM broker, emails written to ``var/mail/``. The scale path switches parts on by
variable: ``DATABASE_URL`` (PostgreSQL), ``REDIS_URL`` (task broker and cache), ``EMAIL_HOST``
(SMTP). See README.md, "Configuration".
"""

from __future__ import annotations

import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from apps.core.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("RIGHTSDESK_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    key = env_str("SECRET_KEY")
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. It is required when DEBUG is off: generate one with "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'` and export SECRET_KEY."
        )
    # Local use: one random key kept under var/, shared by the web server and the task worker
    # (django-q2 signs task packages with it) and stable across restarts (sessions survive).
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()

SITE_NAME = "Rightsdesk"
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is empty. With DEBUG off, list the host names this site answers to, "
        "comma-separated: ALLOWED_HOSTS=rightsdesk.example"
    )
_site = urlsplit(SITE_URL)
CSRF_TRUSTED_ORIGINS = [f"{_site.scheme}://{_site.netloc}", *env_list("CSRF_TRUSTED_ORIGINS")]

INSTALLED_APPS = [
    "apps.accounts.apps.RightsdeskAdminConfig",  # django.contrib.admin behind staff + 2FA
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # widget templates for FORM_RENDERER
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_q",
    "apps.core",
    "apps.accounts",
    "apps.catalog",
    "apps.deadlines",
    "apps.letters",
    "apps.generator",
    "apps.tracker",
    "apps.notifications",
    "apps.reminders",
    "apps.watch",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "config.urls"
# Every form (ours and allauth's) uses templates/forms/field.html: one field markup everywhere.
FORM_RENDERER = "apps.core.forms.FormRenderer"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "apps.core.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------

DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'rightsdesk.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60), conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # The web server and the task worker write to the same file: take the write lock at
        # the start of each transaction and wait for it rather than failing with "locked".
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (allauth rate limits, django-q2 monitoring) ---------------------------------------

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    # Shared by every process on the machine, unlike the per-process local-memory cache, so
    # rate limits hold across the web server and the worker.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "rightsdesk_cache",
        }
    }

# --- Task queue (django-q2) -------------------------------------------------------------------

Q_CLUSTER: dict[str, object] = {
    "name": "rightsdesk",
    "workers": env_int("Q_WORKERS", 2),
    "timeout": env_int("Q_TIMEOUT", 120),  # seconds a task may run
    "retry": env_int("Q_TIMEOUT", 120) + 60,  # must exceed timeout, or a slow task runs twice
    "max_attempts": 3,
    "catch_up": False,  # after downtime run a missed schedule once, not once per missed slot
    "save_limit": 500,
    "ack_failures": True,
    "label": "Task queue",
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"
    Q_CLUSTER["poll"] = 1  # seconds between ORM broker polls; keeps SQLite quiet

# A scheduled heartbeat older than this means the worker or scheduler is not running, and
# /healthz answers 503. 0 (the default): three of the heartbeat schedule's intervals
# (apps.core.tasks.heartbeat_stale_after: 180 s for its one minute).
HEARTBEAT_STALE_AFTER_SECONDS = env_int("HEARTBEAT_STALE_AFTER_SECONDS", 0)

# --- Policy watch (apps.watch) ------------------------------------------------------------------

# How the weekly policy fetch behaves (README, "Configuration"). Whole seconds and bytes.
WATCH_CONCURRENCY = env_int("WATCH_CONCURRENCY", 8)  # documents fetched at once
WATCH_PER_HOST_DELAY = env_int("WATCH_PER_HOST_DELAY", 1)  # pause between requests to one host
WATCH_CONNECT_TIMEOUT = env_int("WATCH_CONNECT_TIMEOUT", 5)
WATCH_READ_TIMEOUT = env_int("WATCH_READ_TIMEOUT", 15)  # silence allowed between two reads
WATCH_TOTAL_TIMEOUT = env_int("WATCH_TOTAL_TIMEOUT", 30)  # one document, redirects included
WATCH_MAX_BYTES = env_int("WATCH_MAX_BYTES", 5_000_000)  # larger responses are abandoned
WATCH_MAX_REDIRECTS = env_int("WATCH_MAX_REDIRECTS", 5)
# Networks the SSRF guard lets through although they are not public. Empty in every real
# deployment; only tests (and the benchmark) put their loopback server here, in code.
WATCH_ALLOWED_NETWORKS: list[str] = []

# --- Email ------------------------------------------------------------------------------------

DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Rightsdesk <no-reply@rightsdesk.localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
MAIL_DIR = VAR_DIR / "mail"
if env_str("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env_str("EMAIL_HOST"),
                "port": env_int("EMAIL_PORT", 587),
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_str("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "use_ssl": env_bool("EMAIL_USE_SSL", False),
                "timeout": env_int("EMAIL_TIMEOUT", 20),
            },
        }
    }
elif env_str("EMAIL_BACKEND") == "console":
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
elif DEBUG:
    # Local default: every email is written as a file under var/mail/ (see README).
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(MAIL_DIR)},
        }
    }
else:
    # Production without EMAIL_HOST: hand mail to the machine's own mail relay on port 25.
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "localhost", "port": 25, "timeout": env_int("EMAIL_TIMEOUT", 20)},
        }
    }

# --- Accounts (django-allauth) ----------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Django's and allauth's backends, loading the profile with the user (one query, not two).
    "apps.accounts.backends.ModelBackendWithProfile",
    "apps.accounts.backends.AllauthBackendWithProfile",
]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# Nobody signs in (so nothing can be saved) before confirming their address by the emailed link.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Confirming in the browser that signed up signs the person in (allauth checks it is the same
# session); a link opened elsewhere only confirms.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
# One address per account: changing it replaces the old one once the new one is confirmed.
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
# "Email me a sign-in code" as an alternative to the password.
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
# Changing the password or address, and two-factor settings, ask for the password again.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_FORMS = {"login": "apps.accounts.forms.LoginForm"}
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Rightsdesk] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = _site.scheme
# allauth's rate limits are on with its defaults (e.g. 5 failed sign-ins per address per 5
# minutes, 30 sign-in attempts per minute per IP address → 429). They live in the cache, which
# is shared by every process (database or Redis; never the per-process local memory).
# Behind a TLS-terminating proxy, count the proxies so limits apply to the client's address.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# The request wizard keeps an anonymous person's answers in an encrypted cookie for this many
# seconds (renewed at each step; stated on /privacy/), and limits PDF renders (~185 ms of CPU
# each) per client: (renders, seconds); signed-in people get more (apps.generator.limits).
GENERATOR_STATE_MAX_AGE = env_int("GENERATOR_STATE_MAX_AGE", 2 * 60 * 60)
GENERATOR_PDF_LIMIT_ANONYMOUS = (env_int("GENERATOR_PDF_LIMIT_ANONYMOUS", 10), 600)
GENERATOR_PDF_LIMIT_SIGNED_IN = (env_int("GENERATOR_PDF_LIMIT_SIGNED_IN", 60), 600)
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "tracker:dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "core:home"

# Retention, enforced daily by apps.accounts.tasks.enforce_retention and stated on /privacy/:
# sign-ups whose address is never confirmed, and records of background tasks that failed
# (django-q2 keeps the last Q_CLUSTER["save_limit"] successful ones by itself).
UNCONFIRMED_SIGNUP_RETENTION_DAYS = env_int("UNCONFIRMED_SIGNUP_RETENTION_DAYS", 7)
FAILED_TASK_RETENTION_DAYS = env_int("FAILED_TASK_RETENTION_DAYS", 30)

# Two-factor: an authenticator app (TOTP) with recovery codes; no security keys for now.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
MFA_ADAPTER = "apps.accounts.adapters.MFAAdapter"  # authenticator secrets encrypted at rest

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Internationalisation ---------------------------------------------------------------------

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Security ---------------------------------------------------------------------------------

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Links to a platform's policy must not tell the platform which page of ours the person was on.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Flash messages live in the session, not in a cookie of their own (they can name an address).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# No inline script or style anywhere; nothing is loaded from another host.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CSP["upgrade-insecure-requests"] = True
    if env_bool("TRUST_X_FORWARDED_PROTO", False):
        # Behind a TLS-terminating proxy that sets this header (and strips it from clients).
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

ADMINS = env_list("ADMINS")

# --- Logging ----------------------------------------------------------------------------------

# Every handler masks email addresses. Django's own "django" and "django.server" loggers are
# redefined here so the unfiltered handlers Django attaches by default are replaced, and error
# emails to ADMINS leave out POST data and local variables (DEFAULT_EXCEPTION_REPORTER_FILTER).
DEFAULT_EXCEPTION_REPORTER_FILTER = "apps.core.logging.PrivateExceptionReporterFilter"
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "redact": {"()": "apps.core.logging.RedactPersonalData"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "redact"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["console", "mail_admins"], "level": LOG_LEVEL, "propagate": False},
        "django.server": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "django.db.backends": {"level": "WARNING"},
        "httpx": {"level": "WARNING"},
        "httpcore": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # WeasyPrint warns with fragments of the text it lays out (a glyph it cannot draw):
        # letters hold names and identifiers, so only its errors are logged.
        "weasyprint": {"level": "ERROR"},
    },
}
