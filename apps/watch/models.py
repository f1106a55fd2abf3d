"""What the policy watch keeps: versions of each watched document, every check, follows, alerts.

- ``Snapshot``: one row per real change of a document's text (its first is the baseline). The
  text is the normalised text (``apps.watch.extract``), so versions differ only when the policy
  did. Numbered per document from 1.
- ``Check``: one row per attempt to read a document, with its outcome. Failures live here only:
  they never create a snapshot.
- ``Follow``: a person asked to hear about a platform's policy changes.
- ``PolicyAlert``: the exactly-once email telling one person about one change
  (``apps.notifications``).

Writes go through ``apps.watch.services``.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.urls import reverse

from apps.catalog.models import Document, Platform
from apps.notifications.models import Notification, due_index


class Snapshot(models.Model):
    class Kind(models.TextChoices):
        BASELINE = "baseline", "First version"
        CHANGE = "change", "Changed"
        REBASELINE = "rebaseline", "New baseline"

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="snapshots")
    number = models.PositiveIntegerField("version", help_text="Numbered per document, from 1.")
    kind = models.CharField(
        max_length=10,
        choices=Kind,
        help_text="A new baseline starts when the watched address, the selector or the text "
        "extraction changed: the text differs for a reason other than the policy.",
    )
    text = models.TextField(help_text="The normalised text: one paragraph per line.")
    sha256 = models.CharField("SHA-256 of the text", max_length=64, db_index=True)
    words = models.PositiveIntegerField(default=0)
    words_added = models.PositiveIntegerField(default=0, help_text="Since the previous version.")
    words_removed = models.PositiveIntegerField(default=0, help_text="Since the previous version.")
    fetched_at = models.DateTimeField("first read", help_text="When this text was first read.")
    last_seen_at = models.DateTimeField(help_text="The latest check that found this text.")
    source_url = models.URLField(max_length=500, help_text="The address the catalog watches.")
    final_url = models.CharField(max_length=2000, help_text="Where it was read, after redirects.")
    css_selector = models.CharField(max_length=200, blank=True)
    extractor_version = models.PositiveSmallIntegerField()
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    reviewed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When a catalog admin checked the platform's provisions against this change.",
    )

    class Meta:
        verbose_name = "version"
        ordering = ["document", "number"]
        get_latest_by = "number"
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="watch_snapshot_number"),
        ]
        indexes = [models.Index(fields=["kind", "reviewed_at"], name="watch_snapshot_review")]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"

    @property
    def is_change(self) -> bool:
        return self.kind == self.Kind.CHANGE

    @property
    def needs_review(self) -> bool:
        return self.is_change and self.reviewed_at is None

    def diff_url(self) -> str:
        """The document page showing what this version changed (the previous one against it)."""
        path = reverse(
            "watch:document",
            kwargs={"slug": self.document.platform.slug, "key": self.document.key},
        )
        if self.number == 1:
            return path
        return f"{path}?from={self.number - 1}&to={self.number}#diff"


class Check(models.Model):
    class Outcome(models.TextChoices):
        # Read, and the text compared.
        BASELINE = "baseline", "Baseline stored"
        CHANGED = "changed", "Changed"
        UNCHANGED = "unchanged", "No change"
        NOT_MODIFIED = "not_modified", "Not modified (304)"
        # Failures: recorded with the error, never a snapshot.
        HTTP_ERROR = "http_error", "HTTP error"
        TIMEOUT = "timeout", "Timed out"
        TOO_LARGE = "too_large", "Too large"
        BLOCKED = "blocked", "Blocked address"
        TOO_MANY_REDIRECTS = "too_many_redirects", "Too many redirects"
        BAD_URL = "bad_url", "Refused URL"
        CONNECTION = "connection_error", "Connection failed"
        SELECTOR_NOT_FOUND = "selector_not_found", "Selector matched nothing"
        UNSUPPORTED = "unsupported", "Not a web page"
        EMPTY = "empty", "No readable text"

    SUCCESSES = (Outcome.BASELINE, Outcome.CHANGED, Outcome.UNCHANGED, Outcome.NOT_MODIFIED)

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="checks")
    checked_at = models.DateTimeField(db_index=True)
    outcome = models.CharField(max_length=20, choices=Outcome)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)
    url = models.URLField(max_length=500, help_text="The address requested.")
    final_url = models.CharField(max_length=2000, blank=True)
    seconds = models.FloatField(default=0)
    snapshot = models.ForeignKey(
        Snapshot,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="checks",
        help_text="The version this check stored or confirmed.",
    )

    class Meta:
        ordering = ["-checked_at", "-pk"]
        indexes = [models.Index(fields=["document", "-checked_at"], name="watch_check_latest")]

    def __str__(self) -> str:
        return f"{self.document}: {self.get_outcome_display()}"

    @property
    def ok(self) -> bool:
        return self.outcome in self.SUCCESSES


class Follow(models.Model):
    """A person who wants an email whenever one of the platform's watched documents changes."""

    OWNER_FIELD = "user"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["platform__name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "platform"], name="watch_follow_once"),
        ]

    def __str__(self) -> str:
        return f"follows {self.platform}"


class PolicyAlert(Notification):
    """One email to one person about one change of a watched document."""

    OWNER_FIELD = "user"
    DELIVERY_SELECT_RELATED = ("snapshot__document__platform", "user__profile")

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="alerts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="policy_alerts"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "user"], name="watch_alert_once"),
        ]
        indexes = [due_index("watch_policyalert_due")]

    def __str__(self) -> str:  # no address: admin list displays keep personal data out
        return f"alert #{self.pk}: {self.snapshot_id and self.snapshot}"

    def build_message(self, *, now: datetime) -> EmailMessage | None:
        from .alerts import alert_message

        return alert_message(self, now=now)


# --- Admin views of the same rows -----------------------------------------------------------


class ChangeToReview(Snapshot):
    """Changes whose platform's provisions a catalog admin has not yet checked (admin queue)."""

    class Meta:
        proxy = True
        verbose_name = "change to review"
        verbose_name_plural = "changes to review"


class FetchFailure(Check):
    """Checks that could not read their document (admin list)."""

    class Meta:
        proxy = True
        ordering = ["-checked_at", "-pk"]
        verbose_name = "fetch failure"
        verbose_name_plural = "fetch failures"


class WatchedDocument(Document):
    """The catalog's watched documents with their watch status (admin overview)."""

    class Meta:
        proxy = True
        verbose_name = "watched document"
        verbose_name_plural = "watched documents"
