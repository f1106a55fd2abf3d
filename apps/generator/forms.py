"""The wizard's steps, one form each. Every field is bounded, single-lined where it must be, and
refuses control and bidirectional-override characters with a message saying so; what passes is
stored nowhere (it travels in the page, see :mod:`apps.generator.wizard`)."""

from __future__ import annotations

import unicodedata
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

from apps.catalog.forms import CustomRecipientForm
from apps.catalog.vocabulary import RIGHTS as RIGHT_LABELS
from apps.core.places import (
    REGION_COUNTRIES,
    country_choices,
    grouped_region_choices,
    is_valid_region,
)

# Bidirectional overrides and isolates can make a letter read differently from what it holds.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
LINE_SEPARATORS = ("\x85", "\u2028", "\u2029")
MAX_LINES = {"postal_address": 8, "correction": 25}

RIGHT_HINTS = {
    "object": "object to AI training (or withdraw consent), and ask about data already used",
    "delete": "your prompts, images, chats and account data",
    "access": "what they hold, why, who they shared it with, and a copy",
    "opt-out-sale": "where the law gives an opt-out of selling or sharing (mainly US states)",
    "correct": "fix something they hold about you that is wrong",
}
RIGHT_ORDER = ("object", "delete", "access", "opt-out-sale", "correct")


