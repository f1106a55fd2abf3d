"""django-q2 entry points: thin wrappers around ``apps.watch.services.run_watch``.

The weekly schedule calls ``watch_policies()``. A task may run only ``Q_CLUSTER["timeout"]``
seconds, so the run starts no new document after a budget that leaves room for the ones in
flight to finish (``task_budget``); if documents are left, it queues itself again to check
those not yet checked since the run began. Arguments are a timestamp and a round number only.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from django.conf import settings
from django.utils import timezone

from .fetch import FetchConfig
from .services import run_watch

logger = logging.getLogger(__name__)

MAX_ROUNDS = 20
MARGIN_SECONDS = 15  # recording the last results, and the worker's own overhead


def task_budget(config: FetchConfig | None = None) -> float:
    """Seconds a task may keep starting documents: its timeout, minus one document's total
    deadline and a margin (never less than one document's deadline)."""
    config = config or FetchConfig.from_settings()
    timeout = float(settings.Q_CLUSTER.get("timeout", 120))
    return max(config.total_timeout, timeout - config.total_timeout - MARGIN_SECONDS)


def watch_policies(started_at: str | None = None, round_number: int = 1) -> dict[str, Any]:
    """Check every watched document not yet checked since ``started_at`` (default: now)."""
    since = datetime.fromisoformat(started_at) if started_at else timezone.now()
    report = run_watch(not_checked_since=since, budget_seconds=task_budget())
    logger.info("policy watch, round %d: %s", round_number, report.summary())
    if report.skipped:
        if round_number < MAX_ROUNDS:
            from django_q.tasks import async_task

            async_task("apps.watch.tasks.watch_policies", since.isoformat(), round_number + 1)
        else:
            logger.error(
                "policy watch gave up after %d rounds with %d documents unchecked",
                round_number,
                report.skipped,
            )
    return report.as_dict()


def check_documents(document_ids: list[int]) -> dict[str, Any]:
    """Check these watched documents now (the admin's "Check now")."""
    from .services import watched_documents

    documents = watched_documents().filter(pk__in=document_ids)
    report = run_watch(documents=documents, budget_seconds=task_budget())
    logger.info("policy watch of %d chosen document(s): %s", len(document_ids), report.summary())
    return report.as_dict()
