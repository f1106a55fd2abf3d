"""The catalog holds the reference's facts and nothing else: every address, URL, quote and
price in the files appears in the reference (platforms.md, laws.md), and its uncertainty is kept."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from apps.catalog import vocabulary as v
from apps.catalog.files import read_catalog

from .conftest import CATALOG_DIR, REFERENCE_DIR

FILES = {f.slug: f.data for f in read_catalog(CATALOG_DIR)}

needs_reference = pytest.mark.skipif(
    REFERENCE_DIR is None, reason="shared/reference is not beside this checkout"
)


def _reference_text() -> str:
    assert REFERENCE_DIR is not None
    text = "\n".join(
        (REFERENCE_DIR / name).read_text(encoding="utf-8") for name in ("platforms.md", "laws.md")
    )
    return re.sub(r"\s+", " ", text.replace("**", ""))


def _urls(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    if "website" in data:
        yield "website", data["website"]
    for i, d in enumerate(data["documents"]):
        if "url" in d:
            yield f"documents[{i}].url", d["url"]
    for i, c in enumerate(data["channels"]):
        if c["kind"] == "web-form":
            yield f"channels[{i}].value", c["value"]
        if "url" in c:
            yield f"channels[{i}].url", c["url"]
    for i, r in enumerate(data.get("representatives", [])):
        if "url" in r:
            yield f"representatives[{i}].url", r["url"]
    lead = data.get("lead_authority") or {}
    for key in ("url", "source_url"):
        if key in lead:
            yield f"lead_authority.{key}", lead[key]


def _without_scheme(url: str) -> str:
    return re.sub(r"^https?://", "", url)


@needs_reference
@pytest.mark.parametrize("slug", sorted(FILES))
def test_every_url_comes_from_the_reference(slug):
    reference = _reference_text()
    invented = [
        (where, url) for where, url in _urls(FILES[slug]) if _without_scheme(url) not in reference
    ]
    assert not invented, invented


@needs_reference
@pytest.mark.parametrize("slug", sorted(FILES))
def test_every_email_address_comes_from_the_reference(slug):
    reference = _reference_text()
    data = FILES[slug]
    emails = [c["value"] for c in data["channels"] if c["kind"] in v.EMAIL_CHANNELS]
    emails += [r["email"] for r in data.get("representatives", []) if "email" in r]
    assert all(e in reference for e in emails), emails


@needs_reference
@pytest.mark.parametrize("slug", sorted(FILES))
def test_every_quote_is_verbatim_from_the_reference(slug):
    reference = _reference_text()
    for p in FILES[slug]["provisions"]:
        if "quote" not in p:
            continue
        quote = re.sub(r"\s+", " ", p["quote"]).rstrip("…").strip()
        # The reference elides with "…"; the quote may stop where the reference does.
        pieces = [piece.strip() for piece in quote.split("…") if piece.strip()]
        for piece in pieces:
            assert piece in reference, (p["topic"], piece)


@needs_reference
@pytest.mark.parametrize("slug", sorted(FILES))
def test_every_price_comes_from_the_reference(slug):
    reference = _reference_text()
    for plan in FILES[slug].get("plans", []):
        for amount in re.findall(r"\$\d+", plan.get("price", "")):
            assert amount in reference, (plan["name"], amount)


def test_weak_evidence_always_has_low_confidence():
    for slug, data in FILES.items():
        for p in data["provisions"]:
            if p["grade"] in v.WEAK_GRADES | {"NOT_FOUND"}:
                assert p["confidence"] == "low", (slug, p["topic"])


def test_every_platform_answers_every_core_topic():
    for slug, data in FILES.items():
        assert set(v.CORE_TOPICS) <= {p["topic"] for p in data["provisions"]}, slug


@pytest.mark.parametrize("slug", ["clipdrop", "deepai", "craiyon"])
def test_platforms_the_reference_knows_nothing_about_say_not_documented(slug):
    data = FILES[slug]
    assert data["evidence"] == "none"
    assert data["channels"] == []
    assert data["documents"] == []
    assert data["legal_entities"] == []
    assert data["channels_not_documented"]
    documented = [p for p in data["provisions"] if p["value"] != "not_documented"]
    assert all(p["grade"] == "UNVERIFIED" for p in documented)  # DeepAI's one blog claim


@pytest.mark.parametrize(
    ("slug", "address"),
    [
        ("ideogram", "privacy@ideogram.ai"),
        ("ai21-labs", "privacy@ai21.com"),
        ("midjourney", "privacy@midjourney.com"),
        ("leonardo-ai", "privacy@leonardo.ai"),
        ("runway", "privacy@runwayml.com"),
        ("character-ai", "privacy@character.ai"),
        ("supabase", "privacy@supabase.com"),
        ("nightcafe", "privacy@nightcafe.studio"),
    ],
)
def test_addresses_seen_only_on_conductatlas_or_unverified_are_never_documented(slug, address):
    channel = next(c for c in FILES[slug]["channels"] if c["value"] == address)
    assert channel["grade"] in ("CA", "UNVERIFIED")


def test_the_corrections_to_the_brief_are_kept():
    ideogram = {p["name"]: p for p in FILES["ideogram"]["plans"]}
    assert ideogram["Basic"]["private_generation"] == "no"
    assert ideogram["Plus"]["private_generation"] == "yes"
    assert ideogram["Basic"]["price"].startswith("$8/mo")
    midjourney = {p["name"]: p for p in FILES["midjourney"]["plans"]}
    assert {n for n, p in midjourney.items() if p["private_generation"] == "yes"} == {"Pro", "Mega"}
    assert all(p["price_grade"] == "S" for p in midjourney.values())
    stability = {c["value"]: c for c in FILES["stability-ai"]["channels"]}
    assert stability["privacy@stability.ai"]["grade"] == "P"
    training = next(
        p for p in FILES["stability-ai"]["provisions"] if p["topic"] == "training-inputs"
    )
    assert training["grade"] == "CA"
    nightcafe = next(
        p for p in FILES["nightcafe"]["provisions"] if p["topic"] == "private-generation"
    )
    assert nightcafe["value"] == "yes"
    assert nightcafe["grade"] == "P"


def test_no_hash_is_invented():
    assert not any("sha256" in d for data in FILES.values() for d in data["documents"])
