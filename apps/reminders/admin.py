from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from apps.notifications.admin import NotificationAdminMixin

from .models import Reminder


@admin.register(Reminder)
class ReminderAdmin(NotificationAdminMixin, admin.ModelAdmin):
    list_display = ("__str__", *NotificationAdminMixin.list_display[1:])
    list_filter = ("status", "late", "kind")
    fields = ("request", "kind", "deadline_on", *NotificationAdminMixin.readonly_fields)
    readonly_fields = ("request", "kind", "deadline_on", *NotificationAdminMixin.readonly_fields)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
