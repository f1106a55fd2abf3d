"""Task functions for django-q2. Thin: plain arguments in, services do the work."""

from __future__ import annotations

from django.utils import timezone

from .models import Heartbeat

QUEUE_HEARTBEAT = "task-queue"


def heartbeat() -> str:
    """Record that the scheduler fired and a worker ran a task."""
    now = timezone.now()
    Heartbeat.objects.update_or_create(name=QUEUE_HEARTBEAT, defaults={"beat_at": now})
    return now.isoformat()
