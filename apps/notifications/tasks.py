"""django-q2 entry points: thin wrappers around apps.notifications.delivery."""

from __future__ import annotations

from .delivery import sweep as _sweep


def sweep() -> dict[str, object]:
    """Deliver every due notification (scheduled every few minutes)."""
    return _sweep().as_dict()
