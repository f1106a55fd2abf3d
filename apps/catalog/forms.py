"""Forms: the catalog filters (GET) and a custom recipient (a company not in the catalog)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from apps.core.places import country_choices

from . import vocabulary as v
from .queries import TRAINS_CHOICES, CatalogFilters
from .recipients import Recipient, custom_recipient


class CatalogFilterForm(forms.Form):
    q = forms.CharField(label="Search by name", max_length=100, required=False, strip=True)
    category = forms.ChoiceField(label="Category", required=False, choices=())
    trains = forms.ChoiceField(label="Trains on your data?", required=False, choices=())
    opt_out = forms.BooleanField(label="Opt-out offered", required=False)
    private = forms.BooleanField(label="Private plan or setting available", required=False)

    def __init__(self, *args: Any, counts: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._label_counts(counts or {})

    def _label_counts(self, counts: dict[str, Any]) -> None:
        """Labels with how many platforms each option would show (none: plain labels)."""

        def label(text: str, n: int | None) -> str:
            return text if n is None else f"{text} ({n})"

        category = counts.get("category", {})
        trains = counts.get("trains", {})
        self.fields["category"].choices = [("", "All categories")] + [
            (key, label(name, category.get(key))) for key, name in v.CATEGORIES.items()
        ]
        self.fields["trains"].choices = [("", "Any answer")] + [
            (key, label(name, trains.get(key))) for key, name in TRAINS_CHOICES.items()
        ]
        if "opt_out" in counts:
            self.fields["opt_out"].label = label("Opt-out offered", counts["opt_out"])
        if "private" in counts:
            self.fields["private"].label = label(
                "Private plan or setting available", counts["private"]
            )

    def filters(self) -> CatalogFilters:
        """The valid filters; a malformed one is ignored (and shown as an error)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return CatalogFilters(
            q=data.get("q", ""),
            category=data.get("category", ""),
            trains=data.get("trains", ""),
            opt_out=bool(data.get("opt_out")),
            private=bool(data.get("private")),
        )


def _has_control(value: str) -> bool:
    return any(ord(ch) < 32 or ord(ch) == 127 for ch in value)


def _single_line(value: str) -> str:
    if _has_control(value):
        raise ValidationError("Write this on one line, without line breaks or control characters.")
    return value


class CustomRecipientForm(forms.Form):
    """A company that is not in the catalog. It stays with the request, never in the catalog."""

    name = forms.CharField(
        label="Company or service name",
        max_length=200,
        help_text="As you know it, for example the app's name.",
        error_messages={
            "required": "Give the company's or the service's name.",
            "max_length": "Keep the name under %(limit_value)d characters (it has %(show_value)d).",
        },
    )
    legal_entity = forms.CharField(
        label="Legal name of the company",
        max_length=200,
        required=False,
        help_text="Often in the privacy policy, e.g. “Example Ltd”. Leave empty if unsure.",
    )
    email = forms.EmailField(
        label="Privacy email address",
        max_length=254,
        required=False,
        help_text="From the company's privacy policy. Leave empty to send a letter by post.",
        error_messages={"invalid": "That does not look like an email address (name@example.org)."},
    )
    postal_address = forms.CharField(
        label="Postal address",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": "Keep the address under %(limit_value)d characters (it has %(show_value)d)."
        },
    )
    web_form_url = forms.URLField(
        label="Privacy request web form",
        max_length=500,
        required=False,
        assume_scheme="https",
        # URLField already checks the address; one message, in our words, not Django's twice.
        error_messages={
            "invalid": "That does not look like a web address (https://example.org/privacy).",
            "max_length": "Keep the address under %(limit_value)d characters.",
        },
    )
    country = forms.ChoiceField(
        label="Country of the company",
        required=False,
        choices=(),
        error_messages={"invalid_choice": "Choose the company's country from the list."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "Not sure"), *country_choices()]

    def clean_name(self) -> str:
        return _single_line(self.cleaned_data["name"])

    def clean_legal_entity(self) -> str:
        return _single_line(self.cleaned_data["legal_entity"])

    def clean_email(self) -> str:
        return _single_line(self.cleaned_data["email"])

    def clean_postal_address(self) -> str:
        value = self.cleaned_data["postal_address"].replace("\r\n", "\n").replace("\r", "\n")
        lines = [line.strip() for line in value.split("\n")]
        if any(_has_control(line) for line in lines):
            raise ValidationError("Remove the control characters from the address.")
        return "\n".join(line for line in lines if line)

    def clean_web_form_url(self) -> str:
        value = self.cleaned_data["web_form_url"]
        if value and not value.lower().startswith(("https://", "http://")):
            raise ValidationError("Give a web address starting with https://.")
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        unreadable = {"email", "postal_address"} & set(self.errors)
        if not unreadable and not (data.get("email") or data.get("postal_address")):
            # Reported with every other problem at once, at the field it is about.
            self.add_error(
                "email",
                "Give an email address or a postal address (or both), so the request has "
                "somewhere to go.",
            )
        return data

    def to_recipient(self) -> Recipient:
        data = self.cleaned_data
        return custom_recipient(
            name=data["name"],
            legal_entity=data["legal_entity"],
            email=data["email"],
            postal_address=data["postal_address"],
            web_form_url=data["web_form_url"],
            country=data["country"],
        )
