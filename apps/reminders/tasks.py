"""django-q2 entry points: thin wrappers around apps.reminders.services."""

from __future__ import annotations

from .services import sweep_reminders


def sweep() -> dict[str, object]:
    """Plan and send every due reminder (the reminders-sweep schedule, every few minutes)."""
    return sweep_reminders().as_dict()
