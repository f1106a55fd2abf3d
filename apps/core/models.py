from __future__ import annotations

from django.db import models


class Heartbeat(models.Model):
    """When a scheduled task last ran: proof, for /healthz, that worker and scheduler are alive."""

    name = models.CharField(max_length=50, unique=True)
    beat_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} at {self.beat_at:%Y-%m-%d %H:%M:%S}"
