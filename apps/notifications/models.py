"""The exactly-once email queue, as an abstract model each kind of notification builds on.

A concrete queue (a request's reminders, a policy-change alert) subclasses ``Notification``,
adds its own relations and a unique constraint on its natural key (so planning the same
notification twice creates one row), registers itself with ``apps.notifications.registry`` and
implements ``build_message()``. The sweep in ``apps.notifications.delivery`` does the rest:

    pending ──claim (row lock, skip locked)──▶ sending ──sent──▶ sent
       ▲                                          │
       └──── failed attempt, retry with backoff ──┘──▶ failed (after the last attempt)

A row is claimed in its own committed transaction *before* the email goes out, and marked sent
afterwards with a compare-and-set on the claim, so two sweeps running at once never send it
twice. A claim left behind by a worker that died mid-send is taken back after a lease that is
longer than any task may run.
"""

from __future__ import annotations

from datetime import datetime

from django.core.mail import EmailMessage
from django.db import models


class Notification(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"

    due_at = models.DateTimeField(help_text="When it should go out.")
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    next_attempt_at = models.DateTimeField(
        help_text="When the next attempt may be made: the due time, later after a failure."
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    late = models.BooleanField(
        default=False, help_text="Sent well after it was due (e.g. the worker was down)."
    )
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def save(self, *args: object, **kwargs: object) -> None:
        if self.next_attempt_at is None:
            self.next_attempt_at = self.due_at
        super().save(*args, **kwargs)

    def build_message(self, *, now: datetime) -> EmailMessage | None:
        """The email to send now, or None when it no longer applies (it is then cancelled).

        Called after the claim, so it may re-check the world (the request was fulfilled, the
        person turned reminders off) and decline. ``self.late`` is already set when it is late.
        """
        raise NotImplementedError


def due_index(name: str) -> models.Index:
    """The partial index a concrete queue declares in its Meta: the sweep filters on it."""
    return models.Index(
        fields=["next_attempt_at"],
        name=name,
        condition=models.Q(status__in=[Notification.Status.PENDING, Notification.Status.SENDING]),
    )
