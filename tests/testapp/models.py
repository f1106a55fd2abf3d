from __future__ import annotations

from datetime import datetime

from django.core.mail import EmailMessage
from django.db import models

from apps.notifications.models import Notification, due_index


class Ping(Notification):
    """A minimal concrete notification: one email to one address, unique per key."""

    key = models.CharField(max_length=100, unique=True)
    to = models.EmailField()
    still_wanted = models.BooleanField(default=True)

    class Meta:
        indexes = [due_index("testapp_ping_due")]

    def __str__(self) -> str:
        return self.key

    def build_message(self, *, now: datetime) -> EmailMessage | None:
        if not self.still_wanted:
            return None
        suffix = " (late)" if self.late else ""
        return EmailMessage(
            subject=f"ping {self.key}{suffix}", body=f"ping {self.key}", to=[self.to]
        )
