"""A reminder email about one date of one request: an exactly-once ``Notification``.

One row per request, kind and date (``UniqueConstraint``), so planning the same reminder in two
sweeps, or in two sweeps at once, makes one row and one email. Which reminders a request earns,
and when, is decided in :mod:`apps.reminders.planner` from the request's stored date columns;
the email is written by :mod:`apps.reminders.emails`, which re-checks at sending time that the
reminder still applies (else it is cancelled).
"""

from __future__ import annotations

from datetime import datetime

from django.core.mail import EmailMessage
from django.db import models

from apps.notifications.models import Notification, due_index


class Reminder(Notification):
    OWNER_FIELD = "request__owner"  # apps.core.ownership
    DELIVERY_SELECT_RELATED = ("request__owner__profile",)

    request = models.ForeignKey(
        "tracker.PrivacyRequest", on_delete=models.CASCADE, related_name="reminders"
    )
    # "before_7" (7 days before the deadline), "due", "missed", "acknowledge", "draft":
    # see apps.reminders.planner.KINDS.
    kind = models.CharField(max_length=16)
    deadline_on = models.DateField(help_text="The date this reminder is about.")

    class Meta:
        ordering = ["due_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "kind", "deadline_on"], name="reminders_reminder_once"
            ),
        ]
        indexes = [
            due_index("reminders_reminder_due"),
            models.Index(fields=["request", "due_at"], name="reminders_reminder_request"),
        ]

    def __str__(self) -> str:  # no address or letter detail: admin lists keep personal data out
        return f"reminder #{self.pk}: {self.kind} {self.deadline_on:%Y-%m-%d}"

    @property
    def label(self) -> str:
        from .planner import kind_label

        return kind_label(self.kind)

    @classmethod
    def plan_due(cls, *, now: datetime) -> int:
        """Create the rows of every reminder due by ``now`` (called just before each sweep)."""
        from .planner import plan_due

        return plan_due(now=now)

    def build_message(self, *, now: datetime) -> EmailMessage | None:
        from .emails import reminder_message

        return reminder_message(self, now=now)
