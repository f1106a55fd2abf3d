"""What catalog admins see: changes to review (and marking them reviewed), fetch failures, and
every watched document's status. The admin is for staff signed in with two-factor only."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client

from apps.catalog.models import Provision
from apps.watch.models import Check, Snapshot
from tests.conftest import staff_client
from tests.watch.conftest import make_document, make_platform, policy_html, store_versions

pytestmark = pytest.mark.django_db

QUEUE = "/admin/watch/changetoreview/"
FAILURES = "/admin/watch/fetchfailure/"
DOCUMENTS = "/admin/watch/watcheddocument/"
DAY = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def staff():
    return staff_client()


@pytest.fixture
def changed(db):
    """Acme's privacy policy changed twice; its terms only have a baseline; one provision
    cites the privacy policy."""
    platform = make_platform()
    privacy = make_document(platform, "privacy-policy", "https://acme.example/privacy")
    terms = make_document(platform, "terms", "https://acme.example/terms", kind="terms")
    for n, text in enumerate(
        ["We keep prompts.", "We keep prompts and images.", "We sell images."]
    ):
        with time_machine.travel(DAY + timedelta(days=7 * n), tick=False):
            store_versions(privacy, policy_html(text))
    store_versions(terms, policy_html("Be nice."))
    Provision.objects.create(
        platform=platform,
        topic="training-inputs",
        value="yes",
        verdict="high",
        reading="It trains on your prompts.",
        source=privacy,
        confidence="high",
        grade="P",
    )
    return privacy


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_queue_lists_each_unreviewed_change_with_the_provisions_to_check_and_the_diff(
    staff, changed
):
    text = page(staff, QUEUE)
    assert "2 changes to review" in text
    assert text.count("Privacy Policy") >= 2
    assert "Terms" not in re.search(r'<table id="result_list">.*?</table>', text, re.S)[0]
    assert f"/admin/catalog/provision/?source__id__exact={changed.pk}" in text
    assert "1 to check" in text
    assert "/platforms/acme-ai/documents/privacy-policy/?from=2&amp;to=3#diff" in text
    assert "+1 −3" in text  # "We keep prompts and images." → "We sell images."


def test_a_change_page_shows_what_changed_escaped(staff, changed):
    store_versions(changed, policy_html("We sell images &lt;script&gt;x()&lt;/script&gt;."))
    latest = changed.snapshots.get(number=4)
    text = page(staff, f"{QUEUE}{latest.pk}/change/")
    assert "<del>images.</del>" in text
    assert "&lt;script&gt;x()&lt;/script&gt;." in text
    assert "<script>x()" not in text


def test_marking_the_latest_change_reviewed_clears_the_earlier_ones_of_that_document(
    staff, changed
):
    latest = changed.snapshots.get(number=3)
    response = staff.post(
        QUEUE, {"action": "mark_reviewed", "_selected_action": [latest.pk]}, follow=True
    )
    assert "1 change(s) marked reviewed, with 1 earlier change(s) of the same documents." in (
        response.content.decode()
    )
    assert not Snapshot.objects.filter(kind="change", reviewed_at__isnull=True).exists()
    assert "0 changes to review" in page(staff, QUEUE)


def test_marking_an_older_change_leaves_the_newer_one_in_the_queue(staff, changed):
    older = changed.snapshots.get(number=2)
    staff.post(QUEUE, {"action": "mark_reviewed", "_selected_action": [older.pk]})
    assert list(
        Snapshot.objects.filter(reviewed_at__isnull=True, kind="change").values_list(
            "number", flat=True
        )
    ) == [3]


def test_failures_are_listed_with_their_error_and_successes_are_not(staff, changed):
    Check.objects.create(
        document=changed,
        checked_at=DAY,
        outcome=Check.Outcome.HTTP_ERROR,
        http_status=503,
        error="HTTP 503 Service Unavailable",
        url=changed.url,
    )
    text = page(staff, FAILURES)
    assert "HTTP 503 Service Unavailable" in text
    assert "1 fetch failure" in text
    assert Check.objects.filter(outcome__in=Check.SUCCESSES).count() == 4


def test_watched_documents_show_their_latest_check_and_can_be_filtered_to_failing(staff, changed):
    Check.objects.create(
        document=changed,
        checked_at=DAY + timedelta(days=30),
        outcome=Check.Outcome.SELECTOR_NOT_FOUND,
        error="the selector '#policy' matched nothing on the page",
        url=changed.url,
    )
    text = page(staff, DOCUMENTS)
    assert "<strong>Selector matched nothing</strong>: the selector &#x27;#policy&#x27;" in text
    assert "Baseline stored" in text  # the terms
    failing = page(staff, DOCUMENTS + "?status=failing")
    assert "Privacy Policy" in failing
    assert ">Terms<" not in failing


def test_check_now_queues_a_check_of_the_chosen_documents(staff, changed, monkeypatch):
    queued = []
    monkeypatch.setattr(
        "django_q.tasks.async_task", lambda func, *args, **kwargs: queued.append((func, args))
    )
    response = staff.post(
        DOCUMENTS, {"action": "check_now", "_selected_action": [changed.pk]}, follow=True
    )
    assert "1 document(s) will be checked" in response.content.decode()
    assert queued == [("apps.watch.tasks.check_documents", ([changed.pk],))]


def test_versions_cannot_be_edited_or_deleted_in_the_admin(staff, changed):
    snapshot = changed.snapshots.get(number=1)
    assert (
        staff.post(f"/admin/watch/snapshot/{snapshot.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert Snapshot.objects.filter(pk=snapshot.pk).exists()
    staff.post(
        QUEUE, {"action": "delete_selected", "_selected_action": [snapshot.pk], "post": "yes"}
    )
    assert Snapshot.objects.filter(pk=snapshot.pk).exists()


@pytest.mark.parametrize("url", [QUEUE, FAILURES, DOCUMENTS, "/admin/watch/policyalert/"])
def test_the_watch_admin_is_for_staff_with_two_factor_only(alice, url):
    visitor = Client()
    assert visitor.get(url).status_code == 302
    visitor.force_login(alice)
    assert visitor.get(url).status_code in (302, 403)
