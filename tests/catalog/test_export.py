"""The JSON export: a stable, versioned shape with the evidence of every fact."""

from __future__ import annotations

import json

import pytest

from apps.catalog import vocabulary as v
from apps.catalog.files import catalog_paths

from .conftest import CATALOG_DIR

pytestmark = pytest.mark.usefixtures("real_catalog")

PLATFORM_KEYS = {
    "slug",
    "name",
    "products",
    "page_url",
    "json_url",
    "website",
    "categories",
    "summary",
    "evidence_overall",
    "facts_as_of",
    "privacy_policy_urls",
    "terms_urls",
    "legal_entities",
    "legal_entities_note",
    "representatives",
    "lead_authority",
    "channels",
    "channels_not_documented",
    "plans",
    "documents",
    "provisions",
}
PROVISION_KEYS = {
    "topic",
    "headline",
    "value",
    "verdict",
    "quote",
    "reading",
    "note",
    "confidence",
    "grade",
    "source",
}
SOURCE_KEYS = {
    "key",
    "title",
    "url",
    "kind",
    "grade",
    "document_date",
    "document_date_label",
    "captured",
    "sha256",
}


def test_the_catalog_json_has_every_platform_in_a_versioned_shape(client):
    response = client.get("/catalog.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["format"] == "rightsdesk-catalog"
    assert data["version"] == 1
    assert "Not legal advice" in data["disclaimer"]
    assert [t["key"] for t in data["vocabulary"]["topics"]] == [t.key for t in v.TOPICS]
    assert data["vocabulary"]["grades"] == v.GRADES
    assert len(data["platforms"]) == len(catalog_paths(CATALOG_DIR))
    for platform in data["platforms"]:
        assert set(platform) == PLATFORM_KEYS
        for provision in platform["provisions"]:
            assert set(provision) == PROVISION_KEYS
            assert provision["source"] is None or set(provision["source"]) == SOURCE_KEYS


def test_a_provision_carries_its_evidence(client):
    data = client.get("/platforms/openai.json").json()
    assert data["format"] == "rightsdesk-catalog"
    assert data["catalog_url"] == "http://testserver/catalog.json"
    platform = data["platform"]
    assert platform["page_url"] == "http://testserver/platforms/openai/"
    assert "https://openai.com/policies/eu-privacy-policy/" in platform["privacy_policy_urls"]
    opt_out = next(p for p in platform["provisions"] if p["topic"] == "opt-out")
    assert opt_out["value"] == "yes"
    assert opt_out["headline"] is True
    assert opt_out["quote"].startswith("Opt out. If you do not want us to use your Content")
    assert opt_out["source"] == {
        "key": "eu-terms",
        "title": "OpenAI EU Terms of Use",
        "url": "https://openai.com/policies/eu-terms-of-use/",
        "kind": "terms",
        "grade": "P",
        "document_date": "2026-01-16",
        "document_date_label": "Updated",
        "captured": "2026-08-22",
        "sha256": None,
    }
    assert opt_out["grade"] == "P"
    assert opt_out["confidence"] == "high"


def test_unknown_and_not_documented_are_values_not_gaps(client):
    platform = client.get("/platforms/clipdrop.json").json()["platform"]
    assert {p["value"] for p in platform["provisions"]} == {"not_documented"}
    assert all(p["grade"] == "NOT_FOUND" and p["source"] is None for p in platform["provisions"])
    assert platform["channels"] == []
    assert platform["channels_not_documented"]


def test_unverified_channels_are_marked_as_not_documented(client):
    platform = client.get("/platforms/ideogram.json").json()["platform"]
    by_value = {c["value"]: c for c in platform["channels"]}
    assert by_value["privacy@ideogram.ai"]["documented"] is False
    assert by_value["privacy@ideogram.ai"]["grade"] == "CA"


def test_documents_say_which_are_watched_and_how_they_were_read(client):
    platform = client.get("/platforms/stability-ai.json").json()["platform"]
    terms = next(d for d in platform["documents"] if d["key"] == "terms")
    assert terms["watch"] is True
    assert terms["via"] == "Read through a proxied copy"
    assert terms["document_date"] == "2025-07-31"
    conductatlas = next(d for d in platform["documents"] if d["kind"] == "conductatlas")
    assert conductatlas["watch"] is False


def test_the_export_is_plain_utf8_json(client):
    body = client.get("/platforms/openai.json").content.decode("utf-8")
    assert "DALL·E" in body  # not \\u escaped
    json.loads(body)
