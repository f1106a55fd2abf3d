"""The policy-change email, and the signed link that stops them.

``alert_message`` is ``PolicyAlert.build_message``: it re-checks at sending time that the person
is still concerned (``people_to_alert``), so unfollowing before the sweep cancels the email.
Every alert carries a one-click unfollow link (also as ``List-Unsubscribe``, RFC 8058) that
works without signing in: its token is signed and names only the person's and the platform's
ids.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.urls import reverse

from apps.core.emails import absolute_url as absolute, make_message, one_click_stop_headers

from .audience import people_to_alert
from .dates import person_date
from .diffing import excerpt, word_diff

if TYPE_CHECKING:
    from .models import PolicyAlert

UNFOLLOW_SALT = "rightsdesk.watch.unfollow"


def unfollow_token(*, user_id: int, platform_id: int) -> str:
    return signing.dumps({"u": user_id, "p": platform_id}, salt=UNFOLLOW_SALT, compress=False)


def read_unfollow_token(token: str) -> tuple[int, int] | None:
    """(user id, platform id), or None for a token we did not sign."""
    try:
        data = signing.loads(token, salt=UNFOLLOW_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not {"u", "p"} <= data.keys():
        return None
    user_id, platform_id = data["u"], data["p"]
    if not isinstance(user_id, int) or not isinstance(platform_id, int):
        return None
    return user_id, platform_id


def alert_message(alert: PolicyAlert, *, now: datetime) -> EmailMessage | None:
    snapshot = alert.snapshot
    document = snapshot.document
    platform = document.platform
    user = alert.user
    if not people_to_alert(platform).filter(pk=user.pk).exists():
        return None  # unfollowed (or deactivated) since the change was found
    previous = document.snapshots.filter(number=snapshot.number - 1).first()
    if previous is None:
        return None  # a change always has a predecessor; without one there is nothing to show
    diff = word_diff(previous.text, snapshot.text)
    unfollow_url = absolute(
        reverse(
            "watch:unfollow_link",
            kwargs={"token": unfollow_token(user_id=user.pk, platform_id=platform.pk)},
        )
    )
    context = {
        "platform": platform,
        "document": document,
        "snapshot": snapshot,
        "previous": previous,
        "detected_on": person_date(snapshot.fetched_at, user),
        "excerpt": excerpt(diff),
        "more_paragraphs": sum(p.kind not in ("same", "gap") for p in diff.paragraphs) > 3,
        "diff_url": absolute(snapshot.diff_url()),
        "platform_url": absolute(platform.get_absolute_url()),
        "following_url": absolute(reverse("watch:following")),
        "unfollow_url": unfollow_url,
        "late": alert.late,
        "SITE_NAME": settings.SITE_NAME,
    }
    return make_message(
        name="policy_changed",
        to=[user.email],
        context=context,
        headers=one_click_stop_headers(unfollow_url),
    )
