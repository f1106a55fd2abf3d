"""load_catalog: loads every platform of the reference, is idempotent, loads nothing when a file
is malformed, and round-trips through the admin's YAML export."""

from __future__ import annotations

import re

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from apps.catalog.files import parse_yaml, read_catalog
from apps.catalog.loader import default_watch, load_catalog, platform_to_data, platform_to_yaml
from apps.catalog.models import (
    Category,
    Channel,
    Document,
    LegalEntity,
    Plan,
    Platform,
    Provision,
    Representative,
)

from .conftest import CATALOG_DIR, REFERENCE_DIR, minimal_platform, write_platform

pytestmark = pytest.mark.django_db

# The 24 platforms of the reference (platforms.md), by the name each section starts with.
REFERENCE_PLATFORMS = [
    "Stability AI",
    "Ideogram",
    "AI21 Labs",
    "Midjourney",
    "Leonardo.Ai",
    "NightCafe",
    "OpenAI",
    "Anthropic",
    "Google Gemini",
    "Adobe Firefly",
    "Canva",
    "Runway",
    "Microsoft Copilot",
    "Meta AI",
    "Perplexity",
    "Character.AI",
    "Clipdrop",
    "DeepAI",
    "Craiyon",
    "Playground AI",
    "ClickUp",
    "Windsurf",
    "Supabase",
    "GPT Images",
]
CHILDREN = (Category, Document, LegalEntity, Representative, Channel, Plan, Provision)


def counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in (Platform, *CHILDREN)}


def test_the_list_above_is_the_reference_sections():
    text = (REFERENCE_DIR / "platforms.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \d+\. (.+)$", text, flags=re.MULTILINE)
    assert len(headings) == len(REFERENCE_PLATFORMS) == 24
    for heading, name in zip(headings, REFERENCE_PLATFORMS, strict=True):
        assert heading.startswith(name), (heading, name)


def test_load_catalog_loads_every_platform_of_the_reference():
    call_command("load_catalog", verbosity=0)
    names = sorted(Platform.objects.values_list("name", flat=True))
    assert names == sorted(f.data["name"] for f in read_catalog(CATALOG_DIR))
    assert set(REFERENCE_PLATFORMS) <= set(names)
    for platform in Platform.objects.all():
        topics = set(platform.provisions.values_list("topic", flat=True))
        assert {"training-inputs", "opt-out", "deletion", "retention"} <= topics, platform


def test_loading_twice_changes_nothing_and_keeps_every_id():
    first = load_catalog(CATALOG_DIR)
    assert first.changed
    before = counts()
    ids = {m: set(m.objects.values_list("id", flat=True)) for m in (Platform, *CHILDREN)}
    stamps = dict(Platform.objects.values_list("slug", "updated_at"))

    second = load_catalog(CATALOG_DIR)

    assert not second.changed
    assert "Nothing changed." in second.summary()
    assert counts() == before
    assert {m: set(m.objects.values_list("id", flat=True)) for m in ids} == ids
    assert dict(Platform.objects.values_list("slug", "updated_at")) == stamps


def test_an_edited_file_updates_rows_in_place_and_removes_what_was_dropped(catalog_dir):
    data = minimal_platform()
    write_platform(catalog_dir, data)
    load_catalog(catalog_dir)
    document_id = Document.objects.get().id
    retention = Provision.objects.get(topic="retention")

    data["summary"] = "A new summary."
    data["provisions"] = [p for p in data["provisions"] if p["topic"] != "sharing"]
    data["provisions"].append(
        {**data["provisions"][0], "topic": "sharing", "value": "no", "verdict": "good"}
    )
    data["provisions"][5]["reading"] = "Changed reading."  # retention
    data["plans"] = []
    data["channels"].append(
        {"kind": "dpo-email", "value": "dpo@example-ai.example", "grade": "P", "source": "privacy"}
    )
    write_platform(catalog_dir, data)
    report = load_catalog(catalog_dir)

    platform = Platform.objects.get()
    assert platform.summary == "A new summary."
    assert Document.objects.get().id == document_id  # a watched document keeps its id
    retention.refresh_from_db()
    assert retention.reading == "Changed reading."
    assert Provision.objects.get(topic="sharing").value == "no"
    assert Plan.objects.count() == 0
    assert set(Channel.objects.values_list("kind", flat=True)) == {"privacy-email", "dpo-email"}
    assert report.counts["plans"]["deleted"] == 1
    assert report.counts["channels"]["created"] == 1


