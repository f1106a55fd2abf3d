"""Admin support for concrete notification queues (each app registers its own ModelAdmin)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from .models import Notification


class NotificationAdminMixin:
    list_display = ("__str__", "status", "due_at", "attempts", "sent_at", "late", "last_error")
    list_filter = ("status", "late")
    readonly_fields = (
        "due_at",
        "status",
        "next_attempt_at",
        "attempts",
        "claimed_at",
        "sent_at",
        "late",
        "last_error",
        "created_at",
    )
    actions = ("retry_now",)

    @admin.action(description="Retry the selected failed notifications now")
    def retry_now(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.filter(status=Notification.Status.FAILED).update(
            status=Notification.Status.PENDING,
            attempts=0,
            next_attempt_at=timezone.now(),
            last_error="",
        )
        self.message_user(
            request, f"{count} notification(s) will be retried by the next sweep.", messages.SUCCESS
        )  # type: ignore[attr-defined]
