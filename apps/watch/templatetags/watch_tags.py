"""The policy watch on other apps' pages: the catalog's platform page shows recent changes and
the follow button through these tags, so the catalog's own code knows nothing of the watch."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import template

from ..dates import person_date
from ..models import Follow
from ..queries import platform_changes

register = template.Library()


def _user(context: template.Context) -> Any:
    request = context.get("request")
    return getattr(request, "user", None)


@register.simple_tag(takes_context=True)
def when(context: template.Context, moment: datetime | None) -> str:
    """A moment as a date, in the reader's time zone and date style."""
    if not isinstance(moment, datetime):
        return ""
    return person_date(moment, _user(context))


@register.inclusion_tag("watch/partials/changes_notice.html", takes_context=True)
def policy_changes(context: template.Context, platform: Any) -> dict[str, Any]:
    """'<document> changed on <date>' for each watched document's latest change."""
    return {"changes": platform_changes(platform), "request": context.get("request")}


@register.inclusion_tag("watch/partials/follow_box.html", takes_context=True)
def follow_box(context: template.Context, platform: Any, documents: Any = None) -> dict[str, Any]:
    """Follow / unfollow for signed-in people; an invitation to sign in for others."""
    user = _user(context)
    signed_in = bool(user is not None and user.is_authenticated)
    watched = [d for d in (documents if documents is not None else []) if d.watch and d.url]
    return {
        "platform": platform,
        "watched": watched,
        "signed_in": signed_in,
        "following": signed_in and Follow.objects.filter(user=user, platform=platform).exists(),
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag
def document_records(documents: Any) -> dict[int, Any]:
    """``{% document_records documents as records %}``: first recorded, last checked and the
    recorded changes of each document, by id (two queries for the whole list)."""
    from ..queries import document_records as records

    return records(list(documents or []))


@register.filter
def record_of(records: dict[int, Any], document: Any) -> Any:
    return records.get(getattr(document, "pk", None))
