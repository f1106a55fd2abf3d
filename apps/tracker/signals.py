"""Every write to a person's requests or their timelines makes their cached dashboard stale."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save

from . import dashboard
from .models import PrivacyRequest, RequestEvent


def _request_changed(sender: Any, instance: PrivacyRequest, **kwargs: Any) -> None:
    dashboard.changed(instance.owner_id)


def _event_changed(sender: Any, instance: RequestEvent, **kwargs: Any) -> None:
    if RequestEvent.request.is_cached(instance):  # the service's case: no query
        dashboard.changed(instance.request.owner_id)
        return
    owner_id = (
        PrivacyRequest.objects.filter(pk=instance.request_id)
        .values_list("owner_id", flat=True)
        .first()
    )
    if owner_id is not None:
        dashboard.changed(owner_id)


def _account_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    dashboard.forget(instance.pk)


def connect() -> None:
    post_delete.connect(_account_deleted, sender=get_user_model(), dispatch_uid="tracker-user")
    for signal in (post_save, post_delete):
        signal.connect(
            _request_changed, sender=PrivacyRequest, dispatch_uid=f"tracker-req-{signal}"
        )
        signal.connect(_event_changed, sender=RequestEvent, dispatch_uid=f"tracker-ev-{signal}")
