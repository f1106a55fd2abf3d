"""Reading the catalog for the pages and the JSON: a fixed number of queries per page, however
many platforms or provisions there are (everything is fetched with prefetches, never per row).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from . import vocabulary as v
from .models import (
    Category,
    Channel,
    LegalEntity,
    Plan,
    Platform,
    Provision,
    Representative,
)

# The verdicts a catalog card shows, in this order.
CARD_TOPICS: tuple[str, ...] = (
    "training-inputs",
    "opt-out",
    "public-by-default",
    "private-generation",
)

TRAINS_CHOICES: dict[str, str] = {
    "yes": "Yes or partly",
    "no": "No",
    "unknown": "Unclear or not documented",
}


@dataclass(frozen=True)
class CatalogFilters:
    q: str = ""
    category: str = ""
    trains: str = ""  # "", or a TRAINS_CHOICES key
    opt_out: bool = False
    private: bool = False

    @property
    def active(self) -> bool:
        return bool(self.q or self.category or self.trains or self.opt_out or self.private)


def _headline(**conditions: Any) -> QuerySet[Provision]:
    """The headline provision (rank 0) of the outer platform, with extra conditions."""
    return Provision.objects.filter(platform=OuterRef("pk"), rank=0, **conditions)


def _in_category(category: str) -> Exists:
    return Exists(Category.objects.filter(platform=OuterRef("pk"), category=category))


def _trains(answer: str) -> Q:
    says_it_trains = Exists(_headline(topic__in=v.TRAINING_TOPICS, value__in=v.AFFIRMATIVE))
    not_a_clear_no = Exists(_headline(topic__in=v.TRAINING_TOPICS).exclude(value="no"))
    if answer == "yes":
        return Q(says_it_trains)
    if answer == "no":
        return ~Q(not_a_clear_no)
    return ~Q(says_it_trains) & Q(not_a_clear_no)


def _opt_out_offered() -> Exists:
    return Exists(_headline(topic="opt-out", value__in=v.AFFIRMATIVE))


def _private_available() -> Q:
    """A private setting or plan: the headline answer, or any plan with private generation."""
    return Q(Exists(_headline(topic="private-generation", value__in=v.AFFIRMATIVE))) | Q(
        Exists(Plan.objects.filter(platform=OuterRef("pk"), private_generation="yes"))
    )


def _filtered(filters: CatalogFilters, *, skip: str = "") -> QuerySet[Platform]:
    qs = Platform.objects.all()
    if filters.q and skip != "q":
        qs = qs.filter(Q(name__icontains=filters.q) | Q(products__icontains=filters.q))
    if filters.category and skip != "category":
        qs = qs.filter(_in_category(filters.category))
    if filters.trains and skip != "trains":
        qs = qs.filter(_trains(filters.trains))
    if filters.opt_out and skip != "opt_out":
        qs = qs.filter(_opt_out_offered())
    if filters.private and skip != "private":
        qs = qs.filter(_private_available())
    return qs


def catalog_page(filters: CatalogFilters) -> dict[str, Any]:
    """The platforms matching ``filters`` with their card verdicts, and facet counts.

    Each count says how many platforms the option would show with the other filters kept.
    """
    platforms = list(
        _filtered(filters).prefetch_related(
            "categories",
            Prefetch(
                "provisions",
                queryset=Provision.objects.filter(rank=0, topic__in=CARD_TOPICS),
                to_attr="headlines",
            ),
            Prefetch(
                "channels",
                queryset=Channel.objects.filter(grade__in=("P", "S")),
                to_attr="documented_channels",
            ),
        )
    )
    for platform in platforms:
        by_topic = {p.topic: p for p in platform.headlines}
        platform.card = [(v.TOPIC_BY_KEY[t], by_topic.get(t)) for t in CARD_TOPICS]

    category_counts = _filtered(filters, skip="category").aggregate(
        **{c: Count("pk", filter=_in_category(c)) for c in v.CATEGORIES}
    )
    trains_counts = _filtered(filters, skip="trains").aggregate(
        **{answer: Count("pk", filter=_trains(answer)) for answer in TRAINS_CHOICES}
    )
    opt_out_count = _filtered(filters, skip="opt_out").filter(_opt_out_offered()).count()
    private_count = _filtered(filters, skip="private").filter(_private_available()).count()
    return {
        "platforms": platforms,
        "total": Platform.objects.count(),
        "counts": {
            "category": category_counts,
            "trains": trains_counts,
            "opt_out": opt_out_count,
            "private": private_count,
        },
    }


def _with_everything(qs: QuerySet[Platform]) -> QuerySet[Platform]:
    return qs.prefetch_related(
        "categories",
        "documents",
        Prefetch("legal_entities", queryset=LegalEntity.objects.select_related("source")),
        Prefetch("representatives", queryset=Representative.objects.select_related("source")),
        Prefetch("channels", queryset=Channel.objects.select_related("source")),
        Prefetch("plans", queryset=Plan.objects.select_related("source")),
        Prefetch("provisions", queryset=Provision.objects.select_related("source")),
    )


def platform_detail(slug: str) -> Platform:
    """One platform with every row it has (eight queries), or 404."""
    return get_object_or_404(_with_everything(Platform.objects.all()), slug=slug)


def all_platforms_in_full() -> list[Platform]:
    return list(_with_everything(Platform.objects.all()))


def comparison(topic: str, *, order: str = "verdict") -> list[tuple[Platform, list[Provision]]]:
    """Every platform with its provisions on ``topic``: best headline verdict first, the more
    confident first among equals (or simply by name)."""
    platforms = Platform.objects.prefetch_related(
        Prefetch(
            "provisions",
            queryset=Provision.objects.filter(topic=topic).select_related("source"),
            to_attr="on_topic",
        )
    )
    rows = [(p, p.on_topic) for p in platforms]
    if order == "verdict":
        verdicts = {verdict: i for i, verdict in enumerate(v.VERDICT_ORDER)}
        confidence = {"high": 0, "medium": 1, "low": 2}

        def best_first(row: tuple[Platform, list[Provision]]) -> tuple[int, int]:
            if not row[1]:
                return (len(verdicts), 0)
            headline = row[1][0]
            return (verdicts[headline.verdict], confidence[headline.confidence])

        rows.sort(key=best_first)  # stable: platforms stay in name order within a rank
    return rows


def matrix() -> tuple[list[v.Topic], list[tuple[Platform, list[Provision | None]]]]:
    """All platforms against every core topic: the headline provision in each cell."""
    topics = [t for t in v.TOPICS if t.core]
    platforms = Platform.objects.prefetch_related(
        Prefetch("provisions", queryset=Provision.objects.filter(rank=0), to_attr="headlines")
    )
    rows = []
    for platform in platforms:
        by_topic = {p.topic: p for p in platform.headlines}
        rows.append((platform, [by_topic.get(t.key) for t in topics]))
    return topics, rows
