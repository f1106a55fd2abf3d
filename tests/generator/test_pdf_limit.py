"""Anonymous PDF renders are limited per client (each costs ~185 ms of CPU): a clear 429 page
saying when to try again; signed-in people get more; behind a proxy the client's own address
counts, as for allauth's sign-in limits."""

from __future__ import annotations

import re
from html import unescape

import pytest
import time_machine

from tests.generator.helpers import state_of, walk_to_preview

pytestmark = pytest.mark.django_db

PDF = "/request/new/letter.pdf"


@pytest.fixture
def small_limits(settings):
    settings.GENERATOR_PDF_LIMIT_ANONYMOUS = (2, 600)
    settings.GENERATOR_PDF_LIMIT_SIGNED_IN = (3, 600)


@pytest.fixture
def state(client, real_catalog) -> str:
    return state_of(walk_to_preview(client))


def test_a_client_past_its_share_gets_a_page_saying_when_to_retry(client, small_limits, state):
    with time_machine.travel("2026-09-01 10:02:00Z", tick=False):
        for _ in range(2):
            assert client.post(PDF, {"state": state}).status_code == 200
        refused = client.post(PDF, {"state": state})
        assert refused.status_code == 429
        assert refused["Retry-After"] == "480"  # the window of 10 minutes ends at 10:10
        text = unescape(re.sub(r"<[^>]+>", " ", refused.content.decode()))
        assert "Too many PDF letters for now" in text
        assert "Try again in 8 minutes." in text
        assert "Your letter is not lost" in text
        assert client.post("/request/new/letter.eml", {"state": state}).status_code == 200
    with time_machine.travel("2026-09-01 10:10:01Z", tick=False):
        assert client.post(PDF, {"state": state}).status_code == 200


def test_each_client_address_has_its_own_count(client, small_limits, state):
    for _ in range(2):
        client.post(PDF, {"state": state}, REMOTE_ADDR="198.51.100.7")
    assert client.post(PDF, {"state": state}, REMOTE_ADDR="198.51.100.7").status_code == 429
    assert client.post(PDF, {"state": state}, REMOTE_ADDR="198.51.100.8").status_code == 200


def test_behind_a_trusted_proxy_the_forwarded_client_address_counts(
    client, small_limits, state, settings
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(2):
        client.post(PDF, {"state": state}, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    blocked = client.post(PDF, {"state": state}, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    assert blocked.status_code == 429
    other = client.post(PDF, {"state": state}, HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy)
    assert other.status_code == 200  # the proxy's own address is not what is counted


def test_signed_in_people_get_a_higher_limit(client, small_limits, state, alice):
    client.force_login(alice)
    for _ in range(3):
        assert client.post(PDF, {"state": state}).status_code == 200
    refused = client.post(PDF, {"state": state})
    assert refused.status_code == 429
    assert "Signed-in people can make more" not in refused.content.decode()
