"""Catalog files: the real ones are valid; every malformed variant is refused with its file,
its field and what is wrong."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from apps.catalog.files import CatalogError, catalog_paths, parse_yaml, read_catalog
from apps.catalog.schema import PLATFORM_SCHEMA

from .conftest import CATALOG_DIR, minimal_platform, write_platform


def problems_of(directory: Path) -> list[str]:
    with pytest.raises(CatalogError) as caught:
        read_catalog(directory)
    return [str(p) for p in caught.value.problems]


def test_every_real_catalog_file_is_valid():
    files = read_catalog(CATALOG_DIR)
    assert len(files) == len(catalog_paths(CATALOG_DIR))
    assert len(files) >= 24
    assert all(f.path.stem == f.slug for f in files)


def test_the_minimal_test_platform_is_valid(catalog_dir):
    write_platform(catalog_dir, minimal_platform())
    assert [f.slug for f in read_catalog(catalog_dir)] == ["example-ai"]


def _set(path: str, value: Any) -> Callable[[dict], None]:
    """Set a dotted path ("provisions.0.verdict") in the data; value None deletes it."""

    def change(data: dict) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        key: Any = int(last) if last.isdigit() else last
        if value is None:
            del target[key]
        else:
            target[key] = value

    return change


def _no_channel(data: dict) -> None:
    data["channels"] = []
    data.pop("channels_not_documented", None)


def _only_unverified_channel(data: dict) -> None:
    data["channels"] = [
        {"kind": "privacy-email", "value": "privacy@example.com", "grade": "UNVERIFIED"}
    ]


def _drop_topic(topic: str) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        data["provisions"] = [p for p in data["provisions"] if p["topic"] != topic]

    return change


def _weak_but_confident(data: dict) -> None:
    data["documents"].append(
        {
            "key": "ca",
            "kind": "conductatlas",
            "title": "ConductAtlas",
            "url": "https://conductatlas.com/x",
            "grade": "CA",
            "captured": "2026-08",
        }
    )
    data["provisions"][0].update(source="ca", grade="CA", confidence="high")


def _stronger_than_source(data: dict) -> None:
    data["documents"].append(
        {
            "key": "blog",
            "kind": "secondary",
            "title": "A blog",
            "url": "https://blog.example/x",
            "grade": "S",
            "captured": "2026-08",
        }
    )
    data["provisions"][0]["source"] = "blog"  # still graded P


MALFORMED = [
    # (id, change, the field path the message must name, words it must contain)
    ("missing channel", _no_channel, "channels", "no documented contact"),
    ("only an unverified channel", _only_unverified_channel, "channels", "no documented contact"),
    ("bad document url", _set("documents.0.url", "not a url"), "documents[0].url", "http(s) URL"),
    (
        "javascript url",
        _set("documents.0.url", "javascript:alert(1)"),
        "documents[0].url",
        "http(s) URL",
    ),
    (
        "bad web form",
        _set(
            "channels.0",
            {"kind": "web-form", "value": "privacy.example.com", "grade": "P", "source": "privacy"},
        ),
        "channels[0].value",
        "http(s) URL",
    ),
    (
        "bad email",
        _set("channels.0.value", "privacy-at-example.com"),
        "channels[0].value",
        "not an email address",
    ),
    (
        "unknown topic",
        _set("provisions.0.topic", "astrology"),
        "provisions[0].topic",
        "'astrology' is not one of",
    ),
    (
        "bad severity",
        _set("provisions.0.verdict", "severe"),
        "provisions[0].verdict",
        "'severe' is not one of",
    ),
    (
        "bad value",
        _set("provisions.0.value", "maybe"),
        "provisions[0].value",
        "'maybe' is not one of",
    ),
    ("bad grade", _set("provisions.0.grade", "X"), "provisions[0].grade", "'X' is not one of"),
    (
        "yaml boolean instead of yes",
        _set("provisions.0.value", True),
        "provisions[0].value",
        "True is not of type",
    ),
    ("missing reading", _set("provisions.0.reading", None), "provisions[0].reading", "is required"),
    (
        "unknown field",
        _set("provisions.0.severity", "high"),
        "provisions[0]",
        "unknown field(s): severity",
    ),
    ("slug differs from the file name", _set("slug", "other-ai"), "slug", "must match"),
    ("uppercase slug", _set("slug", "Example"), "slug", "lower-case words"),
    ("missing core topic", _drop_topic("retention"), "provisions", "'retention'"),
    (
        "source that does not exist",
        _set("provisions.0.source", "nowhere"),
        "provisions[0].source",
        "not the key of a document",
    ),
    (
        "fact graded P without a source",
        _set("provisions.0.source", None),
        "provisions[0]",
        "a quote needs a source",
    ),
    (
        "ConductAtlas fact with high confidence",
        _weak_but_confident,
        "provisions[0].confidence",
        "must be low",
    ),
    (
        "fact stronger than its source",
        _stronger_than_source,
        "provisions[0].grade",
        "stronger than its source",
    ),
    (
        "not found with a quote",
        lambda d: d["provisions"][0].update(
            grade="NOT_FOUND", value="not_documented", verdict="unknown", confidence="low"
        ),
        "provisions[0].quote",
        "nothing was found",
    ),
    (
        "not documented with a severity",
        _set("provisions.0.value", "not_documented"),
        "provisions[0].verdict",
        "must be unknown",
    ),
    (
        "impossible date",
        _set("documents.0.date", "2026-02-30"),
        "documents[0].date",
        "not a real date",
    ),
    (
        "badly written date",
        _set("documents.0.date", "4/26/2026"),
        "documents[0].date",
        "YYYY-MM-DD",
    ),
    (
        "unknown country",
        _set("legal_entities.0.country", "XX"),
        "legal_entities[0].country",
        "ISO 3166",
    ),
    (
        "unknown region",
        _set("legal_entities.0.applies_to", ["ATLANTIS"]),
        "legal_entities[0].applies_to[0]",
        "country code",
    ),
    (
        "price without its grade",
        _set("plans.0.price_grade", None),
        "plans[0].price_grade",
        "how sure",
    ),
    (
        "watched secondary page",
        lambda d: d["documents"][0].update(grade="S", watch=True),
        "documents[0].watch",
        "only a primary",
    ),
    (
        "duplicate document key",
        lambda d: d["documents"].append(dict(d["documents"][0])),
        "documents[1].key",
        "used by another document",
    ),
    (
        "switch in an unknown position",
        _set("switches.0.set_to", "paused"),
        "switches[0].set_to",
        "'paused' is not one of",
    ),
    (
        "switch without the topic it answers",
        _set("switches.0.topics", []),
        "switches[0].topics",
        "should be non-empty",
    ),
    (
        "switch citing no document",
        _set("switches.0.source", "nowhere"),
        "switches[0].source",
        "not the key of a document",
    ),
    (
        "switch quoted without a source",
        _set("switches.0.source", None),
        "switches[0]",
        "a quote needs a source",
    ),
    (
        "name on two lines in a channel",
        _set(
            "channels.0",
            {"kind": "in-app", "value": "Settings\nPrivacy", "grade": "P", "source": "privacy"},
        ),
        "channels[0].value",
        "one line",
    ),
]


@pytest.mark.parametrize(
    ("change", "field", "words"), [m[1:] for m in MALFORMED], ids=[m[0] for m in MALFORMED]
)
def test_a_malformed_file_is_refused_naming_the_file_and_the_field(
    catalog_dir, change, field, words
):
    data = minimal_platform()
    change(data)
    write_platform(catalog_dir, data, name="example-ai.yaml")

    problems = problems_of(catalog_dir)

    expected_start = f"example-ai.yaml: {field}"
    matching = [p for p in problems if expected_start in p and words in p]
    assert matching, f"no problem names {field!r} with {words!r}: {problems}"


def test_a_file_with_neither_a_channel_nor_an_explanation_is_refused_but_an_explanation_is_enough(
    catalog_dir,
):
    data = minimal_platform()
    _no_channel(data)
    path = write_platform(catalog_dir, data)
    assert any("channels: no documented contact" in p for p in problems_of(catalog_dir))

    data["channels_not_documented"] = (
        "Nothing was found in the sources read; never guess an address."
    )
    path.unlink()
    write_platform(catalog_dir, data)
    assert [f.slug for f in read_catalog(catalog_dir)] == ["example-ai"]


def test_two_files_for_one_slug_are_refused(catalog_dir):
    write_platform(catalog_dir, minimal_platform(), name="example-ai.yaml")
    write_platform(catalog_dir, minimal_platform(), name="example-ai.yml")
    problems = problems_of(catalog_dir)
    assert any("example-ai.yml: slug: duplicate slug 'example-ai'" in p for p in problems), problems


def test_an_alias_may_not_name_another_platform(catalog_dir):
    write_platform(catalog_dir, minimal_platform("first-ai", name="First"))
    second = minimal_platform("second-ai", name="Second")
    second["aliases"] = ["FIRST", "second  ai"]  # another's name, whatever the case and spaces
    write_platform(catalog_dir, second)
    problems = problems_of(catalog_dir)
    assert any("second-ai.yaml: aliases: 'FIRST' already names First" in p for p in problems), (
        problems
    )
    assert not any("second  ai" in p for p in problems), "its own slug, spelled apart, is fine"


def test_two_platforms_with_one_name_are_refused(catalog_dir):
    write_platform(catalog_dir, minimal_platform("first-ai", name="Same Name"))
    write_platform(catalog_dir, minimal_platform("second-ai", name="same name"))
    problems = problems_of(catalog_dir)
    assert any("second-ai.yaml: name: duplicate name 'same name'" in p for p in problems), problems


def test_every_problem_in_every_file_is_reported_at_once(catalog_dir):
    bad_one = minimal_platform("one-ai")
    bad_one["provisions"][0]["verdict"] = "severe"
    bad_two = minimal_platform("two-ai")
    bad_two["documents"][0]["url"] = "nope"
    write_platform(catalog_dir, bad_one)
    write_platform(catalog_dir, bad_two)
    write_platform(catalog_dir, minimal_platform("three-ai"))
    problems = problems_of(catalog_dir)
    assert any(
        p.startswith(str(catalog_dir / "one-ai.yaml")) or "one-ai.yaml: provisions[0].verdict" in p
        for p in problems
    )
    assert any("two-ai.yaml: documents[0].url" in p for p in problems)
    assert not any("three-ai" in p for p in problems)


def test_invalid_yaml_names_the_file_and_the_line(catalog_dir):
    catalog_dir.mkdir()
    (catalog_dir / "broken.yaml").write_text("slug: broken\nname: [unclosed\n", encoding="utf-8")
    problems = problems_of(catalog_dir)
    assert len(problems) == 1
    assert "broken.yaml: is not valid YAML: line" in problems[0]


def test_a_key_written_twice_is_an_error_not_a_silent_overwrite(catalog_dir):
    catalog_dir.mkdir()
    (catalog_dir / "twice.yaml").write_text("slug: twice\nslug: again\n", encoding="utf-8")
    assert "found the key 'slug' twice" in problems_of(catalog_dir)[0]


def test_yes_and_no_and_dates_stay_strings_when_read():
    data = parse_yaml("value: yes\nother: no\ndate: 2026-08-22\nwatch: true\nprice: 20\n")
    assert data == {
        "value": "yes",
        "other": "no",
        "date": "2026-08-22",
        "watch": True,
        "price": "20",
    }


def test_an_empty_directory_is_an_error_not_an_empty_catalog(catalog_dir):
    catalog_dir.mkdir()
    assert "holds no catalog files" in problems_of(catalog_dir)[0]


def test_the_published_schema_file_matches_the_code():
    published = json.loads((CATALOG_DIR.parent / "schema.json").read_text(encoding="utf-8"))
    assert published == json.loads(json.dumps(PLATFORM_SCHEMA)), (
        "catalog/schema.json is out of date: regenerate it with "
        "`python -m apps.catalog.schema > catalog/schema.json`"
    )
