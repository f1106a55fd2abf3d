"""Claim due notifications, send them over the configured mailer, record the outcome.

``sweep()`` is what the scheduled task runs. It is safe to run from several workers at once: a
batch is claimed under ``SELECT … FOR UPDATE SKIP LOCKED`` (PostgreSQL) or inside SQLite's
immediate write transaction, and flipped to *sending* before the transaction commits, so no
other sweep can take the same rows. Sending happens outside any transaction; the outcome is
written with a compare-and-set on the claim, so a claim that was taken back after its lease
expired cannot be marked twice.

Tunable in settings: ``NOTIFICATIONS_BACKOFF`` (seconds to wait after the 1st, 2nd… failure; one
more attempt than entries, then *failed*), ``NOTIFICATIONS_LEASE_SECONDS`` (when a *sending*
claim is presumed abandoned; longer than any task may run), ``NOTIFICATIONS_LATE_AFTER_SECONDS``
(how long after its due time a notification counts as late).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import mailers
from django.db import connection as db_connection, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from apps.core.logging import redact

from .models import Notification
from .registry import queues

logger = logging.getLogger(__name__)

Status = Notification.Status

DEFAULT_BACKOFF = (300, 900, 3600, 4 * 3600)


def backoff_schedule() -> tuple[int, ...]:
    return tuple(getattr(settings, "NOTIFICATIONS_BACKOFF", DEFAULT_BACKOFF))


def max_attempts() -> int:
    return len(backoff_schedule()) + 1


def lease() -> timedelta:
    return timedelta(seconds=getattr(settings, "NOTIFICATIONS_LEASE_SECONDS", 900))


def late_after() -> timedelta:
    return timedelta(seconds=getattr(settings, "NOTIFICATIONS_LATE_AFTER_SECONDS", 3600))


@dataclass
class SweepReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    cancelled: int = 0
    late: int = 0
    by_queue: dict[str, dict[str, int]] = field(default_factory=dict)

    def count(self, queue: str, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)
        per_queue = self.by_queue.setdefault(queue, {})
        per_queue[outcome] = per_queue.get(outcome, 0) + 1

    def as_dict(self) -> dict[str, object]:
        return {
            "sent": self.sent,
            "retrying": self.retrying,
            "failed": self.failed,
            "cancelled": self.cancelled,
            "late": self.late,
            "by_queue": self.by_queue,
        }


def due(model: type[Notification], *, now: datetime) -> QuerySet:
    """Rows a sweep at ``now`` would claim: due pending ones, and abandoned claims."""
    return model.objects.filter(
        Q(status=Status.PENDING, next_attempt_at__lte=now)
        | Q(status=Status.SENDING, claimed_at__lt=now - lease())
    )


def claim_batch(model: type[Notification], *, now: datetime, limit: int) -> list[Notification]:
    """Take up to ``limit`` due rows for this worker alone, committed before anything is sent."""
    lock_options: dict[str, object] = {"skip_locked": True}
    if db_connection.features.has_select_for_update_of:
        lock_options["of"] = ("self",)
    candidates = due(model, now=now)
    if related := getattr(model, "DELIVERY_SELECT_RELATED", ()):
        candidates = candidates.select_related(*related)
    with transaction.atomic():
        rows = list(
            candidates.select_for_update(**lock_options).order_by("next_attempt_at", "pk")[:limit]
        )
        if not rows:
            return []
        model.objects.filter(pk__in=[row.pk for row in rows]).update(
            status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
    for row in rows:
        row.status, row.claimed_at, row.attempts = Status.SENDING, now, row.attempts + 1
    return rows


def _settle(item: Notification, **changes: object) -> bool:
    """Write the outcome only if this claim is still ours (compare-and-set)."""
    updated = (
        type(item)
        .objects.filter(pk=item.pk, status=Status.SENDING, claimed_at=item.claimed_at)
        .update(**changes)
    )
    for name, value in changes.items():
        setattr(item, name, value)
    return updated == 1


def _fail(item: Notification, exc: BaseException, *, now: datetime, report: SweepReport) -> None:
    label = item._meta.label
    error = redact(f"{type(exc).__name__}: {exc}")[:300]
    if item.attempts >= max_attempts():
        _settle(item, status=Status.FAILED, last_error=error, claimed_at=None)
        logger.error(
            "%s #%s failed for good after %d attempts: %s", label, item.pk, item.attempts, error
        )
        report.count(label, "failed")
        return
    wait = backoff_schedule()[item.attempts - 1]
    _settle(
        item,
        status=Status.PENDING,
        next_attempt_at=now + timedelta(seconds=wait),
        last_error=error,
        claimed_at=None,
    )
    logger.warning(
        "%s #%s attempt %d failed, retrying in %ds: %s", label, item.pk, item.attempts, wait, error
    )
    report.count(label, "retrying")


def deliver(items: Iterable[Notification], *, now: datetime, report: SweepReport) -> None:
    """Send claimed items one by one over one mailer connection, recording each outcome.

    The connection opens lazily on the first send, so an unreachable mail server is an ordinary
    failed attempt of each item (retried with backoff), not an error that strands the batch.
    """
    mailer = mailers.default
    try:
        # One connection for the batch when the server is up. When it is not, each item's own
        # send tries again and records the error as a failed attempt.
        with contextlib.suppress(Exception):
            mailer.open()
        for item in items:
            label = item._meta.label
            item.late = now - item.due_at > late_after()
            try:
                message = item.build_message(now=now)
                if message is None:
                    _settle(item, status=Status.CANCELLED, claimed_at=None)
                    report.count(label, "cancelled")
                    continue
                if mailer.send_messages([message]) != 1:
                    raise RuntimeError("the mailer accepted no message (no recipient?)")
            except Exception as exc:  # any failure: record it, retry later, never drop it
                mailer.close()  # a broken connection must not fail the next items; reopened on use
                _fail(item, exc, now=now, report=report)
                continue
            _settle(item, status=Status.SENT, sent_at=timezone.now(), late=item.late, last_error="")
            report.count(label, "sent")
            if item.late:
                report.count(label, "late")
    finally:
        mailer.close()


def sweep(
    *,
    now: datetime | None = None,
    batch_size: int = 100,
    time_budget: float | None = 60.0,
    models: Iterable[type[Notification]] | None = None,
) -> SweepReport:
    """Plan and deliver the due notifications of ``models`` (default: every queue registered
    without a schedule of its own).

    ``time_budget`` (seconds) stops claiming new batches when exceeded, so one sweep never
    outlives its task timeout; what is left is taken by the next sweep.
    """
    now = now or timezone.now()
    started = time.monotonic()
    report = SweepReport()
    for model in queues(shared_only=True) if models is None else models:
        plan = getattr(model, "plan_due", None)
        if plan is not None:
            plan(now=now)
        while True:
            if time_budget is not None and time.monotonic() - started > time_budget:
                logger.info(
                    "sweep stopped at its %.0fs budget; the next sweep continues", time_budget
                )
                return report
            batch = claim_batch(model, now=now, limit=batch_size)
            if not batch:
                break
            deliver(batch, now=now, report=report)
    return report
