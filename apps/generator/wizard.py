"""The request wizard's state and the letter it leads to, without storing anything.

What the person typed travels with the page: every step posts the answers so far in one hidden,
signed field (``state``) plus its own fields. The server keeps no session entry and no row for
an anonymous person; the preview and the downloads render from what the browser sends back,
re-validated every time (the signature only proves the blob came from this site unchanged).

Steps: recipient → rights → place → details → preview.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import Prefetch

from apps.catalog.forms import CustomRecipientForm
from apps.catalog.models import Document, Platform, Provision
from apps.catalog.queries import search_platforms
from apps.catalog.recipients import Recipient, recipient_for_platform
from apps.deadlines import applicable_regimes
from apps.letters import Letter, PolicyQuote, Requester, compose_request

from .forms import DetailsForm, PlaceForm, RightsForm, StepForm

STEPS = ("recipient", "rights", "place", "details", "preview")
STEP_TITLES = {
    "recipient": "Who to write to",
    "rights": "What you want",
    "place": "Where you live",
    "details": "Details that identify you",
    "preview": "Your letter",
}
SALT = "rightsdesk.generator.state"
MAX_STATE_CHARS = 30_000
CUSTOM = "custom"
REVIEWED = "reviewed"  # the person has seen the preview: edits go straight back to it
CUSTOM_PREFIX = "custom"
CUSTOM_FIELDS = ("name", "legal_entity", "email", "postal_address", "web_form_url", "country")


class StateError(Exception):
    """The hidden state could not be read (tampered with, or from another server)."""


def dumps(state: dict[str, Any]) -> str:
    return signing.dumps(state, salt=SALT, compress=True)


def loads(blob: str) -> dict[str, Any]:
    if not blob:
        return {}
    if len(blob) > MAX_STATE_CHARS:
        raise StateError("the form's saved answers are too long")
    try:
        data = signing.loads(blob, salt=SALT)
    except signing.BadSignature:
        raise StateError("the form's saved answers were changed or came from elsewhere") from None
    if not isinstance(data, dict):
        raise StateError("the form's saved answers are not in the expected shape")
    return data


# --- The recipient step ---------------------------------------------------------------------


class RecipientForm(StepForm):
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

    def __init__(self, *args: Any, platforms: list[Platform], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["platform"].choices = [
            *((p.slug, p.name) for p in platforms),
            (CUSTOM, "A company that is not listed"),
        ]


def platform_choices(query: str = "") -> list[Platform]:
    return search_platforms(query)


def custom_form(data: dict[str, Any] | None, state: dict[str, Any]) -> CustomRecipientForm:
    initial = {name: state.get(f"custom_{name}", "") for name in CUSTOM_FIELDS}
    return CustomRecipientForm(data, prefix=CUSTOM_PREFIX, initial=initial)


# --- Steps ------------------------------------------------------------------------------------


@dataclass
class Step:
    name: str
    forms: list[forms.Form]
    state: dict[str, Any]
    errors: list[str] = field(default_factory=list)

    @property
    def form(self) -> forms.Form:
        return self.forms[0]


def step_forms(
    name: str, state: dict[str, Any], data: dict[str, Any] | None, *, query: str = ""
) -> list[forms.Form]:
    """The bound (``data``) or prefilled (from ``state``) forms of step ``name``."""
    rights = tuple(state.get("rights") or ())
    if name == "recipient":
        platforms = platform_choices(query)
        chosen = state.get("platform", "")
        if chosen and chosen != CUSTOM and all(p.slug != chosen for p in platforms):
            platforms = [*platforms, *Platform.objects.filter(slug=chosen).only("slug", "name")]
        form = RecipientForm(data, platforms=platforms, initial={"platform": chosen})
        return [form, custom_form(data, state)]
    if name == "rights":
        return [RightsForm(data, initial={"rights": list(rights)})]
    if name == "place":
        return [PlaceForm(data, initial={k: state.get(k, "") for k in PlaceForm.FIELDS})]
    if name == "details":
        initial = {k: state.get(k, "") for k in DetailsForm.FIELDS}
        return [DetailsForm(data, rights=rights, initial=initial)]
    return []


def accept(name: str, forms_: list[forms.Form], state: dict[str, Any]) -> dict[str, Any] | None:
    """The state with this step's valid answers merged in, or None when a form has errors."""
    if name == "recipient":
        main, custom = forms_
        if not main.is_valid():
            return None
        new = {**state, "platform": main.cleaned_data["platform"]}
        if new["platform"] == CUSTOM:
            if not custom.is_valid():
                return None
            new.update({f"custom_{k}": custom.cleaned_data[k] for k in CUSTOM_FIELDS})
        return new
    form = forms_[0]
    if not isinstance(form, StepForm) or not form.is_valid():
        return None
    return {**state, **form.state_values()}


