"""The JSON Schema (draft 2020-12) of one catalog file, ``catalog/platforms/<slug>.yaml``.

Built from ``vocabulary`` so the enums never drift from the models and pages. The schema checks
shape, types, enums, formats and lengths; the rules that span fields or files (slug matches the
file name, sources exist, weak evidence has low confidence, at least one contact or an
explanation…) are in ``files.check_rules``. ``catalog/schema.json`` is this schema written out
for people who edit the files with a schema-aware editor; a test keeps it in sync.
"""

from __future__ import annotations

from typing import Any

from . import vocabulary as v

SCHEMA_ID = "https://rightsdesk.example/catalog/schema/platform-1.json"

KEY_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# http(s), a host name with a dot (or localhost), optional port, then no spaces.
URL_PATTERN = r"^https?://(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?::\d{1,5})?(?:[/?#][^\s]*)?$"
EMAIL_PATTERN = r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
# A date as precise as the source gives it: 2026-08, or 2026-08-22.
PARTIAL_DATE_PATTERN = r"^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"

MAX_NAME = 200
MAX_URL = 500
MAX_SHORT = 300
MAX_TEXT = 2000
MAX_QUOTE = 4000


def _text(max_length: int = MAX_SHORT, *, min_length: int = 1) -> dict[str, Any]:
    return {"type": "string", "minLength": min_length, "maxLength": max_length}


def _enum(values: dict[str, str] | tuple[str, ...] | list[str]) -> dict[str, Any]:
    return {"type": "string", "enum": list(values)}


URL = {
    "type": "string",
    "maxLength": MAX_URL,
    "pattern": URL_PATTERN,
    "description": "an http(s) URL such as https://example.com/privacy",
}
EMAIL = {
    "type": "string",
    "maxLength": 254,
    "pattern": EMAIL_PATTERN,
    "description": "an email address such as privacy@example.com",
}
PARTIAL_DATE = {
    "type": "string",
    "pattern": PARTIAL_DATE_PATTERN,
    "description": "a date written YYYY-MM-DD, or YYYY-MM when only the month is known",
}
KEY = {
    "type": "string",
    "maxLength": 60,
    "pattern": KEY_PATTERN,
    "description": "lower-case words joined by hyphens, such as eu-privacy-policy",
}
COUNTRY = {
    "type": "string",
    "pattern": COUNTRY_PATTERN,
    "description": "an ISO 3166 alpha-2 country code such as IE",
}
FACT_GRADE = _enum([g for g in v.GRADES if g != "NOT_FOUND"])


def _object(required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": required,
        "additionalProperties": False,
        "properties": properties,
    }


ENTITY = _object(
    ["name", "applies_to", "grade"],
    {
        "name": _text(MAX_NAME),
        "country": COUNTRY,
        "address": _text(MAX_SHORT),
        "applies_to": {
            "type": "array",
            "minItems": 1,
            "uniqueItems": True,
            "items": {
                "anyOf": [_enum(v.REGION_GROUPS), COUNTRY],
                "description": "a country code or one of " + ", ".join(v.REGION_GROUPS),
            },
        },
        "grade": FACT_GRADE,
        "source": KEY,
        "note": _text(MAX_TEXT),
    },
)

REPRESENTATIVE = _object(
    ["role", "name", "grade"],
    {
        "role": _enum(v.REPRESENTATIVE_ROLES),
        "name": _text(MAX_NAME),
        "address": _text(MAX_SHORT),
        "phone": _text(40),
        "email": EMAIL,
        "url": URL,
        "grade": FACT_GRADE,
        "source": KEY,
        "note": _text(MAX_TEXT),
    },
)

LEAD_AUTHORITY = _object(
    ["name", "country", "grade"],
    {
        "name": _text(MAX_NAME),
        "country": COUNTRY,
        "url": URL,
        "grade": FACT_GRADE,
        "source_url": URL,
        "note": _text(MAX_TEXT),
    },
)

CHANNEL = _object(
    ["kind", "value", "grade"],
    {
        "kind": _enum(v.CHANNEL_KINDS),
        "value": _text(MAX_URL),
        "url": URL,
        "purpose": _text(MAX_SHORT),
        "rights": {"type": "array", "uniqueItems": True, "items": _enum(v.RIGHTS)},
        "grade": FACT_GRADE,
        "source": KEY,
        "note": _text(MAX_TEXT),
    },
)

