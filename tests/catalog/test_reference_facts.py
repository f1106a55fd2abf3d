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


def _reference_text() -> str:
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
    for i, w in enumerate(data.get("switches", [])):
        if "url" in w:
            yield f"switches[{i}].url", w["url"]
    lead = data.get("lead_authority") or {}
    for key in ("url", "source_url"):
        if key in lead:
            yield f"lead_authority.{key}", lead[key]


def _without_scheme(url: str) -> str:
    return re.sub(r"^https?://", "", url)


@pytest.mark.parametrize("slug", sorted(FILES))
def test_every_url_comes_from_the_reference(slug):
    reference = _reference_text()
    invented = [
        (where, url) for where, url in _urls(FILES[slug]) if _without_scheme(url) not in reference
    ]
    assert not invented, invented


@pytest.mark.parametrize("slug", sorted(FILES))
def test_every_email_address_comes_from_the_reference(slug):
    reference = _reference_text()
    data = FILES[slug]
    emails = [c["value"] for c in data["channels"] if c["kind"] in v.EMAIL_CHANNELS]
    emails += [r["email"] for r in data.get("representatives", []) if "email" in r]
    assert all(e in reference for e in emails), emails


@pytest.mark.parametrize("slug", sorted(FILES))
def test_every_quote_is_verbatim_from_the_reference(slug):
    reference = _reference_text()
    for p in [*FILES[slug]["provisions"], *FILES[slug].get("switches", [])]:
        if "quote" not in p:
            continue
        quote = re.sub(r"\s+", " ", p["quote"]).rstrip("…").strip()
        # The reference elides with "…"; the quote may stop where the reference does.
        pieces = [piece.strip() for piece in quote.split("…") if piece.strip()]
        for piece in pieces:
            assert piece in reference, (p.get("topic") or p["name"], piece)


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


@pytest.mark.parametrize(
    ("slug", "topic", "words"),
    [
        ("openai", "human-review", "automated systems and human review"),
        ("microsoft-copilot", "human-review", "manual (human) processing"),
        ("meta-ai", "human-review", "automated or manual (human)"),
        ("openai", "sharing", "vendors and service providers"),
        ("anthropic", "sharing", "service providers and business partners"),
        ("perplexity", "sharing", "We share your data with service providers."),
        ("microsoft-copilot", "sharing", "including relevant advertising"),
        ("meta-ai", "sharing", "select partners, like search engines"),
        ("runway", "sharing", "our advertising and analytics partners"),
        ("meta-ai", "deletion", "access and delete your personal information"),
        ("openai", "training-outputs", "Input and Output are collectively"),
        ("leonardo-ai", "training-inputs", "text prompts and images you input"),
        ("perplexity", "deletion", "then to the Account tab"),
    ],
)
def test_what_the_audit_found_documented_is_no_longer_not_documented(slug, topic, words):
    answers = [p for p in FILES[slug]["provisions"] if p["topic"] == topic]
    headline = answers[0]
    assert headline["value"] != "not_documented"
    assert headline["grade"] == "P"
    assert words in headline["quote"]


def test_the_audits_corrections_to_entities_and_sources_are_kept():
    entities = {e["name"]: e for data in FILES.values() for e in data["legal_entities"]}
    assert entities["Anthropic PBC"]["country"] == "US"
    assert entities["Anthropic PBC"]["address"].startswith("548 Market St, PMB 90375")
    assert entities["Microsoft Corporation"]["country"] == "US"
    assert "One Microsoft Way" in entities["Microsoft Corporation"]["address"]
    assert entities["Meta Platforms Ireland Limited"]["address"].startswith("Merrion Road")
    # The Privacy FAQ does not name Midjourney's company; a (secondary) copy of the terms does.
    midjourney = entities["Midjourney, Inc."]
    assert midjourney["source"] == "terms-2022-copy"
    assert midjourney["grade"] == "S"
    ai21 = next(p for p in FILES["ai21-labs"]["provisions"] if p["topic"] == "training-inputs")
    assert "separate written agreement" not in ai21["quote"]
    assert ai21["grade"] == "CA"
    retention = next(
        p for p in FILES["microsoft-copilot"]["provisions"] if p["topic"] == "retention"
    )
    assert retention["value"] == "not_documented"
    assert retention["grade"] == "NOT_FOUND"
    perplexity = next(p for p in FILES["perplexity"]["provisions"] if p["topic"] == "deletion")
    assert perplexity["source"] == "data-faq"
    docs = {d["key"]: d for d in FILES["gpt-images"]["documents"]}
    assert docs["privacy-policy"]["url"] == "https://gpt-images.app/privacy-policy"
    stability = {d["key"]: d for d in FILES["stability-ai"]["documents"]}
    assert "stableaudio.com/terms" in stability["stable-audio-terms"]["url"]
    # Unconfirmed stays unconfirmed: Anthropic's human review has no source that could be read.
    anthropic = next(p for p in FILES["anthropic"]["provisions"] if p["topic"] == "human-review")
    assert anthropic["grade"] == "UNVERIFIED"
    assert anthropic["confidence"] == "low"