def test_a_platform_whose_file_is_removed_is_removed(catalog_dir):
    write_platform(catalog_dir, minimal_platform("kept-ai"))
    gone = write_platform(catalog_dir, minimal_platform("gone-ai"))
    load_catalog(catalog_dir)
    gone.unlink()
    load_catalog(catalog_dir)
    assert list(Platform.objects.values_list("slug", flat=True)) == ["kept-ai"]
    assert not Document.objects.filter(platform__slug="gone-ai").exists()


def test_a_document_dropped_from_the_file_is_removed_after_its_citations_move(catalog_dir):
    data = minimal_platform()
    data["documents"].append(
        {
            **data["documents"][0],
            "key": "faq",
            "title": "FAQ",
            "url": "https://example-ai.example/faq",
        }
    )
    data["provisions"][0]["source"] = "faq"
    write_platform(catalog_dir, data)
    load_catalog(catalog_dir)

    data["documents"].pop()
    data["provisions"][0]["source"] = "privacy"
    write_platform(catalog_dir, data)
    load_catalog(catalog_dir)
    assert list(Document.objects.values_list("key", flat=True)) == ["privacy"]


def test_a_malformed_file_loads_nothing_at_all(catalog_dir):
    load_catalog(CATALOG_DIR)
    before = counts()
    write_platform(catalog_dir, minimal_platform("good-ai"))
    bad = minimal_platform("bad-ai")
    bad["provisions"][2]["verdict"] = "catastrophic"
    write_platform(catalog_dir, bad)

    with pytest.raises(CommandError) as caught:
        call_command("load_catalog", directory=catalog_dir, verbosity=0)

    message = str(caught.value)
    assert "The catalog was not loaded: 1 problem." in message
    assert "bad-ai.yaml: provisions[2].verdict: 'catastrophic' is not one of" in message
    assert counts() == before
    assert not Platform.objects.filter(slug="good-ai").exists()


def test_the_command_prints_what_it_did(capsys):
    call_command("load_catalog")
    out = capsys.readouterr().out
    n = len(read_catalog(CATALOG_DIR))
    assert f"Loaded {n} platforms from" in out
    assert f"platforms: {n} ({n} created, 0 updated, 0 deleted)" in out


def test_prepare_loads_the_catalog():
    call_command("prepare", verbosity=0)
    assert Platform.objects.count() == len(read_catalog(CATALOG_DIR))


def _normalised(data: dict) -> dict:
    """File data as stored: explicit watch flags, no empty optional lists."""
    data = yaml.safe_load(yaml.safe_dump(data))
    for doc in data["documents"]:
        doc.setdefault("watch", default_watch(doc))
    for key in ("representatives", "plans"):
        if not data.get(key):
            data.pop(key, None)
    return data


def test_every_platform_exported_from_the_database_equals_its_file():
    load_catalog(CATALOG_DIR)
    for catalog_file in read_catalog(CATALOG_DIR):
        platform = Platform.objects.get(slug=catalog_file.slug)
        assert _normalised(platform_to_data(platform)) == _normalised(catalog_file.data), (
            catalog_file.slug
        )


def test_the_yaml_export_is_a_loadable_catalog_file(catalog_dir):
    load_catalog(CATALOG_DIR)
    text = platform_to_yaml(Platform.objects.get(slug="midjourney"))
    assert text.startswith("# Midjourney: exported from the Rightsdesk admin.")
    catalog_dir.mkdir()
    (catalog_dir / "midjourney.yaml").write_text(text, encoding="utf-8")
    assert parse_yaml(text)["slug"] == "midjourney"
    assert [f.slug for f in read_catalog(catalog_dir)] == ["midjourney"]


def test_primary_documents_with_a_url_are_watched_and_others_are_not():
    load_catalog(CATALOG_DIR)
    watched = Document.objects.filter(watch=True)
    assert watched.count() > 40
    assert not watched.exclude(grade="P").exists()
    assert not watched.filter(url="").exists()
    assert not watched.filter(
        kind__in=["secondary", "conductatlas", "archive-declaration"]
    ).exists()
    # Every primary policy and terms URL the reference gives is watched.
    assert Document.objects.get(url="https://openai.com/policies/eu-privacy-policy/").watch
    assert Document.objects.get(url="https://about.ideogram.ai/legal/tos").watch
