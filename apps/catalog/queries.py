"""Reading the catalog for the pages and the JSON: a fixed number of queries per page, however
many platforms or provisions there are (everything is fetched with prefetches, never per row).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
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
    Switch,
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


# --- Search ----------------------------------------------------------------------------------

# How close a misspelling must be to a name (difflib's ratio, 0–1): "midjurney" → Midjourney.
CLOSE_MATCH = 0.8
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise_name(text: str) -> str:
    """ "DALL·E", "dall-e" and "Dalle" → "dalle"; "Chat GPT" → "chatgpt" (accents, case, spaces
    and punctuation do not count)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_ALNUM.sub("", plain.casefold())


def _words_of(text: str) -> list[str]:
    return [w for w in (normalise_name(part) for part in text.split()) if w]


def _score(query: str, names: list[str], products: str) -> tuple[float, str]:
    """How well ``query`` names a platform (0: not at all), and the name that matched."""
    q = normalise_name(query)
    if not q:
        return 0.0, ""
    q_words = _words_of(query)
    best: tuple[float, str] = (0.0, "")
    for name in names:
        n = normalise_name(name)
        if not n:
            continue
        if q == n:
            score = 100.0
        elif n.startswith(q) and len(q) >= 2:
            score = 90.0
        elif len(q) >= 3 and q in n:
            score = 80.0
        elif len(q_words) > 1 and all(
            any(w.startswith(qw) for w in _words_of(name)) for qw in q_words if len(qw) >= 3
        ):
            score = 75.0
        else:
            ratio = difflib.SequenceMatcher(None, q, n).ratio()
            word_ratio = max(
                (difflib.SequenceMatcher(None, q, w).ratio() for w in _words_of(name)),
                default=0.0,
            )
            ratio = max(ratio, word_ratio)
            score = 60.0 * ratio if ratio >= CLOSE_MATCH else 0.0
        if score > best[0]:
            best = (score, name)
    if not best[0] and len(q) >= 3 and q in normalise_name(products):
        best = (70.0, products)
    return best


def search_platforms(query: str) -> list[Platform]:
    """The platforms a person means by ``query``, best match first (one query).

    Matches the name, the slug, the aliases the catalog files list ("chatgpt", "dall-e",
    "bard", "stable diffusion") and the products, ignoring case, accents, spaces and punctuation,
    and close misspellings ("midjurney"). Each platform carries ``search_match``: the name that
    matched. A blank query gives every platform, by name. Only ``slug``, ``name``, ``products``
    and ``aliases`` are loaded.
    """
    platforms = list(Platform.objects.only("slug", "name", "products", "aliases"))
    if not normalise_name(query):
        for platform in platforms:
            platform.search_match = ""
        return platforms
    scored = []
    for platform in platforms:
        names = [platform.name, platform.slug.replace("-", " "), *platform.aliases]
        score, matched = _score(query, names, platform.products)
        if score:
            platform.search_match = matched
            scored.append((-score, platform.name.casefold(), platform))
    return [platform for *_, platform in sorted(scored, key=lambda row: row[:2])]


def _filtered(
    filters: CatalogFilters, *, skip: str = "", matched: list[str] | None = None
) -> QuerySet[Platform]:
    qs = Platform.objects.all()
    if filters.q and skip != "q":
        qs = qs.filter(slug__in=matched if matched is not None else [])
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
    With a search, the platforms come best match first.
    """
    matched = [p.slug for p in search_platforms(filters.q)] if filters.q else None
    platforms = list(
        _filtered(filters, matched=matched).prefetch_related(
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
    if matched is not None:
        rank = {slug: i for i, slug in enumerate(matched)}
        platforms.sort(key=lambda platform: rank[platform.slug])

    def others(skip: str) -> QuerySet[Platform]:
        return _filtered(filters, skip=skip, matched=matched)

    category_counts = others("category").aggregate(
        **{c: Count("pk", filter=_in_category(c)) for c in v.CATEGORIES}
    )
    trains_counts = others("trains").aggregate(
        **{answer: Count("pk", filter=_trains(answer)) for answer in TRAINS_CHOICES}
    )
    opt_out_count = others("opt_out").filter(_opt_out_offered()).count()
    private_count = others("private").filter(_private_available()).count()
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
        Prefetch("switches", queryset=Switch.objects.select_related("source")),
        Prefetch("provisions", queryset=Provision.objects.select_related("source")),
    )


def platform_detail(slug: str) -> Platform:
    """One platform with every row it has (nine queries), or 404."""
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