def clean_text(value: str, *, multiline: bool = False, what: str = "This") -> str:
    """NFC-normalised text without control characters (line breaks allowed when
    ``multiline``), surrounding blanks trimmed on every line, empty lines dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    for separator in LINE_SEPARATORS:  # Unicode's own line breaks count as line breaks
        value = value.replace(separator, "\n")
    value = unicodedata.normalize("NFC", value)
    if any(ch in BIDI_CONTROLS for ch in value):
        raise ValidationError(
            f"{what} contains invisible text-direction characters; please type it again "
            "without them."
        )
    lines = value.split("\n")
    if not multiline and len(lines) > 1:
        raise ValidationError(f"{what} must be on one line: remove the line breaks.")
    for line in lines:
        if any(unicodedata.category(ch) == "Cc" for ch in line):
            raise ValidationError(f"{what} contains control characters; please remove them.")
    if multiline:
        return "\n".join(" ".join(line.split()) for line in lines if line.strip())
    return " ".join(value.split())


class StepForm(forms.Form):
    """One step of the wizard. ``FIELDS`` are the state keys it owns (its field names); it is
    built from the answers so far (``state``), bound to a post (``data``) or prefilled.

    A new step is a subclass plus one entry in ``apps.generator.wizard.STEPS``.
    """

    FIELDS: tuple[str, ...] = ()
    MAX_TYPED = 2000  # what is kept, unvalidated, of a field typed before going Back

    def __init__(self, data: Any = None, *, state: dict[str, Any] | None = None, **kw: Any):
        self.state = state or {}
        kw.setdefault("initial", {k: self.state[k] for k in self.FIELDS if k in self.state})
        super().__init__(data, **kw)

    def sub_forms(self) -> list[forms.Form]:
        """Every form the step shows (for the error summary)."""
        return [self]

    def state_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.FIELDS if name in self.cleaned_data}

    def data_from_state(self) -> QueryDict:
        """The answers in ``state`` as if this step had just been posted (to re-check them)."""
        data = QueryDict(mutable=True)
        for name in self.FIELDS:
            if name not in self.fields:
                continue
            value = self.state.get(name, "")
            if isinstance(value, list | tuple):
                data.setlist(self.add_prefix(name), [str(v) for v in value])
            else:
                data[self.add_prefix(name)] = "" if value is None else str(value)
        return data

    def typed_values(self, data: Any) -> dict[str, Any]:
        """What was typed in this step, bounded but not validated (kept on Back and errors)."""
        kept: dict[str, Any] = {}
        for name in self.FIELDS:
            if name not in self.fields:
                continue
            key = self.add_prefix(name)
            if isinstance(self.fields[name], forms.MultipleChoiceField):
                kept[name] = [str(v)[:40] for v in data.getlist(key)][:10]
            elif key in data:
                kept[name] = str(data[key])[: self.MAX_TYPED]
        return kept


class RightsForm(StepForm):
    FIELDS = ("rights",)

    rights = forms.MultipleChoiceField(
        label="What do you want?",
        choices=[(r, f"{RIGHT_LABELS[r]}: {RIGHT_HINTS[r]}") for r in RIGHT_ORDER],
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose one or several; one letter asks for all of them.",
        error_messages={
            "required": "Choose at least one thing you want the company to do.",
            "invalid_choice": "Choose from the list.",
        },
    )


class PlaceForm(StepForm):
    FIELDS = ("country", "region")

    country = forms.ChoiceField(
        label="Country you live in",
        choices=(),
        help_text="It decides which privacy law your letter relies on.",
        error_messages={"required": "Choose the country you live in."},
        widget=forms.Select(attrs={"autocomplete": "country"}),
    )
    region = forms.ChoiceField(
        label="State or province",
        required=False,
        choices=grouped_region_choices,
        help_text="United States and Canada only: the law there depends on where you live.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "— choose —"), *country_choices()]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        country, region = data.get("country", ""), data.get("region", "")
        if not country:
            return data
        if country in REGION_COUNTRIES:
            if not region:
                self.add_error(
                    "region",
                    "Choose your state or province: privacy law there depends on it.",
                )
            elif not is_valid_region(country, region):
                self.add_error("region", "That state or province is not in the country you chose.")
        elif region:
            data["region"] = ""  # a state chosen before the country changed: ignore it
        return data


class DetailsForm(StepForm):
    FIELDS = ("full_name", "account_email", "username", "postal_address", "correction")

    full_name = forms.CharField(
        label="Your full name",
        max_length=200,
        help_text="Signs the letter; companies match it against your account.",
        error_messages={
            "required": "Give your name: a request has to say who it is from.",
            "max_length": "Keep your name under %(limit_value)d characters (it has %(show_value)d).",
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    account_email = forms.EmailField(
        label="Email address of your account",
        max_length=254,
        required=False,
        help_text="The address you signed up to the service with: most platforms find your data by it.",
        error_messages={"invalid": "That does not look like an email address (name@example.org)."},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    username = forms.CharField(
        label="Username or account ID",
        max_length=200,
        required=False,
        help_text="Only if the service shows one (a handle, a Discord name, an account number). Leave empty if unsure.",
        error_messages={
            "max_length": "Keep this under %(limit_value)d characters (it has %(show_value)d)."
        },
    )
    postal_address = forms.CharField(
        label="Your postal address (optional)",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
        help_text="Only for the PDF letter's sender block, if you post it. Not needed for email or a web form.",
        error_messages={
            "max_length": "Keep the address under %(limit_value)d characters (it has %(show_value)d)."
        },
    )
    correction = forms.CharField(
        label="What is wrong, and what should it say?",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For a correction request: the data that is wrong and the correct version.",
        error_messages={
            "max_length": "Keep this under %(limit_value)d characters (it has %(show_value)d)."
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rights = rights = tuple(self.state.get("rights") or ())
        if "correct" not in rights:
            del self.fields["correction"]

    def clean_full_name(self) -> str:
        return clean_text(self.cleaned_data["full_name"], what="Your name")

    def clean_account_email(self) -> str:
        return clean_text(self.cleaned_data["account_email"], what="The email address")

    def clean_username(self) -> str:
        return clean_text(self.cleaned_data["username"], what="The username")

    def clean_postal_address(self) -> str:
        value = clean_text(self.cleaned_data["postal_address"], multiline=True, what="The address")
        if value.count("\n") >= MAX_LINES["postal_address"]:
            raise ValidationError(
                f"Keep the address to {MAX_LINES['postal_address']} lines or fewer."
            )
        return value

    def clean_correction(self) -> str:
        value = clean_text(self.cleaned_data["correction"], multiline=True, what="The correction")
        if "correct" in self.rights and not value:
            raise ValidationError("Say what is wrong and what it should say, so they can fix it.")
        if value.count("\n") >= MAX_LINES["correction"]:
            raise ValidationError(f"Keep this to {MAX_LINES['correction']} lines or fewer.")
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        unreadable = {"account_email", "username"} & set(self.errors)
        if not unreadable and not (data.get("account_email") or data.get("username")):
            # Reported with every other problem of the step, at the field it is about.
            self.add_error(
                "account_email",
                "Give the email address of your account or your username, so the company can "
                "find your data.",
            )
        return data


CUSTOM = "custom"
CUSTOM_PREFIX = "custom"
CUSTOM_FIELDS = ("name", "legal_entity", "email", "postal_address", "web_form_url", "country")


class RecipientForm(StepForm):
    """A catalog platform, or a company the person describes (the nested ``custom`` form,
    checked only when "A company that is not listed" is chosen)."""

    FIELDS = ("platform",)

    platform = forms.ChoiceField(
        label="Platform",
        widget=forms.RadioSelect,
        choices=(),
        error_messages={
            "required": "Choose a platform, or “A company that is not listed”.",
            "invalid_choice": "That platform is not in our catalog; choose one from the list.",
        },
    )

    def __init__(self, *args: Any, platforms: list[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["platform"].choices = [
            *((p.slug, p.name) for p in platforms),
            (CUSTOM, "A company that is not listed"),
        ]
        initial = {name: self.state.get(f"custom_{name}", "") for name in CUSTOM_FIELDS}
        self.custom = CustomRecipientForm(
            self.data if self.is_bound else None, prefix=CUSTOM_PREFIX, initial=initial
        )

    def sub_forms(self) -> list[forms.Form]:
        if self.is_bound and self.data.get("platform") == CUSTOM:
            return [self, self.custom]
        return [self]

    def is_valid(self) -> bool:
        valid = super().is_valid()
        if valid and self.cleaned_data["platform"] == CUSTOM:
            return self.custom.is_valid()
        return valid

    def state_values(self) -> dict[str, Any]:
        values = super().state_values()
        if values.get("platform") == CUSTOM:
            values.update({f"custom_{k}": self.custom.cleaned_data[k] for k in CUSTOM_FIELDS})
        return values

    def data_from_state(self) -> QueryDict:
        data = super().data_from_state()
        for k in CUSTOM_FIELDS:
            data[f"{CUSTOM_PREFIX}-{k}"] = str(self.state.get(f"custom_{k}", ""))
        return data

    def typed_values(self, data: Any) -> dict[str, Any]:
        kept = {"platform": str(data["platform"])[:80]} if data.get("platform") else {}
        for k in CUSTOM_FIELDS:
            key = f"{CUSTOM_PREFIX}-{k}"
            if key in data:
                kept[f"custom_{k}"] = str(data[key])[:1000]
        return kept


class ContactForm(StepForm):
    """For a catalog platform with no documented email: an address the person found, kept with
    their letter only. Both are optional: the documented routes (web form, in-app setting,
    post) work without them."""

    FIELDS = ("found_email", "found_postal")

    found_email = forms.EmailField(
        label="Email address you found (optional)",
        max_length=254,
        required=False,
        help_text="From their privacy policy, help pages or a reply from their support. "
        "The letter is addressed to it; we have not checked it.",
        error_messages={"invalid": "That does not look like an email address (name@example.org)."},
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    found_postal = forms.CharField(
        label="Postal address you found (optional)",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off"}),
        help_text="The company's name and address as their privacy policy gives it, for the "
        "PDF letter.",
        error_messages={
            "max_length": "Keep the address under %(limit_value)d characters (it has %(show_value)d)."
        },
    )

    def clean_found_email(self) -> str:
        return clean_text(self.cleaned_data["found_email"], what="The email address")

    def clean_found_postal(self) -> str:
        value = clean_text(self.cleaned_data["found_postal"], multiline=True, what="The address")
        if value.count("\n") >= MAX_LINES["postal_address"]:
            raise ValidationError(
                f"Keep the address to {MAX_LINES['postal_address']} lines or fewer."
            )
        return value
