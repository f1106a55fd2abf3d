from __future__ import annotations

from typing import Any

from allauth.account import forms as allauth_forms
from django import forms

from apps.core.places import country_choices, grouped_region_choices

from .dates import DATE_FORMAT_CHOICES
from .models import Profile
from .preferences import (
    MAX_REMINDER_DAYS,
    normalise_reminder_days,
    time_zone_choices,
    validate_reminder_days,
)


class ReminderDaysField(forms.CharField):
    """Typed as "7, 1"; stored as [7, 1]. Empty means no reminders before a deadline."""

    def to_python(self, value: Any) -> list[int]:
        text = super().to_python(value)
        days = []
        for part in text.replace(";", ",").replace(" ", ",").split(","):
            if not part:
                continue
            try:
                days.append(int(part))
            except ValueError:
                raise forms.ValidationError(
                    "Use whole numbers of days separated by commas, like 7, 1.", code="invalid"
                ) from None
        return days

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return ", ".join(str(day) for day in value)
        return value

    def validate(self, value: list[int]) -> None:
        validate_reminder_days(value)


class ProfileForm(forms.ModelForm):
    full_name = forms.CharField(
        label="Full name",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text="As it should appear at the foot of your letters.",
    )
    postal_address = forms.CharField(
        label="Postal address",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
        help_text="Only needed for letters sent by post or where a company asks for it.",
    )
    country = forms.ChoiceField(
        label="Country you live in",
        required=False,
        choices=[("", "— not given —"), *country_choices()],
        widget=forms.Select(attrs={"autocomplete": "country"}),
        help_text="Decides which law your requests rely on.",
    )
    region = forms.ChoiceField(
        label="State or province",
        required=False,
        choices=grouped_region_choices,
        help_text="United States and Canada only: privacy law there depends on where you live.",
    )
    time_zone = forms.ChoiceField(
        label="Time zone",
        choices=time_zone_choices,
        help_text="Deadlines and reminders follow your local day.",
    )
    date_format = forms.ChoiceField(
        label="Show dates as", choices=DATE_FORMAT_CHOICES, widget=forms.RadioSelect
    )
    reminders_enabled = forms.BooleanField(
        label="Email me reminders about my requests' deadlines", required=False
    )
    reminder_days_before = ReminderDaysField(
        label="Remind me this many days before a deadline",
        required=False,
        max_length=60,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        help_text=(
            f"Whole numbers from 0 (the day itself) to {MAX_REMINDER_DAYS}, separated by "
            "commas, for example 7, 1. Leave empty for no reminders before a deadline."
        ),
    )

    class Meta:
        model = Profile
        fields = [
            "full_name",
            "postal_address",
            "country",
            "region",
            "time_zone",
            "date_format",
            "reminders_enabled",
            "reminder_days_before",
        ]

    def clean_full_name(self) -> str:
        return " ".join(self.cleaned_data["full_name"].split())

    def clean_postal_address(self) -> str:
        lines = [line.strip() for line in self.cleaned_data["postal_address"].splitlines()]
        return "\n".join(line for line in lines if line)

    def clean_reminder_days_before(self) -> list[int]:
        return normalise_reminder_days(self.cleaned_data["reminder_days_before"])


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand that my account and everything in it will be deleted for good",
        error_messages={"required": "Tick the box to confirm you want everything deleted."},
    )


class LoginForm(allauth_forms.LoginForm):
    """allauth's sign-in form in our words (ACCOUNT_FORMS["login"])."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Email address"
        if "remember" in self.fields:
            self.fields["remember"].label = "Keep me signed in on this device"
