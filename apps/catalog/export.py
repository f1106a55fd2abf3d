"""The catalog as JSON for others to reuse: ``/catalog.json`` and ``/platforms/<slug>.json``.

The shape is versioned (``format``, ``version``) and documented in ``catalog/README.md``. Add
fields freely; renaming or removing one needs a new version. Every fact carries its evidence:
grade, confidence, source document (title, URL, the document's own date, when it was read).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.urls import reverse

from . import coding, vocabulary as v
from .models import Document, Platform

FORMAT = "rightsdesk-catalog"
VERSION = 1

Absolute = Callable[[str], str]  # turns a site path into an absolute URL


def _source(doc: Document | None) -> dict[str, Any] | None:
    if doc is None:
        return None
    return {
        "key": doc.key,
        "title": doc.title,
        "url": doc.url or None,
        "kind": doc.kind,
        "grade": doc.grade,
        "document_date": doc.date or None,
        "document_date_label": doc.date_label or None,
        "captured": doc.captured,
        "sha256": doc.sha256 or None,
    }


def _evidence(obj: Any) -> dict[str, Any]:
    return {"grade": obj.grade, "note": obj.note or None, "source": _source(obj.source)}


def platform_json(platform: Platform, *, absolute: Absolute) -> dict[str, Any]:
    documents = list(platform.documents.all())
    return {
        "slug": platform.slug,
        "name": platform.name,
        "products": platform.products or None,
        "aliases": list(platform.aliases),
        "page_url": absolute(platform.get_absolute_url()),
        "json_url": absolute(reverse("catalog:detail_json", kwargs={"slug": platform.slug})),
        "website": platform.website or None,
        "categories": [c.category for c in platform.categories.all()],
        "summary": platform.summary,
        "evidence_overall": platform.evidence,
        "facts_as_of": platform.as_of,
        "privacy_policy_urls": [d.url for d in documents if d.kind == "privacy-policy" and d.url],
        "terms_urls": [d.url for d in documents if d.kind == "terms" and d.url],
        "legal_entities": [
            {
                "name": e.name,
                "country": e.country or None,
                "address": e.address or None,
                "applies_to": list(e.applies_to),
                **_evidence(e),
            }
            for e in platform.legal_entities.all()
        ],
        "legal_entities_note": platform.legal_entities_note or None,
        "representatives": [
            {
                "role": r.role,
                "name": r.name,
                "address": r.address or None,
                "phone": r.phone or None,
                "email": r.email or None,
                "url": r.url or None,
                **_evidence(r),
            }
            for r in platform.representatives.all()
        ],
        "lead_authority": (
            {
                "name": platform.lead_authority_name,
                "country": platform.lead_authority_country,
                "url": platform.lead_authority_url or None,
                "grade": platform.lead_authority_grade,
                "source_url": platform.lead_authority_source_url or None,
                "note": platform.lead_authority_note or None,
            }
            if platform.lead_authority_name
            else None
        ),
        "channels": [
            {
                "kind": c.kind,
                "value": c.value,
                "url": c.url or None,
                "purpose": c.purpose or None,
                "rights": list(c.rights),
                "documented": c.is_documented,
                **_evidence(c),
            }
            for c in platform.channels.all()
        ],
        "channels_not_documented": platform.channels_not_documented or None,
        "plans": [
            {
                "name": p.name,
                "price": p.price or None,
                "price_grade": p.price_grade or None,
                "private_generation": p.private_generation,
                "excluded_from_training": p.excluded_from_training,
                **_evidence(p),
            }
            for p in platform.plans.all()
        ],
        "switches": [
            {
                "name": w.name,
                "where": w.where,
                "url": w.url or None,
                "set_to": w.set_to,
                "default": w.default,
                "needs_action": w.needs_action,
                "stops": w.stops,
                "does_not_undo": w.does_not_undo or None,
                "applies_to": w.applies_to or None,
                "topics": list(w.topics),
                "quote": w.quote or None,
                **_evidence(w),
            }
            for w in platform.switches.all()
        ],
        "documents": [
            {
                **(_source(d) or {}),
                "css_selector": d.css_selector or None,
                "via": d.via or None,
                "watch": d.watch,
                "note": d.note or None,
            }
            for d in documents
        ],
        "provisions": [
            {
                "topic": p.topic,
                "headline": p.rank == 0,
                "value": p.value,
                "verdict": p.verdict,
                "quote": p.quote or None,
                "reading": p.reading,
                "note": p.note or None,
                "confidence": p.confidence,
                "badge": coding.badge(p.confidence, p.grade) or None,
                "grade": p.grade,
                "source": _source(p.source),
            }
            for p in platform.provisions.all()
        ],
    }


def catalog_json(platforms: Iterable[Platform], *, absolute: Absolute) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "documentation": "The shape is described in catalog/README.md of the Rightsdesk source.",
        "disclaimer": (
            "Not legal advice. Facts as read from stored copies of each platform's documents; "
            "re-check the live page before relying on one."
        ),
        "vocabulary": {
            "topics": [
                {"key": t.key, "title": t.title, "question": t.question, "core": t.core}
                for t in v.TOPICS
            ],
            "values": v.VALUES,
            "verdicts": v.VERDICTS,
            "confidence": v.CONFIDENCE,
            "grades": v.GRADES,
            "categories": v.CATEGORIES,
            "channel_kinds": v.CHANNEL_KINDS,
            "document_kinds": v.DOCUMENT_KINDS,
            "plan_answers": v.PLAN_ANSWERS,
            "region_groups": v.REGION_GROUPS,
            "switch_positions": v.SWITCH_POSITIONS,
            "switch_defaults": v.SWITCH_DEFAULTS,
            "badges": {
                key: {"label": label, "meaning": coding.BADGE_HELP[key]}
                for key, label in coding.BADGES.items()
            },
        },
        "platforms": [platform_json(p, absolute=absolute) for p in platforms],
    }


def single_platform_json(platform: Platform, *, absolute: Absolute) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "catalog_url": absolute(reverse("catalog:json")),
        "platform": platform_json(platform, absolute=absolute),
    }
