"""Writes and sweeps of the reminders app: keyword-only functions."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from django.utils import timezone

from apps.notifications.delivery import SweepReport, sweep

from .models import Reminder

logger = logging.getLogger(__name__)


def turn_reminders_off(*, user: Any) -> None:
    """Stop every reminder email to ``user`` (planned ones are cancelled when their turn comes)."""
    profile = user.profile
    if profile.reminders_enabled:
        profile.reminders_enabled = False
        profile.save(update_fields=["reminders_enabled", "updated_at"])
        logger.info("reminders turned off for user %s", user.pk)


def sweep_reminders(
    *, now: datetime | None = None, time_budget: float | None = 60.0, batch_size: int = 100
) -> SweepReport:
    """Plan the reminders due by ``now`` and deliver every due one, exactly once."""
    return sweep(
        now=now or timezone.now(), models=[Reminder], time_budget=time_budget, batch_size=batch_size
    )
