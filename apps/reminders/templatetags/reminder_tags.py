"""The reminders on the tracker's request page: ``{% load reminder_tags %}{% reminders_box saved %}``."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from ..models import Reminder
from ..planner import upcoming_for

register = template.Library()


@register.inclusion_tag("reminders/box.html", takes_context=True)
def reminders_box(context: template.Context, saved: Any) -> dict[str, Any]:
    """Reminders sent, failed, waiting to go out, and still to come for one request."""
    profile = saved.owner.profile
    now = timezone.now()
    rows = list(saved.reminders.all())
    zone = profile.zone

    def local(moment: Any) -> str:
        return profile.format_date(moment.astimezone(zone).date()) if moment else ""

    done = [
        {"row": r, "label": r.label, "sent_on": local(r.sent_at), "due_on": local(r.due_at)}
        for r in rows
        if r.status != Reminder.Status.CANCELLED
    ]
    upcoming = [
        {"label": p.label, "on": profile.format_date(p.day)}
        for p in upcoming_for(saved, profile=profile, now=now)
    ]
    return {
        "rows": done,
        "upcoming": upcoming,
        "enabled": profile.reminders_enabled,
        "Status": Reminder.Status,
    }
