"""Writes that concern a whole account: clearing letter details, deleting everything.

Keyword-only functions; views parse, call and render.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from apps.core.emails import make_message

from .models import Profile, User

logger = logging.getLogger(__name__)


def clear_letter_details(*, profile: Profile) -> None:
    """Forget the name, postal address, country and region; keep the preferences."""
    for name in Profile.LETTER_DETAIL_FIELDS:
        setattr(profile, name, "")
    profile.save(update_fields=[*Profile.LETTER_DETAIL_FIELDS, "updated_at"])


@dataclass(frozen=True)
class DeletionReport:
    """What was deleted: (kind, number) pairs in a stable order, for the person to read."""

    kinds: list[tuple[str, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(count for _kind, count in self.kinds)

    def as_session_data(self) -> list[list[Any]]:
        return [[kind, count] for kind, count in self.kinds]

    @classmethod
    def from_session_data(cls, data: Any) -> DeletionReport:
        return cls(kinds=[(str(kind), int(count)) for kind, count in data or []])


def _kind(label: str, count: int) -> str:
    meta = apps.get_model(label)._meta
    if label == settings.AUTH_USER_MODEL.lower():
        return "account" if count == 1 else "accounts"
    return str(meta.verbose_name if count == 1 else meta.verbose_name_plural)


def delete_account(*, user: User, notify: bool = True) -> DeletionReport:
    """Delete the person and every row that belongs to them, in one transaction.

    Every owned model reaches the user through foreign keys with ``on_delete=CASCADE`` (a test
    holds every model to that), so deleting the user deletes it all. The person's signed-in
    sessions on other devices go too. A short notice is emailed to the address once the
    deletion has committed (``notify``), and the address is forgotten.
    """
    email, user_id = user.email, user.pk
    with transaction.atomic():
        _total, per_model = user.delete()
        sessions = delete_sessions_of(user_id=user_id)
    counts = Counter({label.lower(): n for label, n in per_model.items() if n})
    kinds = [(_kind(label, n), n) for label, n in sorted(counts.items(), key=_display_order)]
    if sessions:
        kinds.append(("signed-in session" if sessions == 1 else "signed-in sessions", sessions))
    report = DeletionReport(kinds=kinds)
    logger.info("deleted an account: %d rows", report.total)
    if notify:
        transaction.on_commit(lambda: _send_deletion_notice(email=email, report=report))
    return report


def _display_order(item: tuple[str, int]) -> tuple[int, str]:
    label = item[0]
    return (0 if label == settings.AUTH_USER_MODEL.lower() else 1, label)


def delete_sessions_of(*, user_id: Any) -> int:
    """Delete the stored sessions signed in as ``user_id``; returns how many.

    Sessions do not point at the user with a foreign key (the id is inside the encoded session
    data), so the unexpired ones are read in batches. With a session engine that cannot be
    listed (cache or signed cookies) nothing is stored to find, and nothing is deleted.
    """
    if user_id is None:
        return 0
    engine = import_module(settings.SESSION_ENGINE)
    store_class = engine.SessionStore
    if not hasattr(store_class, "get_model_class"):
        return 0
    model = store_class.get_model_class()
    wanted = str(user_id)
    doomed = []
    store = store_class()
    for key, data in (
        model.objects.filter(expire_date__gt=timezone.now())
        .values_list("session_key", "session_data")
        .iterator(chunk_size=2000)
    ):
        if str(store.decode(data).get("_auth_user_id")) == wanted:
            doomed.append(key)
    deleted, _ = model.objects.filter(session_key__in=doomed).delete()
    return deleted


def _send_deletion_notice(*, email: str, report: DeletionReport) -> None:
    message = make_message(
        name="account_deleted",
        to=[email],
        context={"report": report, "SITE_NAME": settings.SITE_NAME},
    )
    try:
        message.send()
    except Exception:
        # The account is gone either way; the operator sees the failure, without the address.
        logger.exception("could not send the account-deleted notice")
