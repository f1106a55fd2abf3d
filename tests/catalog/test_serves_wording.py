"""Whom a platform's legal entity serves reads as a sentence ("for people everywhere"), never
"for people in everywhere"."""

from __future__ import annotations

import pytest

from apps.catalog.models import Platform
from apps.catalog.templatetags.catalog_tags import serves


@pytest.mark.parametrize(
    ("codes", "phrase"),
    [
        pytest.param(["ALL"], "for people everywhere", id="everyone"),
        pytest.param(["REST_OF_WORLD"], "for people everywhere else", id="everyone-else"),
        pytest.param(["IE"], "for people in Ireland", id="one-country"),
        pytest.param(
            ["EEA", "CH"], "for people in the European Economic Area and Switzerland", id="two"
        ),
        pytest.param(
            ["EU", "REST_OF_WORLD"],
            "for people in the European Union and everywhere else",
            id="a-region-and-the-rest",
        ),
    ],
)
def test_whom_an_entity_serves_reads_naturally(codes, phrase):
    assert serves(codes) == phrase


@pytest.mark.django_db
def test_no_platform_page_says_people_in_everywhere(client, real_catalog):
    for slug in Platform.objects.values_list("slug", flat=True):
        page = client.get(f"/platforms/{slug}/").content.decode()
        assert "people in everywhere" not in page, slug