PLAN = _object(
    ["name", "private_generation", "excluded_from_training", "grade"],
    {
        "name": _text(100),
        "price": _text(200),
        "price_grade": FACT_GRADE,
        "private_generation": _enum(v.PLAN_ANSWERS),
        "excluded_from_training": _enum(v.PLAN_ANSWERS),
        "grade": FACT_GRADE,
        "source": KEY,
        "note": _text(MAX_TEXT),
    },
)

DOCUMENT = _object(
    ["key", "kind", "title", "grade", "captured"],
    {
        "key": KEY,
        "kind": _enum(v.DOCUMENT_KINDS),
        "title": _text(MAX_NAME),
        "url": URL,
        "grade": _enum(["P", "S", "CA"]),
        "date": PARTIAL_DATE,
        "date_label": _text(40),
        "captured": PARTIAL_DATE,
        "sha256": {
            "type": "string",
            "pattern": r"^[0-9a-f]{64}$",
            "description": "64 lower-case hex digits",
        },
        "via": _text(MAX_SHORT),
        "css_selector": _text(200),
        "watch": {"type": "boolean"},
        "note": _text(MAX_TEXT),
    },
)

SWITCH = _object(
    ["name", "where", "set_to", "default", "stops", "topics", "grade"],
    {
        "name": _text(MAX_NAME),
        "where": _text(MAX_SHORT),
        "url": URL,
        "set_to": _enum(v.SWITCH_POSITIONS),
        "default": _enum(v.SWITCH_DEFAULTS),
        "stops": _text(400),
        "does_not_undo": _text(MAX_SHORT),
        "applies_to": _text(MAX_SHORT),
        "topics": {
            "type": "array",
            "minItems": 1,
            "uniqueItems": True,
            "items": _enum([t.key for t in v.TOPICS]),
        },
        "quote": _text(MAX_QUOTE),
        "grade": FACT_GRADE,
        "source": KEY,
        "note": _text(MAX_TEXT),
    },
)

ALIASES = {
    "type": "array",
    "uniqueItems": True,
    "items": _text(60),
    "description": "other names people type for it: product names, spellings, former names",
}

PROVISION = _object(
    ["topic", "value", "verdict", "reading", "confidence", "grade"],
    {
        "topic": _enum([t.key for t in v.TOPICS]),
        "value": _enum(v.VALUES),
        "verdict": _enum(v.VERDICTS),
        "quote": _text(MAX_QUOTE),
        "reading": _text(400),
        "note": _text(MAX_TEXT),
        "source": KEY,
        "confidence": _enum(v.CONFIDENCE),
        "grade": _enum(v.GRADES),
    },
)


def _array(items: dict[str, Any], *, min_items: int = 0) -> dict[str, Any]:
    return {"type": "array", "minItems": min_items, "items": items}


PLATFORM_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_ID,
    "title": "Rightsdesk platform catalog file",
    **_object(
        [
            "slug",
            "name",
            "categories",
            "as_of",
            "evidence",
            "summary",
            "legal_entities",
            "channels",
            "documents",
            "provisions",
        ],
        {
            "slug": KEY,
            "name": _text(120),
            "products": _text(MAX_SHORT),
            "aliases": ALIASES,
            "categories": {
                "type": "array",
                "minItems": 1,
                "uniqueItems": True,
                "items": _enum(v.CATEGORIES),
            },
            "website": URL,
            "as_of": PARTIAL_DATE,
            "evidence": _enum(v.OVERALL_EVIDENCE),
            "summary": _text(600),
            "legal_entities": _array(ENTITY),
            "legal_entities_note": _text(MAX_TEXT),
            "representatives": _array(REPRESENTATIVE),
            "lead_authority": LEAD_AUTHORITY,
            "channels": _array(CHANNEL),
            "channels_not_documented": _text(MAX_TEXT),
            "plans": _array(PLAN),
            "switches": _array(SWITCH),
            "documents": _array(DOCUMENT),
            "provisions": _array(PROVISION, min_items=1),
        },
    ),
}


if __name__ == "__main__":  # python -m apps.catalog.schema > catalog/schema.json
    import json

    print(json.dumps(PLATFORM_SCHEMA, indent=2, ensure_ascii=False))
