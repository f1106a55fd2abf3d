"""Every user has a profile from the moment the account exists (sign-up, admin, createsuperuser)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Profile, User


@receiver(post_save, sender=User, dispatch_uid="accounts.create_profile")
def create_profile(
    sender: type[User], instance: User, created: bool, raw: bool, **kwargs: Any
) -> None:
    if created and not raw:
        Profile.objects.get_or_create(user=instance)
