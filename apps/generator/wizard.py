"""The request wizard's steps, its state, and the letter it leads to.

The answers so far are one dict (the *state*). Between two requests it lives where
:mod:`apps.generator.store` keeps it: an encrypted, short-lived cookie for an anonymous person
(no session, no row), the session once signed in. Each step has its own URL
(``/request/new/<step>/``); every post redirects. The preview's downloads and "Save to my
tracker" post the state they were shown as one signed hidden field (``dumps``/``loads``), so
the file is exactly the letter on the page; everything is re-validated every time.

Steps are the table ``STEPS``: recipient → rights → place → [contact] → details → preview.
A step is one ``Step(name, title, form)`` entry plus its ``StepForm`` (``FIELDS`` = the state
keys it owns); ``applies(state)`` leaves it out when it does not concern this letter (the
contact step only shows for a catalog platform without a documented email), and an optional
``template`` (``generator/steps/<name>.html``) adds words above its fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.template.loader import select_template

from apps.catalog.models import Document, Platform, Provision
from apps.catalog.queries import search_platforms
from apps.catalog.recipients import Recipient, recipient_for_platform
from apps.deadlines import applicable_regimes
from apps.letters import Letter, PolicyQuote, Requester, compose_request

from .forms import (
    CUSTOM,
    CUSTOM_FIELDS,
    CUSTOM_PREFIX,
    ContactForm,
    DetailsForm,
    PlaceForm,
    RecipientForm,
    RightsForm,
    StepForm,
)

__all__ = ["CUSTOM", "CUSTOM_FIELDS", "CUSTOM_PREFIX"]

SALT = "rightsdesk.generator.state"
MAX_STATE_CHARS = 30_000
PREVIEW = "preview"
REVIEWED = "reviewed"  # the person has seen the preview: edits go straight back to it
PENDING = "pending"  # {"step": name, "data": {...}}: a post that had errors, shown once more
NOTICE = "notice"  # one sentence for the next page (why the person was sent back)
TIME_ZONE = "tz"  # the browser's IANA time zone, when JavaScript told us


class StateError(Exception):
    """The hidden state could not be read (tampered with, or from another server)."""


def dumps(state: dict[str, Any]) -> str:
    return signing.dumps(letter_state(state), salt=SALT, compress=True)


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


def letter_state(state: dict[str, Any]) -> dict[str, Any]:
    """The answers without the wizard's own bookkeeping (pending errors, notices)."""
    return {k: v for k, v in state.items() if k not in (PENDING, NOTICE)}


# --- The steps --------------------------------------------------------------------------------


def platform_choices(query: str = "") -> list[Platform]:
    """The catalog's platforms, narrowed (best match first) by the catalog's own search."""
    return search_platforms(query)


def _recipient_form(data: Any, state: dict[str, Any], query: str) -> RecipientForm:
    platforms = platform_choices(query)
    chosen = state.get("platform", "")
    if chosen and chosen != CUSTOM and all(p.slug != chosen for p in platforms):
        platforms = [*platforms, *Platform.objects.filter(slug=chosen).only("slug", "name")]
    if data is not None and data.get("platform") not in (None, "", CUSTOM):
        # A post is checked against the whole catalog, whatever the search showed.
        platforms = platform_choices()
    return RecipientForm(data, state=state, platforms=platforms)


def catalog_recipient(state: dict[str, Any]) -> Recipient | None:
    """The catalog's recipient for these answers (None for a custom company or none chosen)."""
    slug = state.get("platform", "")
    if not slug or slug == CUSTOM:
        return None
    platform = (
        Platform.objects.prefetch_related("channels", "legal_entities").filter(slug=slug).first()
    )
    if platform is None:
        return None
    rights = state.get("rights") or [""]
    return recipient_for_platform(platform, country=state.get("country", ""), want=rights[0])


def needs_contact(state: dict[str, Any]) -> bool:
    """A catalog platform with no documented email address for this request."""
    recipient = catalog_recipient(state)
    return recipient is not None and not recipient.email


def _always(state: dict[str, Any]) -> bool:
    return True


