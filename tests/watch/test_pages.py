"""The document page (versions and diffs), the platform page's notice and follow button, and the
page of what a person follows."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client

from apps.watch import services
from apps.watch.models import Follow
from tests.watch.conftest import (
    POLICY_V1,
    POLICY_V2,
    POLICY_V3,
    make_document,
    make_platform,
    policy_html,
    store_versions,
)

pytestmark = pytest.mark.django_db

URL = "/platforms/acme-ai/documents/privacy-policy/"
DAY = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

V1, V2, V3 = POLICY_V1, POLICY_V2, POLICY_V3


@pytest.fixture
def document(db):
    return make_document(make_platform(), "privacy-policy", "https://acme.example/privacy")


@pytest.fixture
def history(document):
    """Three versions a week apart: the baseline and two changes."""
    for n, html in enumerate([V1, V2, V3]):
        with time_machine.travel(DAY + timedelta(days=7 * n), tick=False):
            store_versions(document, html)
    return document


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def diff_of(page: str) -> str:
    return re.search(r'<div class="diff" id="diff-text">(.*?)</div>', page, re.S)[1]


def test_the_page_shows_the_latest_change_by_default_as_words_added_and_removed(client, history):
    page = html(client.get(URL))
    assert (
        "Version 2</strong> (read 9 Nov 2026) → <strong>version 3</strong> (read 16 Nov 2026)"
        in page
    )
    diff = diff_of(page)
    assert "<del>at any time.</del> <ins>by post only.</ins>" in diff
    assert "train our models" in diff  # an unchanged paragraph kept as context
    assert 'name="from"' in page
    assert 'name="to"' in page
    assert re.search(r'<option value="2" selected>Version 2 \(9 Nov 2026\)</option>', page)


def test_any_two_versions_can_be_compared_older_first_whatever_the_order_chosen(client, history):
    for query in ("?from=1&to=3", "?from=3&to=1"):
        diff = diff_of(html(client.get(URL + query)))
        assert "<ins>and images</ins>" in diff
        assert "<del>improve</del> <ins>train</ins>" in diff
        assert "<del>at any time.</del> <ins>by post only.</ins>" in diff


@pytest.mark.parametrize(
    ("query", "error", "kept"),
    [
        ("?from=2&to=2", "Choose two different versions to compare.", "2"),
        ("?from=1&to=9", "Select a valid choice. 9 is not one of the available choices.", "1"),
        ("?from=x&to=2", "Select a valid choice. x is not one of the available choices.", "2"),
    ],
    ids=["same", "unknown", "not-a-number"],
)
def test_a_wrong_choice_re_renders_the_form_with_the_error_and_the_choice_kept(
    client, history, query, error, kept
):
    page = html(client.get(URL + query))
    assert error in page
    assert 'id="diff-text"' not in page
    assert re.search(rf'<option value="{kept}" selected>', page)


def test_unchanged_paragraphs_far_from_changes_become_gaps_until_the_whole_text_is_asked_for(
    client, document
):
    clauses = [f"Clause {n} stays as it is." for n in range(12)]
    changed = [*clauses[:6], "Clause 6 now lets us sell your images.", *clauses[7:]]
    store_versions(document, policy_html(*clauses), policy_html(*changed))
    diff = diff_of(html(client.get(URL)))
    assert "… 5 unchanged paragraphs …" in diff  # the heading and clauses 0-3
    assert "… 3 unchanged paragraphs …" in diff  # clauses 9-11
    assert "Clause 0 stays" not in diff
    full = diff_of(html(client.get(URL + "?from=1&to=2&full=1")))
    assert "unchanged paragraph" not in full
    assert "Clause 0 stays" in full


def test_text_from_the_policy_is_escaped_never_markup(client, document):
    store_versions(
        document,
        policy_html("Plain words."),
        policy_html('Plain words &lt;img src=x onerror="alert(1)"&gt; <b>bold</b>.'),
    )
    diff = diff_of(html(client.get(URL)))
    assert "<img" not in diff
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in diff
    assert "<b>" not in diff


def test_the_versions_table_lists_every_version_with_dates_and_hashes(client, history):
    page = html(client.get(URL))
    rows = re.findall(r'<th scope="row">(\d+)</th>', page)
    assert rows == ["3", "2", "1"]
    for snapshot in history.snapshots.all():
        assert snapshot.sha256 in page
    assert "First version (baseline)" in page
    assert 'href="?from=1&amp;to=2#diff">Changed: +4 −2 words</a>' in page
    assert "16 Nov 2026" in page


def test_a_document_with_only_its_baseline_says_nothing_changed(client, document):
    with time_machine.travel(DAY, tick=False):
        store_versions(document, V1)
    page = html(client.get(URL))
    assert "No change since we started watching on 2 Nov 2026." in page
    assert 'name="from"' not in page


def test_a_watched_document_not_read_yet_says_so(client, document):
    assert "We have not read this document yet." in html(client.get(URL))


def test_a_failing_document_says_when_it_was_last_read(client, document):
    from apps.watch.models import Check

    with time_machine.travel(DAY, tick=False):
        store_versions(document, V1)
    Check.objects.create(
        document=document,
        checked_at=DAY + timedelta(days=7),
        outcome=Check.Outcome.TIMEOUT,
        url=document.url,
        error="no complete answer within 30s",
    )
    page = html(client.get(URL))
    assert "Our latest attempt, on 9 Nov 2026, could not read it" in page
    assert "no complete answer" not in page  # the details are for admins


def test_unknown_or_unwatched_documents_are_not_found(client, document):
    make_document(document.platform, "blog", "https://acme.example/blog", watch=False)
    assert client.get("/platforms/acme-ai/documents/blog/").status_code == 404
    assert client.get("/platforms/acme-ai/documents/nope/").status_code == 404
    assert client.get("/platforms/nope/documents/privacy-policy/").status_code == 404


def test_dates_follow_the_readers_time_zone_and_style(client, alice, document):
    alice.profile.time_zone = "Pacific/Auckland"
    alice.profile.date_format = "iso"
    alice.profile.save()
    with time_machine.travel(datetime(2026, 11, 2, 20, 0, tzinfo=UTC), tick=False):
        store_versions(document, V1)
    client.force_login(alice)
    assert "since 2026-11-03" in html(client.get(URL))


# --- The platform page --------------------------------------------------------------------


def test_the_platform_page_says_which_document_changed_when_with_a_link_to_the_diff(
    client, history
):
    page = html(client.get("/platforms/acme-ai/"))
    assert "Privacy Policy changed on 16 Nov 2026." in page
    assert f'<a href="{URL}?from=2&amp;to=3#diff">See what changed</a>' in page
    assert "we are checking them against the new text" in page
    assert f'href="{URL}">Versions and changes</a>' in page

    services.mark_reviewed(
        snapshots=[history.snapshots.get(number=3)], now=DAY + timedelta(days=20)
    )
    page = html(client.get("/platforms/acme-ai/"))
    assert "We checked our answers against it on 22 Nov 2026." in page


def test_a_platform_with_no_change_shows_no_notice(client, document):
    store_versions(document, V1)
    assert "changed on" not in html(client.get("/platforms/acme-ai/"))


def test_visitors_are_invited_to_sign_in_to_follow(client, document):
    page = html(client.get("/platforms/acme-ai/"))
    assert "to get an email when one changes" in page
    assert "/accounts/login/?next=/platforms/acme-ai/%23follow" in page
    assert "Follow Acme AI" not in page


def test_a_person_follows_and_unfollows_from_the_platform_page(client, alice, document):
    client.force_login(alice)
    page = html(client.get("/platforms/acme-ai/"))
    assert "Follow Acme AI" in page
    response = client.post("/platforms/acme-ai/follow/")
    assert response["Location"] == "/platforms/acme-ai/#follow"
    assert Follow.objects.filter(user=alice, platform=document.platform).count() == 1
    client.post("/platforms/acme-ai/follow/")  # twice is still once
    assert Follow.objects.filter(user=alice).count() == 1
    page = html(client.get("/platforms/acme-ai/"))
    assert "You follow Acme AI: we will email you" in page
    assert "Unfollow Acme AI" in page

    client.post("/platforms/acme-ai/unfollow/")
    assert not Follow.objects.filter(user=alice).exists()
    assert "You no longer follow Acme AI." in html(client.get("/platforms/acme-ai/"))


def test_following_needs_a_signed_in_person_and_a_post(client, alice, document):
    response = client.post("/platforms/acme-ai/follow/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not Follow.objects.exists()
    client.force_login(alice)
    assert client.get("/platforms/acme-ai/follow/").status_code == 405
    assert client.post("/platforms/nope/follow/").status_code == 404


def test_the_follow_form_carries_its_csrf_token(alice, document):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post("/platforms/acme-ai/follow/").status_code == 403
    page = html(client.get("/platforms/acme-ai/"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    client.post("/platforms/acme-ai/follow/", {"csrfmiddlewaretoken": token})
    assert Follow.objects.filter(user=alice).exists()


def test_a_platform_with_nothing_watched_offers_nothing_to_follow(client, alice):
    make_platform("quiet-ai", "Quiet AI")
    client.force_login(alice)
    page = html(client.get("/platforms/quiet-ai/"))
    assert "there is nothing to follow yet" in page
    assert "Follow Quiet AI" not in page


def test_the_following_page_lists_follows_with_their_latest_change_and_unfollow_buttons(
    client, alice, bob, history
):
    services.follow(user=alice, platform=history.platform)
    services.follow(user=bob, platform=make_platform("other-ai", "Other AI"))
    client.force_login(alice)
    page = html(client.get("/following/"))
    assert "Acme AI" in page
    assert "Other AI" not in page
    assert f'href="{URL}?from=2&amp;to=3#diff">Privacy Policy, 16 Nov 2026</a>' in page
    response = client.post("/platforms/acme-ai/unfollow/", {"next": "/following/"})
    assert response["Location"] == "/following/"
    assert "You do not follow any platform." in html(client.get("/following/"))


def test_the_following_page_never_redirects_to_another_site(client, alice, document):
    services.follow(user=alice, platform=document.platform)
    client.force_login(alice)
    response = client.post("/platforms/acme-ai/unfollow/", {"next": "https://evil.example/"})
    assert response["Location"] == "/platforms/acme-ai/#follow"


def test_the_following_page_is_for_signed_in_people(client):
    assert client.get("/following/")["Location"].startswith("/accounts/login/")


def test_the_privacy_page_says_follows_and_alert_records_are_kept_and_for_how_long(client):
    page = html(client.get("/privacy/"))
    assert "The platforms you follow, and a record of each policy-change email we sent you" in page
    assert "A follow until you unfollow" in page
    assert "who follows which platform never leaves this site" in page
