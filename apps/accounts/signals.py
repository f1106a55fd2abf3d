"""Every user has a profile from the moment the account exists (sign-up, admin, createsuperuser)."""

from __future__ import annotations

from typing import Any

from allauth.account.signals import user_signed_up
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Profile, User
from .preferences import time_zone_names


@receiver(post_save, sender=User, dispatch_uid="accounts.create_profile")
def create_profile(
    sender: type[User], instance: User, created: bool, raw: bool, **kwargs: Any
) -> None:
    if created and not raw:
        Profile.objects.get_or_create(user=instance)


@receiver(user_signed_up, dispatch_uid="accounts.time_zone_from_browser")
def time_zone_from_browser(request: Any, user: User, **kwargs: Any) -> None:
    """The browser's time zone (sent by the sign-up form, filled by site.js) is the new
    account's: "08:00 your time" means theirs from the first reminder. The settings page
    changes it."""
    name = request.POST.get("time_zone", "") if request is not None else ""
    if name and name in time_zone_names():
        Profile.objects.filter(user=user).update(time_zone=name)
