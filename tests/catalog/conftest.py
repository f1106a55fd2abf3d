"""Catalog test world: the real catalog files, and small valid files to break on purpose."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.conf import settings

from apps.catalog import vocabulary as v

CATALOG_DIR = Path(settings.BASE_DIR) / "catalog" / "platforms"


# The researched facts the catalog is built from, versioned with the code (see reference/README.md).
REFERENCE_DIR = Path(settings.BASE_DIR) / "reference"


def minimal_platform(slug: str = "example-ai", name: str | None = None) -> dict[str, Any]:
    """The smallest valid catalog file: one document, one contact, every core topic."""
    return {
        "slug": slug,
        "name": name or slug.replace("-", " ").title(),
        "aliases": [f"{slug} studio"],
        "categories": ["image"],
        "as_of": "2026-08",
        "evidence": "medium",
        "summary": "A platform made up for tests.",
        "legal_entities": [
            {
                "name": f"{slug} Ltd",
                "country": "IE",
                "applies_to": ["ALL"],
                "grade": "P",
                "source": "privacy",
            }
        ],
        "channels": [
            {
                "kind": "privacy-email",
                "value": f"privacy@{slug}.example",
                "rights": ["access", "delete", "object"],
                "grade": "P",
                "source": "privacy",
            }
        ],
        "plans": [
            {
                "name": "Pro",
                "price": "$10/mo",
                "price_grade": "P",
                "private_generation": "yes",
                "excluded_from_training": "unknown",
                "grade": "P",
                "source": "privacy",
            }
        ],
        "switches": [
            {
                "name": "Improve the model for everyone",
                "where": "Settings → Data controls",
                "url": f"https://{slug}.example/settings/data",
                "set_to": "off",
                "default": "on",
                "stops": "Stops it training its models on what you type from now on.",
                "does_not_undo": "Training that has already taken place.",
                "topics": ["training-inputs"],
                "quote": "You can turn off Improve the model for everyone at any time.",
                "grade": "P",
                "source": "privacy",
            }
        ],
        "documents": [
            {
                "key": "privacy",
                "kind": "privacy-policy",
                "title": "Privacy Policy",
                "url": f"https://{slug}.example/privacy",
                "grade": "P",
                "date": "2026-06-04",
                "date_label": "Updated",
                "captured": "2026-08",
            }
        ],
        "provisions": [
            {
                "topic": topic,
                "value": "yes",
                "verdict": "high",
                "quote": f"We may use your content for {topic}.",
                "reading": f"Yes, for {topic}.",
                "source": "privacy",
                "confidence": "high",
                "grade": "P",
            }
            for topic in v.CORE_TOPICS
        ],
    }


def write_platform(directory: Path, data: dict[str, Any], *, name: str | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / (name or f"{data['slug']}.yaml")
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def catalog_dir(tmp_path: Path) -> Path:
    return tmp_path / "platforms"


@pytest.fixture
def make_catalog(catalog_dir: Path) -> Callable[..., Path]:
    """``make_catalog(n, extra_provisions=0)`` writes n valid platforms and returns the folder."""

    def make(count: int, *, extra_provisions: int = 0) -> Path:
        for i in range(count):
            data = minimal_platform(f"platform-{i:03d}")
            for j in range(extra_provisions):
                extra = copy.deepcopy(data["provisions"][j % len(v.CORE_TOPICS)])
                extra["reading"] = f"Another claim, number {j}."
                data["provisions"].append(extra)
            write_platform(catalog_dir, data)
        return catalog_dir

    return make
