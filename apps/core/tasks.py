"""Task functions for django-q2. Thin: plain arguments in, services do the work."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from .models import Heartbeat

QUEUE_HEARTBEAT = "task-queue"
# How many of the heartbeat schedule's intervals may pass without a beat before the queue is
# called stale: one beat may come late (django-q2's scheduler looks at its schedules about every
# 30 seconds, and a busy worker takes the task when one is free) or be missed; three intervals
# without any beat mean the scheduler or every worker is down.
STALE_AFTER_INTERVALS = 3


def heartbeat_stale_after() -> int:
    """Seconds after the last beat when /healthz calls the queue stale (and answers 503):
    ``HEARTBEAT_STALE_AFTER_SECONDS`` when set, else three intervals of the heartbeat schedule."""
    if settings.HEARTBEAT_STALE_AFTER_SECONDS:
        return settings.HEARTBEAT_STALE_AFTER_SECONDS
    from .schedules import SCHEDULES

    spec = next(spec for spec in SCHEDULES if spec.func == f"{__name__}.heartbeat")
    return STALE_AFTER_INTERVALS * 60 * (spec.minutes or 1)


def heartbeat() -> str:
    """Record that the scheduler fired and a worker ran a task."""
    now = timezone.now()
    Heartbeat.objects.update_or_create(name=QUEUE_HEARTBEAT, defaults={"beat_at": now})
    return now.isoformat()
