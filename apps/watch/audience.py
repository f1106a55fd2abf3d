"""Who hears about a platform's policy changes: the one place that decides.

Today: the people who follow the platform. The open privacy requests to the platform (the
tracker's ``PrivacyRequest``, whose owners should hear too) join here once the tracker exists,
so alert planning and the re-check before each email stay a single question.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from apps.catalog.models import Platform


def people_to_alert(platform: Platform) -> QuerySet:
    """Active people who should get an email when one of ``platform``'s documents changes."""
    return get_user_model().objects.filter(is_active=True, follows__platform=platform).distinct()
