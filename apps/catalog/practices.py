"""Per practice (topic), which right answers it, under the law of the person's place, with the
deadline and where to complain; and how many platforms in the catalog do the same.

The legal side is not worked out here: ``apps.letters.plan.plan_request`` says how a right is
exercised under each regime (granted, mapped onto rights the regime grants — the CCPA turns a
training objection into deletion plus the opt-out of sale —, or resting on the platform's own
promises) and computes the deadlines with ``apps.deadlines``; the authorities come from the
deadline too. This module only picks the right a practice calls for (``vocabulary.TOPIC_RIGHTS``),
reads the person's place (their profile, or a place chosen on the page, no JavaScript needed) and
counts the catalog's headline answers in one query. ``deadlines`` and ``letters`` are plain
Python with no models at import time, so the catalog pages may call them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django import forms
from django.db.models import Count
from django.http import HttpRequest
from django.utils import timezone

from apps.core.places import (
    REGION_COUNTRIES,
    country_choices,
    country_name,
    grouped_region_choices,
    is_valid_country,
    is_valid_region,
    region_name,
)
from apps.deadlines import Authority, applicable_regimes, get_regime
from apps.deadlines.rules import RIGHT_LABELS
from apps.letters.plan import plan_request

from . import vocabulary as v
from .models import Platform, Provision

# --- The person's place ---------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    country: str = ""
    region: str = ""
    origin: str = ""  # "profile", "chosen" or "" (unknown)

    def __bool__(self) -> bool:
        return bool(self.country)

    @property
    def name(self) -> str:
        if not self.country:
            return ""
        if self.region:
            return f"{region_name(self.country, self.region)}, {country_name(self.country)}"
        return country_name(self.country)


class PlaceForm(forms.Form):
    """Where you live, chosen on a catalog page (GET): decides the law, the deadline, the authority."""

    country = forms.ChoiceField(label="Where you live", required=False, choices=())
    region = forms.ChoiceField(
        label="State or province (United States and Canada)",
        required=False,
        choices=grouped_region_choices,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "— choose —"), *country_choices()]
        self.fields["country"].widget.attrs.update(id="id_place_country", autocomplete="country")
        self.fields["region"].widget.attrs.update(id="id_place_region")

    def place(self) -> Place | None:
        """The place chosen, or None when nothing (valid) was chosen."""
        if not self.is_valid():
            return None
        country, region = self.cleaned_data["country"], self.cleaned_data["region"]
        if not country or not is_valid_country(country):
            return None
        if country in REGION_COUNTRIES and not is_valid_region(country, region):
            region = ""
        if country not in REGION_COUNTRIES:
            region = ""
        return Place(country, region, "chosen")


def place_for(request: HttpRequest) -> tuple[Place, PlaceForm]:
    """The place a page's deadlines are for: one chosen on the page (``?country=&region=``), else
    the signed-in person's profile, else none; and the form to change it, filled in."""
    form = PlaceForm(request.GET if "country" in request.GET else None)
    chosen = form.place() if form.is_bound else None
    if chosen:
        return chosen, form
    user = getattr(request, "user", None)
    profile = getattr(user, "profile", None) if getattr(user, "is_authenticated", False) else None
    if profile is not None and profile.country:
        place = Place(profile.country, profile.region or "", "profile")
        return place, PlaceForm(initial={"country": place.country, "region": place.region})
    return Place(), form


def today_for(request: HttpRequest) -> date:
    user = getattr(request, "user", None)
    profile = getattr(user, "profile", None) if getattr(user, "is_authenticated", False) else None
    return profile.today() if profile is not None else timezone.localdate()


# --- Which right, under which law, by when --------------------------------------------------


@dataclass(frozen=True)
class Ground:
    """How the right is exercised under one regime, in words a page can show."""

    regime: str  # "GDPR"
    basis: str  # granted | mapped | policy
    rights: tuple[str, ...]  # the rights the regime grants that do the job ("deletion")
    citations: tuple[str, ...]
    reason: str = ""


@dataclass(frozen=True)
class Route:
    """The letter that answers a practice, for one place: its grounds, deadline and authorities."""

    right: str
    label: str  # "Stop training on my data"
    place: Place
    received_on: date
    grounds: tuple[Ground, ...]
    due_on: date | None
    courtesy_reply_by: date | None
    explanation: str
    regime_name: str
    statutory: bool
    authorities: tuple[Authority, ...] = field(default_factory=tuple)


def route(right: str, place: Place, today: date) -> Route:
    """How ``right`` is exercised where ``place`` is, if the company receives the letter today."""
    regimes = applicable_regimes(place.country, place.region) if place else ("none",)
    plan = plan_request([right], regimes, today, country=place.country, region=place.region)
    grounds = []
    for g in plan.grounds:
        regime = get_regime(g.regime)
        citations = tuple(dict.fromkeys(regime.rights[e].citation for e in g.effective))
        grounds.append(
            Ground(
                regime=regime.name,
                basis=g.basis,
                rights=tuple(RIGHT_LABELS.get(e, e) for e in g.effective),
                citations=citations,
                reason=g.reason,
            )
        )
    governing = plan.governing[0]
    return Route(
        right=right,
        label=v.RIGHTS[right],
        place=place,
        received_on=today,
        grounds=tuple(grounds),
        due_on=governing.due_on,
        courtesy_reply_by=governing.courtesy_reply_by,
        explanation=governing.explanation,
        regime_name=governing.regime_name,
        statutory=plan.statutory,
        authorities=tuple(governing.authorities),
    )


def routes_by_topic(place: Place, today: date) -> dict[str, Route]:
    """The route for each practice that a letter answers (one plan per right, not per topic)."""
    rights = dict.fromkeys(v.TOPIC_RIGHTS.values())
    by_right = {right: route(right, place, today) for right in rights}
    return {topic: by_right[right] for topic, right in v.TOPIC_RIGHTS.items()}


def routes_by_right(rights: list[str], place: Place, today: date) -> dict[str, Route]:
    return {right: route(right, place, today) for right in rights}


# --- Where to complain in the United States -------------------------------------------------


def us_authorities() -> tuple[Authority, ...]:
    """California's regulators (the CCPA), as apps.deadlines gives them; other states' attorneys
    general appear once the person chooses their state."""
    return tuple(get_regime("ccpa").authorities)


# --- How many platforms do the same ---------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """Headline answers per topic and value across the loaded catalog (one query each)."""

    total: int
    by_topic: dict[str, Counter[str]]

    def of(self, topic: str, value: str) -> int:
        return self.by_topic.get(topic, Counter())[value]

    def affirmative(self, topic: str) -> int:
        return sum(self.of(topic, value) for value in v.AFFIRMATIVE)

    def rows(self, topic: str) -> list[tuple[str, str, int]]:
        """(value, its label, how many) for the values some platform gives, in vocabulary order."""
        found = self.by_topic.get(topic, Counter())
        return [(value, label, found[value]) for value, label in v.VALUES.items() if found[value]]


def catalog_counts() -> Counts:
    """How many platforms give each headline answer, per topic (two queries, any catalog size)."""
    by_topic: dict[str, Counter[str]] = {}
    rows = (
        Provision.objects.filter(rank=0)
        .values("topic", "value")
        .annotate(n=Count("platform", distinct=True))
        .order_by()
    )
    for row in rows:
        by_topic.setdefault(row["topic"], Counter())[row["value"]] = row["n"]
    return Counts(total=Platform.objects.count(), by_topic=by_topic)
