"""The person using Rightsdesk. Email is the only identifier: no username, no name here.

What a person chooses to tell us for their letters (name, postal address) lives on the profile,
optional and deletable; the account itself holds only what signing in needs.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from apps.core.places import REGION_COUNTRIES, country_choices, is_valid_region

from .dates import DATE_FORMAT_CHOICES, DEFAULT_DATE_FORMAT, format_date
from .preferences import (
    DEFAULT_TIME_ZONE,
    default_reminder_days,
    new_calendar_token,
    validate_reminder_days,
    validate_time_zone,
)


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        if not (extra["is_staff"] and extra["is_superuser"]):
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("email address", max_length=254, unique=True)
    is_staff = models.BooleanField(default=False, help_text="Can log in to the admin site.")
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.email


class Profile(models.Model):
    """What a person chooses to tell us, one per user (``user.profile``), created at sign-up.

    The letter details (name, postal address, country, region) prefill letters and are all
    optional; the rest are preferences for dates, time zone, reminders and the calendar feed.
    Other apps read these field names (DEVELOPERS.md, "Profile").
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    full_name = models.CharField("full name", max_length=200, blank=True)
    postal_address = models.TextField("postal address", max_length=1000, blank=True)
    country = models.CharField(max_length=2, blank=True, choices=country_choices)
    region = models.CharField(
        "state or province", max_length=3, blank=True, help_text="US states and Canadian provinces."
    )
    time_zone = models.CharField(
        max_length=64, default=DEFAULT_TIME_ZONE, validators=[validate_time_zone]
    )
    date_format = models.CharField(
        max_length=12, choices=DATE_FORMAT_CHOICES, default=DEFAULT_DATE_FORMAT
    )
    reminders_enabled = models.BooleanField(default=True)
    reminder_days_before = models.JSONField(
        default=default_reminder_days, validators=[validate_reminder_days]
    )
    calendar_token = models.CharField(
        max_length=64, unique=True, default=new_calendar_token, editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    OWNER_FIELD = "user"  # apps.core.ownership
    # Left out of the data export: a bearer secret, not information about the person.
    EXPORT_SECRET_FIELDS = frozenset({"calendar_token"})
    LETTER_DETAIL_FIELDS = ("full_name", "postal_address", "country", "region")

    def __str__(self) -> str:
        return f"Profile {self.pk}"

    def clean(self) -> None:
        super().clean()
        if self.region and self.country not in REGION_COUNTRIES:
            raise ValidationError(
                {
                    "region": "A state or province applies only to the United States and "
                    "Canada; choose one of those countries or clear this field."
                }
            )
        if self.region and not is_valid_region(self.country, self.region):
            raise ValidationError(
                {"region": "That state or province is not in the country you chose."}
            )

    @property
    def has_letter_details(self) -> bool:
        return any(getattr(self, name) for name in self.LETTER_DETAIL_FIELDS)

    def format_date(self, value: date) -> str:
        """``value`` the way this person reads dates ("23 Nov 2026", "Nov 23, 2026", …)."""
        return format_date(value, self.date_format)

    @property
    def zone(self) -> ZoneInfo:
        """The person's time zone (UTC when the stored name is no longer known)."""
        try:
            return ZoneInfo(self.time_zone)
        except (KeyError, ValueError, ZoneInfoNotFoundError):
            return ZoneInfo("UTC")

    def today(self) -> date:
        """Today's date where the person is: the day deadlines and reminders count from."""
        return timezone.localdate(timezone=self.zone)

    def rotate_calendar_token(self) -> str:
        """Replace the calendar feed token (the old feed URL stops working) and save it."""
        self.calendar_token = new_calendar_token()
        self.save(update_fields=["calendar_token", "updated_at"])
        return self.calendar_token