@dataclass(frozen=True)
class Step:
    name: str
    title: str
    form: type[StepForm]
    applies: Callable[[dict[str, Any]], bool] = _always
    button: str = "Continue"

    @property
    def template(self) -> str:
        """``generator/steps/<name>.html`` when it exists, else the plain form."""
        return select_template(
            [f"generator/steps/{self.name}.html", "generator/steps/generic.html"]
        ).template.name

    def make_form(self, state: dict[str, Any], data: Any = None, *, query: str = "") -> StepForm:
        if self.form is RecipientForm:
            return _recipient_form(data, state, query)
        return self.form(data, state=state)


STEPS: tuple[Step, ...] = (
    Step("recipient", "Who to write to", RecipientForm),
    Step("rights", "What you want", RightsForm),
    Step("place", "Where you live", PlaceForm),
    Step("contact", "How to reach them", ContactForm, applies=needs_contact),
    Step("details", "Details that identify you", DetailsForm, button="Show my letter"),
)
STEP_NAMES = tuple(s.name for s in STEPS)
PREVIEW_TITLE = "Your letter"


def step_named(name: str) -> Step | None:
    return next((s for s in STEPS if s.name == name), None)


def steps_for(state: dict[str, Any]) -> list[Step]:
    """The steps this letter goes through (a step that does not apply is left out)."""
    return [s for s in STEPS if s.applies(state)]


def accept(step: Step, form: StepForm, state: dict[str, Any]) -> dict[str, Any] | None:
    """The state with this step's valid answers merged in, or None when the form has errors."""
    if not form.is_valid():
        return None
    return {**state, **form.state_values()}


def keep_typed(step: Step, data: Any, state: dict[str, Any]) -> dict[str, Any]:
    """What was typed in this step kept (unvalidated) so nothing is lost on Back or errors."""
    return {**state, **step.make_form(state).typed_values(data)}


def is_complete(step: Step, state: dict[str, Any]) -> bool:
    form = step.make_form(state)
    return accept(step, step.make_form(state, form.data_from_state()), state) is not None


def first_incomplete(state: dict[str, Any]) -> str:
    """The first step whose answers are missing or no longer valid (the preview otherwise)."""
    for step in steps_for(state):
        if not is_complete(step, state):
            return step.name
    return PREVIEW


def next_step(name: str, state: dict[str, Any]) -> str:
    names = [s.name for s in steps_for(state)]
    if name in names and names.index(name) + 1 < len(names):
        return names[names.index(name) + 1]
    return PREVIEW


def previous_step(name: str, state: dict[str, Any]) -> str:
    names = [s.name for s in steps_for(state)]
    if name == PREVIEW:
        return names[-1]
    if name in names:
        return names[max(names.index(name) - 1, 0)]
    return names[0]


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
    state = letter_state(state)
    clean: dict[str, Any] = {}
    for step in STEPS:
        current = {**state, **clean}
        if not step.applies(current):
            continue
        form = step.make_form(current, step.make_form(current).data_from_state())
        if not form.is_valid():
            raise ValidationError(f"Check the step “{step.title}”.", code=step.name)
        clean.update(form.state_values())
    if TIME_ZONE in state:
        clean[TIME_ZONE] = state[TIME_ZONE]
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


FOUND_NOTE = (
    "You gave this address yourself: Rightsdesk has not checked it. Keep a note of where you "
    "found it."
)


def draft_from_state(state: dict[str, Any], *, today: date) -> Draft:
    """The letter for a complete, valid state (see :func:`validated_state`)."""
    clean = validated_state(state)
    rights = tuple(clean["rights"])
    country, region = clean["country"], clean.get("region", "")
    platform = None
    if clean["platform"] == CUSTOM:
        form = RecipientForm(state=clean)
        form = RecipientForm(form.data_from_state(), state=clean)
        form.is_valid()
        recipient = form.custom.to_recipient()
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
        if not recipient.email and (clean.get("found_email") or clean.get("found_postal")):
            recipient = replace(
                recipient,
                email=clean.get("found_email") or recipient.email,
                postal_address=clean.get("found_postal") or recipient.postal_address,
                note=FOUND_NOTE,
            )
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


def sub_forms(form: forms.Form) -> list[forms.Form]:
    return form.sub_forms() if isinstance(form, StepForm) else [form]
