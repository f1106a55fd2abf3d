"""What the privacy page promises about how long things are kept, enforced by a daily task."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.management import call_command
from django.utils import timezone
from django_q.models import Failure, Schedule, Success

from apps.accounts import retention
from apps.accounts.tasks import enforce_retention
from apps.core.schedules import sync_schedules
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_a_sign_up_never_confirmed_is_deleted_after_the_stated_number_of_days(settings):
    settings.UNCONFIRMED_SIGNUP_RETENTION_DAYS = 7
    now = timezone.now()
    stale = make_user("stale@example.org", verified=False, date_joined=now - timedelta(days=8))
    recent = make_user("recent@example.org", verified=False, date_joined=now - timedelta(days=6))
    confirmed = make_user("old@example.org", date_joined=now - timedelta(days=400))
    operator = make_user(
        "ops@example.org", verified=False, is_staff=True, date_joined=now - timedelta(days=30)
    )
    assert retention.purge_unconfirmed_signups(now=now) == 1
    remaining = set(get_user_model().objects.values_list("email", flat=True))
    assert stale.email not in remaining
    assert {recent.email, confirmed.email, operator.email} <= remaining


def test_expired_sessions_are_removed():
    old = SessionStore()
    old.create()
    Session.objects.filter(session_key=old.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    live = SessionStore()
    live.create()
    retention.clear_expired_sessions()
    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]


def make_task(model, stopped):
    return model.objects.create(
        id=f"{model.__name__}{stopped.timestamp()}"[:32],
        name="t",
        func="apps.core.tasks.heartbeat",
        started=stopped,
        stopped=stopped,
        success=model is Success,
    )


def test_failed_task_records_are_kept_for_the_stated_number_of_days_only(settings):
    settings.FAILED_TASK_RETENTION_DAYS = 30
    now = timezone.now()
    old_failure = make_task(Failure, now - timedelta(days=31))
    new_failure = make_task(Failure, now - timedelta(days=29))
    old_success = make_task(Success, now - timedelta(days=90))  # capped by save_limit instead
    assert retention.prune_failed_tasks(now=now) == 1
    assert not Failure.objects.filter(pk=old_failure.pk).exists()
    assert Failure.objects.filter(pk=new_failure.pk).exists()
    assert Success.objects.filter(pk=old_success.pk).exists()


def test_expired_rate_limit_counters_are_removed_from_a_database_cache(settings, time_machine):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "db": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "retention_test_cache",
        },
    }
    call_command("createcachetable", "retention_test_cache", verbosity=0)
    cache = caches["db"]
    cache.set("allauth:rl:login:ip:192.0.2.1", [1.0], timeout=60)
    cache.set("long-lived", "x", timeout=3600)
    time_machine.move_to(timezone.now() + timedelta(minutes=5))
    assert retention.clear_expired_cache_entries() == 1
    assert cache.get("long-lived") == "x"


def test_the_retention_task_runs_daily_from_the_declared_schedule():
    sync_schedules()
    schedule = Schedule.objects.get(name="rightsdesk:accounts-retention")
    assert schedule.func == "apps.accounts.tasks.enforce_retention"
    assert schedule.schedule_type == Schedule.DAILY
    assert "unconfirmed sign-ups" in enforce_retention()
