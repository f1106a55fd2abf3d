"""Who hears about a platform's policy changes: the one place that decides.

The people who follow the platform, and the people with an open privacy request to it (a draft
or a request still waiting for its outcome: a changed policy may change what they ask for or
what the company owes them). Alert planning and the re-check before each email both ask here.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from apps.catalog.models import Platform
from apps.tracker.models import PrivacyRequest


def people_to_alert(platform: Platform) -> QuerySet:
    """Active people who should get an email when one of ``platform``'s documents changes."""
    open_requests = (
        PrivacyRequest.objects.filter(platform=platform)
        .exclude(status__in=PrivacyRequest.CLOSED)
        .values("owner_id")
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(follows__platform=platform) | Q(pk__in=open_requests))
        .distinct()
    )