def keep_typed(name: str, data: dict[str, Any], state: dict[str, Any]) -> dict[str, Any]:
    """Going back: what was typed in this step is kept (unvalidated) so nothing is lost."""
    kept = dict(state)
    if name == "recipient":
        if data.get("platform"):
            kept["platform"] = str(data["platform"])[:80]
        for k in CUSTOM_FIELDS:
            key = f"{CUSTOM_PREFIX}-{k}"
            if key in data:
                kept[f"custom_{k}"] = str(data[key])[:1000]
        return kept
    form_fields = {
        "rights": RightsForm.FIELDS,
        "place": PlaceForm.FIELDS,
        "details": DetailsForm.FIELDS,
    }.get(name, ())
    for k in form_fields:
        if k == "rights":
            kept[k] = (
                [str(v)[:20] for v in data.getlist(k)][:10] if hasattr(data, "getlist") else []
            )
        elif k in data:
            kept[k] = str(data[k])[:2000]
    return kept


def first_incomplete(state: dict[str, Any]) -> str:
    """The first step whose answers are missing or no longer valid (the preview otherwise)."""
    for name in STEPS[:-1]:
        forms_ = step_forms(name, state, _as_data(name, state))
        if accept(name, forms_, state) is None:
            return name
    return "preview"


def _as_data(name: str, state: dict[str, Any]) -> dict[str, Any]:
    """The state as if the step's form had just been posted (to re-validate it)."""
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    if name == "recipient":
        data["platform"] = state.get("platform", "")
        for k in CUSTOM_FIELDS:
            data[f"{CUSTOM_PREFIX}-{k}"] = state.get(f"custom_{k}", "")
    elif name == "rights":
        data.setlist("rights", list(state.get("rights") or []))
    else:
        fields_ = PlaceForm.FIELDS if name == "place" else DetailsForm.FIELDS
        for k in fields_:
            data[k] = state.get(k, "")
    return data


# --- From the state to the letter -------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    """Everything the preview shows and the downloads render."""

    letter: Letter
    recipient: Recipient
    platform: Platform | None
    regimes: tuple[str, ...]
    company_country: str


def validated_state(state: dict[str, Any]) -> dict[str, Any]:
    """Every step's answers, re-validated and cleaned; ValidationError names the first step
    that needs another look."""
    clean: dict[str, Any] = {}
    for name in STEPS[:-1]:
        forms_ = step_forms(name, {**state, **clean}, _as_data(name, state))
        accepted = accept(name, forms_, {**state, **clean})
        if accepted is None:
            raise ValidationError(f"Check the step “{STEP_TITLES[name]}”.", code=name)
        clean = accepted
    return clean


def quotes_for(platform: Platform) -> list[PolicyQuote]:
    """The platform's quoted clauses with their grades (the letter keeps primary ones only)."""
    provisions = (
        Provision.objects.filter(platform=platform)
        .exclude(quote="")
        .select_related("source")
        .order_by("topic", "rank")
    )
    return [
        PolicyQuote(
            topic=p.topic,
            text=p.quote,
            source_title=p.source.title if p.source else "",
            source_url=p.source.url if p.source else "",
            grade=p.grade,
            source_grade=p.source.grade if p.source else "",
        )
        for p in provisions
    ]


def draft_from_state(state: dict[str, Any], *, today: date) -> Draft:
    """The letter for a complete, valid state (see :func:`validated_state`)."""
    clean = validated_state(state)
    rights = tuple(clean["rights"])
    country, region = clean["country"], clean.get("region", "")
    platform = None
    if clean["platform"] == CUSTOM:
        form = custom_form(_as_data("recipient", clean), clean)
        form.is_valid()
        recipient = form.to_recipient()
        quotes: list[PolicyQuote] = []
    else:
        platform = (
            Platform.objects.prefetch_related(
                "channels",
                "legal_entities",
                Prefetch("documents", queryset=Document.objects.only("id")),
            )
            .filter(slug=clean["platform"])
            .first()
        )
        if platform is None:
            raise ValidationError("That platform is no longer in the catalog.", code="recipient")
        recipient = recipient_for_platform(platform, country=country, want=rights[0])
        quotes = quotes_for(platform)
    company_country = recipient.country or ""
    regimes = applicable_regimes(country, region, company_country or None)
    requester = Requester(
        full_name=clean["full_name"],
        account_email=clean.get("account_email", ""),
        username=clean.get("username", ""),
        postal_address=clean.get("postal_address", ""),
        country=country,
        region=region,
        correction=clean.get("correction", "") if "correct" in rights else "",
    )
    letter = compose_request(
        recipient=recipient,
        rights=rights,
        regimes=regimes,
        requester=requester,
        today=today,
        company_country=company_country or None,
        quotes=quotes,
    )
    return Draft(
        letter=letter,
        recipient=recipient,
        platform=platform,
        regimes=regimes,
        company_country=company_country,
    )
