"""A privacy request a person saved: the exact letter, whom it went to, and under which law.

Thin model: the letter's content comes from :mod:`apps.letters`, the dates from
:mod:`apps.deadlines` (recomputed from the inputs kept here, never stored by hand). Issue 6 adds
the event timeline (``RequestEvent``), the status transitions and the stored date columns.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse

from apps.catalog.recipients import Recipient

from .lifecycle import CLOSED, WAITING, EventKind, Status

# The statuses and event kinds are defined once, in the lifecycle module that derives them.
RequestStatus = models.TextChoices(
    "RequestStatus", [(status.name, (status.value, status.label)) for status in Status]
)
EventKindChoices = models.TextChoices(
    "EventKindChoices", [(kind.name, (kind.value, kind.label)) for kind in EventKind]
)

_WAITING = sorted(status.value for status in WAITING)


class PrivacyRequest(models.Model):
    Status = RequestStatus

    # Requests in these states are finished: nothing is awaited from the company.
    CLOSED = CLOSED
    # The company still owes an answer: deadlines run.
    WAITING = WAITING

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="privacy_requests"
    )
    # The catalog platform, while it exists (load_catalog may remove one); the recipient
    # snapshot below is what the letter was addressed to either way.
    platform = models.ForeignKey(
        "catalog.Platform",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="privacy_requests",
    )
    recipient = models.JSONField(help_text="Recipient.as_dict() when the letter was written.")
    rights = models.JSONField(help_text="The rights asked for, in the letter's order.")
    regime = models.CharField(max_length=20, help_text="The regime whose deadline applies.")
    regimes = models.JSONField(help_text="Every regime the letter cites, strongest first.")
    country = models.CharField(max_length=2)
    region = models.CharField(max_length=3, blank=True)
    company_country = models.CharField(
        max_length=2, blank=True, help_text="Country of the legal entity (GDPR holidays)."
    )
    identifiers = models.JSONField(default=dict, help_text="Only what the person gave.")
    reference = models.CharField(max_length=32)
    subject = models.CharField(max_length=500)
    body = models.TextField(help_text="The exact letter text.")
    body_sha256 = models.CharField(max_length=64)
    dated_on = models.DateField(help_text="The date written on the letter.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # --- Derived from the timeline (services.request_recompute): never set by hand -------------
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    sent_on = models.DateField(null=True, blank=True)
    acknowledged_on = models.DateField(null=True, blank=True)
    extension_claimed_on = models.DateField(null=True, blank=True)
    extension_in_time = models.BooleanField(null=True, blank=True)
    answered_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    follow_up_on = models.DateField(null=True, blank=True)
    escalate_from = models.DateField(
        null=True, blank=True, help_text="After a follow-up: when escalating is suggested."
    )
    complaint_on = models.DateField(null=True, blank=True)
    due_on = models.DateField(
        null=True, blank=True, help_text="The earliest deadline in force (None: no statute)."
    )
    due_dates = models.JSONField(
        default=list,
        blank=True,
        help_text="Every date in force with its rights (lifecycle.DueDate.as_dict), soonest first.",
    )
    overdue_after = models.DateField(
        null=True, blank=True, help_text="Latest plausible reading: not overdue on or before it."
    )
    acknowledge_by = models.DateField(null=True, blank=True)
    acknowledge_overdue_after = models.DateField(null=True, blank=True)
    courtesy_reply_by = models.DateField(
        null=True, blank=True, help_text="The reply date asked for where no statute sets one."
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["owner", "-created_at"], name="tracker_request_owner_idx"),
            models.Index(fields=["platform", "status"], name="tracker_request_platform_idx"),
            # The reminder sweep's date ranges (apps.reminders.planner): partial, so they hold
            # only the requests a reminder can still be about, whatever the table's size. The
            # deadlines themselves are ranged through OpenDeadline's indexes.
            models.Index(
                fields=["acknowledge_overdue_after"],
                name="tracker_request_ack_open",
                condition=models.Q(status__in=_WAITING, acknowledged_on__isnull=True),
            ),
            models.Index(
                fields=["dated_on"],
                name="tracker_request_draft",
                condition=models.Q(status=Status.DRAFT.value),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=[s.value for s in RequestStatus]),
                name="tracker_request_status_known",
            )
        ]

    def __str__(self) -> str:
        return f"Request {self.code}"

    def get_absolute_url(self) -> str:
        return reverse("tracker:detail", kwargs={"code": self.code})

    @property
    def is_open(self) -> bool:
        return self.status not in self.CLOSED

    @property
    def recipient_value(self) -> Recipient:
        return Recipient.from_dict(self.recipient)


class RequestEvent(models.Model):
    """One entry of a request's timeline. Never edited or deleted: a wrong date is corrected by
    a ``date_corrected`` event naming this one (``details = {"event": id, "from": …, "to": …}``)."""

    Kind = EventKindChoices
    OWNER_FIELD = "request__owner"

    request = models.ForeignKey(PrivacyRequest, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=24, choices=EventKindChoices.choices)
    occurred_on = models.DateField(
        help_text="When it happened (for a correction: when it was made)."
    )
    details = models.JSONField(default=dict, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["occurred_on", "id"]
        indexes = [models.Index(fields=["request", "id"], name="tracker_event_request_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=[kind.value for kind in EventKind]),
                name="tracker_event_kind_known",
            )
        ]

    def __str__(self) -> str:
        return f"{EventKind(self.kind).label} on {self.occurred_on:%Y-%m-%d}"


class OpenDeadline(models.Model):
    """One date a request still waiting for an answer must be met by: the reminder planner's
    index of :attr:`PrivacyRequest.due_dates`. Rows exist only while the request waits (sent,
    acknowledged, extended); ``services.request_recompute`` rewrites them with the columns, and
    nothing else writes them. Range queries on ``due_on``/``overdue_after`` therefore touch only
    dates a reminder can still be about, whatever the number of requests ever saved."""

    OWNER_FIELD = "request__owner"

    request = models.ForeignKey(
        PrivacyRequest, on_delete=models.CASCADE, related_name="open_deadlines"
    )
    due_on = models.DateField()
    overdue_after = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["request", "due_on"], name="tracker_deadline_once")
        ]
        indexes = [
            models.Index(fields=["due_on"], name="tracker_deadline_due"),
            models.Index(fields=["overdue_after"], name="tracker_deadline_overdue"),
        ]

    def __str__(self) -> str:
        return f"deadline {self.due_on:%Y-%m-%d} of request #{self.request_id}"
