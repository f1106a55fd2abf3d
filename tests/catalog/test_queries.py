"""Catalog pages cost a fixed number of SQL queries, however many platforms and provisions."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.catalog.loader import load_catalog
from apps.catalog.models import Platform, Provision

pytestmark = pytest.mark.django_db

PAGES = {
    # page: the most queries it may make (the session and auth middleware make none for anonymous)
    # 9 for the catalog (its switches since issue 16), 2 for the practice counts, 1 for the
    # policy watch's changes, 2 for each document's watch record (first recorded, last checked)
    "/platforms/platform-003/": 14,
    "/platforms/platform-003.json": 9,
    "/platforms/": 9,
    # + 1: the search reads every platform's names and aliases once (search_platforms)
    "/platforms/?q=platform&category=image&trains=yes&opt_out=on&private=on": 10,
    "/compare/": 4,  # + 2: the counts of each answer
    "/compare/retention/": 4,
    "/catalog.json": 9,
}


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_pages_make_the_same_number_of_queries_for_5_and_50_platforms(
    client, make_catalog, django_assert_max_num_queries
):
    load_catalog(make_catalog(5))
    small = {url: _queries(client, url) for url in PAGES}
    assert Provision.objects.count() == 5 * 9

    load_catalog(make_catalog(50, extra_provisions=20))
    assert Platform.objects.count() == 50
    assert Provision.objects.filter(platform__slug="platform-003").count() == 29
    large = {url: _queries(client, url) for url in PAGES}

    assert large == small
    for url, most in PAGES.items():
        with django_assert_max_num_queries(most):
            client.get(url)


def test_the_platform_page_of_a_50_platform_catalog_shows_every_provision(client, make_catalog):
    load_catalog(make_catalog(50, extra_provisions=20))
    page = client.get("/platforms/platform-003/").content.decode()
    assert page.count('<article class="provision') == 29
