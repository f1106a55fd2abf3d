"""Task functions for django-q2. Thin: the work is in ``retention``."""

from __future__ import annotations

import logging

from . import retention

logger = logging.getLogger(__name__)


def enforce_retention() -> str:
    signups = retention.purge_unconfirmed_signups()
    retention.clear_expired_sessions()
    failures = retention.prune_failed_tasks()
    cache_rows = retention.clear_expired_cache_entries()
    summary = (
        f"removed {signups} unconfirmed sign-ups, {failures} old failed-task records "
        f"and {cache_rows} expired cache entries"
    )
    logger.info("retention: %s", summary)
    return summary
