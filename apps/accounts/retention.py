"""How long things are kept: the periods the privacy page states, enforced.

Run daily by the ``accounts-retention`` schedule (``apps.accounts.tasks.enforce_retention``).
Periods come from settings (``UNCONFIRMED_SIGNUP_RETENTION_DAYS``,
``FAILED_TASK_RETENTION_DAYS``, ``SESSION_COOKIE_AGE``), so the page and the code never differ.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from importlib import import_module

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router
from django.utils import timezone
from django_q.models import Failure

from .models import User
from .services import delete_account


def purge_unconfirmed_signups(*, now: datetime | None = None) -> int:
    """Delete sign-ups whose address was never confirmed in time; returns how many.

    Nobody could sign in to these accounts, so they hold nothing but an address (which may not
    even be the sign-up's own) and a password hash. Staff accounts are left alone: an operator
    made them, not a sign-up form.
    """
    cutoff = (now or timezone.now()) - timedelta(days=settings.UNCONFIRMED_SIGNUP_RETENTION_DAYS)
    confirmed = EmailAddress.objects.filter(verified=True).values("user_id")
    stale = User.objects.filter(date_joined__lt=cutoff, is_staff=False, is_superuser=False).exclude(
        pk__in=confirmed
    )
    count = 0
    for user in stale.iterator():
        delete_account(user=user, notify=False)
        count += 1
    return count


def clear_expired_sessions() -> None:
    """Django keeps expired sessions until told to remove them (``clearsessions``)."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()


def prune_failed_tasks(*, now: datetime | None = None) -> int:
    """django-q2 keeps failed tasks (with their arguments) forever; we keep them a while."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.FAILED_TASK_RETENTION_DAYS)
    deleted, _ = Failure.objects.filter(stopped__lt=cutoff).delete()
    return deleted


def clear_expired_cache_entries() -> int:
    """Remove expired rows from database caches; returns how many.

    Rate-limit counters (keyed by IP address, or by a hash of an email address) expire within
    minutes, but Django's database cache only deletes expired rows when the table grows past
    its size limit. Redis drops expired keys by itself.
    """
    deleted = 0
    for alias in settings.CACHES:
        backend = caches[alias]
        if not isinstance(backend, DatabaseCache):
            continue
        connection = connections[router.db_for_write(backend.cache_model_class)]
        table = connection.ops.quote_name(backend._table)
        expires = connection.ops.quote_name("expires")
        now = connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))
        with connection.cursor() as cursor:
            # Identifiers are quoted by the database backend; the value is a parameter.
            cursor.execute(f"DELETE FROM {table} WHERE {expires} < %s", [now])  # noqa: S608
            deleted += max(cursor.rowcount, 0)
    return deleted
