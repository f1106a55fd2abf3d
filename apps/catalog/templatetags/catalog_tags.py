"""Template helpers for the catalog pages: request links, dates as precise as their source,
country and region names, and the evidence warnings."""

from __future__ import annotations

import datetime as dt

from django import template

from apps.core.places import country_name

from .. import coding, vocabulary as v
from ..links import request_start_url

register = template.Library()

WARNINGS = {
    "S": (
        "This comes from a secondary source, a third-party page quoting or summarising the "
        "platform, not from the platform's own document. Check it against the platform's own "
        "policy before you rely on it."
    ),
    "CA": (
        "This wording comes from ConductAtlas, a third-party summary site that is not reliable "
        "as a quotation: it may not be the platform's own words. Check the platform's own policy "
        "before you rely on it."
    ),
    "UNVERIFIED": (
        "Not confirmed in any of the platform's own documents that could be read. Check it "
        "before you rely on it."
    ),
}

QUOTE_LABELS = {
    "P": "What the document says",
    "S": "How a third party quotes it (not confirmed)",
    "CA": "What ConductAtlas says the policy says (not confirmed)",
    "UNVERIFIED": "The wording as reported (not confirmed)",
}


@register.simple_tag
def request_url(platform: str, want: str, custom: bool = False) -> str:
    return request_start_url(platform=platform, want=want, custom=custom)


@register.filter
def partial_date(value: str) -> str:
    """ "2026-08" → "August 2026"; "2026-08-22" → "22 August 2026"."""
    if not value:
        return ""
    parts = [int(p) for p in value.split("-")]
    try:
        day = dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    except (ValueError, IndexError):
        return value
    return f"{day.day} {day:%B %Y}" if len(parts) == 3 else f"{day:%B %Y}"


@register.filter
def country(code: str) -> str:
    return country_name(code) if code else ""


@register.filter
def regions(codes: list[str]) -> str:
    return ", ".join(v.REGION_GROUPS.get(c, country_name(c)) for c in codes)


@register.filter
def serves(codes: list[str]) -> str:
    """Whom a legal entity serves, as a phrase that reads: "for people in Ireland and the United
    Kingdom", "for people everywhere", "for people in the European Union and everywhere else"."""
    places = [v.REGION_GROUPS.get(c, country_name(c)) for c in codes if c not in _WORLD]
    listed = ", ".join(places[:-1]) + f" and {places[-1]}" if len(places) > 1 else "".join(places)
    if "ALL" in codes:
        return "for people everywhere"
    if "REST_OF_WORLD" in codes:
        return (
            f"for people in {listed} and everywhere else"
            if places
            else "for people everywhere else"
        )
    return f"for people in {listed}"


_WORLD = {"ALL", "REST_OF_WORLD"}


@register.filter
def grade_warning(grade: str) -> str:
    return WARNINGS.get(grade, "")


@register.filter
def quote_label(grade: str) -> str:
    return QUOTE_LABELS.get(grade, QUOTE_LABELS["P"])


@register.filter
def grade_name(grade: str) -> str:
    return {
        "P": "Primary source",
        "S": "Secondary source",
        "CA": "ConductAtlas only",
        "UNVERIFIED": "Unverified",
        "NOT_FOUND": "Nothing found",
    }.get(grade, grade)


@register.filter
def label(value: str, mapping: str) -> str:
    """``{{ p.private_generation|label:"plan" }}``: a code's label from the vocabulary."""
    table = {
        "plan": v.PLAN_ANSWERS,
        "value": v.VALUES,
        "verdict": v.VERDICTS,
        "channel": v.CHANNEL_KINDS,
        "document": v.DOCUMENT_KINDS,
        "category": v.CATEGORIES,
        "role": v.REPRESENTATIVE_ROLES,
        "right": v.RIGHTS,
        "evidence": v.OVERALL_EVIDENCE,
    }[mapping]
    return table.get(value, value)


@register.filter
def confidence_badge(provision: object) -> str:
    """The badge an answer carries beside its value: "inferred", "unconfirmed" or ""."""
    return coding.badge(getattr(provision, "confidence", ""), getattr(provision, "grade", ""))


@register.filter
def badge_label(key: str) -> str:
    return coding.BADGES.get(key, "")


@register.filter
def badge_help(key: str) -> str:
    return coding.BADGE_HELP.get(key, "")


@register.filter
def switches_for(platform: object, topic: str = "") -> list:
    """The platform's settings switches (prefetched or not), only those answering ``topic``."""
    if platform is None or not getattr(platform, "pk", None):
        return []
    cache = getattr(platform, "_prefetched_objects_cache", {})
    related = platform.switches  # type: ignore[attr-defined]
    switches = list(related.all() if "switches" in cache else related.select_related("source"))
    return [w for w in switches if not topic or topic in w.topics]
