"""The watch end to end: documents served by a real HTTP server on loopback, checked by the
service, with what it stores (versions, checks, alerts) as the specification."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import pytest

from apps.catalog.models import Document
from apps.watch import services
from apps.watch.models import Check, PolicyAlert, Snapshot
from apps.watch.services import run_watch
from tests.conftest import make_user
from tests.watch.conftest import (
    FAST,
    POLICY_V1,
    POLICY_V2,
    make_document,
    make_platform,
    policy_html,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_watch")]

Outcome = Check.Outcome

V1, V2 = POLICY_V1, POLICY_V2


@pytest.fixture
def platform(db):
    return make_platform()


@pytest.fixture
def document(platform, policy_site):
    policy_site.page("/privacy", V1)
    return make_document(platform, "privacy-policy", policy_site.url("/privacy"))


def check(document) -> Check:
    [outcome] = run_watch(documents=[document]).outcomes
    latest = document.checks.order_by("-pk").first()
    assert latest.outcome == outcome.outcome
    return latest


def versions(document) -> list[tuple[int, str]]:
    return list(document.snapshots.order_by("number").values_list("number", "kind"))


def test_the_first_read_is_the_baseline_not_a_change(document, alice):
    services.follow(user=alice, platform=document.platform)
    result = check(document)
    assert result.outcome == Outcome.BASELINE
    [snapshot] = document.snapshots.all()
    assert (snapshot.number, snapshot.kind) == (1, Snapshot.Kind.BASELINE)
    assert snapshot.text == (
        "Privacy Policy\nWe may use your prompts to improve our services.\nContact us at any time."
    )
    assert snapshot.words == 2 + 9 + 5
    assert len(snapshot.sha256) == 64
    assert snapshot.etag.startswith('"')
    assert snapshot.final_url == document.url
    assert result.snapshot == snapshot
    assert not snapshot.needs_review
    assert PolicyAlert.objects.count() == 0


def test_an_unchanged_page_is_a_conditional_request_answered_304_and_no_new_version(
    document, policy_site
):
    check(document)
    result = check(document)
    assert result.outcome == Outcome.NOT_MODIFIED
    assert result.http_status == 304
    assert policy_site.requests[1]["headers"]["If-None-Match"] == document.snapshots.get().etag
    assert versions(document) == [(1, "baseline")]


def test_a_real_change_is_one_new_version_with_its_word_counts_and_alerts(
    document, policy_site, alice, bob
):
    services.follow(user=alice, platform=document.platform)
    check(document)
    policy_site.page("/privacy", V2)
    result = check(document)
    assert result.outcome == Outcome.CHANGED
    assert versions(document) == [(1, "baseline"), (2, "change")]
    change = document.snapshots.get(number=2)
    assert (change.words_added, change.words_removed) == (4, 2)  # +and images, train, models
    assert change.needs_review
    assert list(PolicyAlert.objects.values_list("snapshot", "user")) == [(change.pk, alice.pk)]

    assert check(document).outcome == Outcome.NOT_MODIFIED  # and it stays one version
    assert versions(document) == [(1, "baseline"), (2, "change")]


@pytest.mark.parametrize(
    "cosmetic",
    [
        policy_html(
            "We may use your   prompts to improve\n our services.", "Contact us at any time."
        ),
        policy_html(
            "We may use your prompts to improve our services.",
            "Contact us at any time.",
            rendered_at="23:59:01 UTC",
        ),
        policy_html(
            "We may use your prompts to improve our services.",
            "Contact us at any time.",
            token="sess-8f7e6d5c4b3a29180716f5e4d3c2b1a0",
        ),
        V1.replace("<p>", '<p class="v2-layout">').replace("<main>", "<main><div>"),
    ],
    ids=["whitespace", "render-time", "tracking-token", "markup"],
)
def test_a_cosmetic_change_is_no_new_version_and_its_validators_are_kept_for_next_time(
    document, policy_site, alice, cosmetic
):
    services.follow(user=alice, platform=document.platform)
    check(document)
    policy_site.page("/privacy", cosmetic)  # new bytes, so a new ETag and a full 200 answer
    result = check(document)
    assert result.outcome == Outcome.UNCHANGED
    assert result.http_status == 200
    assert versions(document) == [(1, "baseline")]
    assert PolicyAlert.objects.count() == 0
    # The version's validators now describe the cosmetic copy: the next check is a 304.
    assert check(document).outcome == Outcome.NOT_MODIFIED


def test_each_real_change_is_one_version_however_often_it_is_checked(document, policy_site):
    texts = [V1, V2, V2, V1.replace("any time", "any reasonable time"), V2]
    for html in texts:
        policy_site.page("/privacy", html)
        check(document)
    assert versions(document) == [(1, "baseline"), (2, "change"), (3, "change"), (4, "change")]
    assert document.checks.count() == 5


# --- Failures: a check with the error, never a version ----------------------------------------


def slow(handler):
    time.sleep(1.5)
    handler.send_response(200)
    handler.end_headers()


def huge(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    for _ in range(50):
        handler.wfile.write(b"<p>" + b"x" * 10_000 + b"</p>")


def redirect(to):
    return lambda site: site.redirect("/privacy", to)


def status(code):
    return lambda site: site.error("/privacy", code)


def route(handler):
    return lambda site: site.routes.__setitem__("/privacy", handler)


@pytest.mark.parametrize(
    ("serve", "outcome", "http_status", "error"),
    [
        (route(slow), Outcome.TIMEOUT, None, "too slow"),
        (route(huge), Outcome.TOO_LARGE, 200, "the limit is 100,000"),
        (redirect("/privacy"), Outcome.TOO_MANY_REDIRECTS, None, "more than 3 redirects"),
        (status(404), Outcome.HTTP_ERROR, 404, "HTTP 404"),
        (status(500), Outcome.HTTP_ERROR, 500, "HTTP 500"),
        (status(503), Outcome.HTTP_ERROR, 503, "HTTP 503"),
        (redirect("ftp://127.0.0.1/policy"), Outcome.BAD_URL, None, "only http and https"),
    ],
    ids=["slow", "huge", "redirect-loop", "404", "500", "503", "ftp-redirect"],
)
def test_a_failure_is_recorded_with_its_error_and_stores_no_version(
    platform, policy_site, serve, outcome, http_status, error
):
    serve(policy_site)
    document = make_document(platform, "privacy-policy", policy_site.url("/privacy"))
    result = check(document)
    assert result.outcome == outcome
    assert result.http_status == http_status
    assert error in result.error
    assert not result.ok
    assert result.snapshot is None
    assert versions(document) == []


def test_a_redirect_to_a_private_address_is_blocked_and_never_reaches_it(
    platform, policy_site, forbidden_site
):
    forbidden_site.page("/admin", "<main><p>internal</p></main>")
    policy_site.redirect("/privacy", forbidden_site.url("/admin", host="127.0.0.2"))
    document = make_document(platform, "privacy-policy", policy_site.url("/privacy"))
    result = check(document)
    assert result.outcome == Outcome.BLOCKED
    assert "127.0.0.2" in result.error
    assert forbidden_site.hits == {}
    assert versions(document) == []


def test_a_document_on_a_private_address_is_blocked_without_any_request(platform, forbidden_site):
    forbidden_site.page("/privacy", "<main><p>internal</p></main>")
    document = make_document(
        platform, "privacy-policy", forbidden_site.url("/privacy", "127.0.0.2")
    )
    assert check(document).outcome == Outcome.BLOCKED
    assert forbidden_site.hits == {}


def test_a_selector_that_matches_nothing_is_a_failure_not_an_empty_version(platform, policy_site):
    policy_site.page("/terms", V1)
    document = make_document(
        platform, "terms", policy_site.url("/terms"), kind="terms", css_selector="#terms-body"
    )
    result = check(document)
    assert result.outcome == Outcome.SELECTOR_NOT_FOUND
    assert "#terms-body" in result.error
    assert versions(document) == []


@pytest.mark.parametrize(
    ("body", "content_type", "outcome"),
    [
        ("%PDF-1.7 …", "application/pdf", Outcome.UNSUPPORTED),
        ("<body><div id=app></div><script>render()</script></body>", "text/html", Outcome.EMPTY),
    ],
    ids=["pdf", "javascript-only"],
)
def test_a_response_without_readable_text_is_a_failure(
    platform, policy_site, body, content_type, outcome
):
    policy_site.page("/privacy", body, content_type=content_type)
    document = make_document(platform, "privacy-policy", policy_site.url("/privacy"))
    assert check(document).outcome == outcome
    assert versions(document) == []


def test_a_failure_between_two_reads_of_the_same_text_is_not_a_change(document, policy_site, alice):
    services.follow(user=alice, platform=document.platform)
    check(document)
    policy_site.error("/privacy", 503)
    assert check(document).outcome == Outcome.HTTP_ERROR
    policy_site.page("/privacy", V1)
    assert check(document).outcome == Outcome.NOT_MODIFIED
    assert versions(document) == [(1, "baseline")]
    assert PolicyAlert.objects.count() == 0


# --- When the text changes for a reason other than the policy ---------------------------------


def test_a_new_selector_starts_a_new_baseline_without_alerts(document, policy_site, alice):
    services.follow(user=alice, platform=document.platform)
    check(document)
    document.css_selector = "main p"
    document.save()
    result = check(document)
    assert result.outcome == Outcome.BASELINE
    assert policy_site.requests[1]["headers"].get("If-None-Match") is None  # not conditional
    assert versions(document) == [(1, "baseline"), (2, "rebaseline")]
    assert PolicyAlert.objects.count() == 0
    assert not document.snapshots.get(number=2).needs_review


def test_new_extraction_rules_start_a_new_baseline_instead_of_a_flood_of_changes(
    document, policy_site, monkeypatch
):
    check(document)
    monkeypatch.setattr(services, "EXTRACTOR_VERSION", 2)
    policy_site.page("/privacy", V2)
    assert check(document).outcome == Outcome.BASELINE
    assert versions(document) == [(1, "baseline"), (2, "rebaseline")]


def test_a_document_reloaded_by_the_catalog_keeps_its_versions(document):
    check(document)
    Document.objects.filter(pk=document.pk).update(title="Privacy Policy (renamed)")
    assert Snapshot.objects.filter(document_id=document.pk).count() == 1


# --- Many documents ---------------------------------------------------------------------------


def fake_dns(names):
    async def resolve(host, port):
        if host not in names:
            raise OSError(f"unknown host {host}")
        return ["127.0.0.1"]

    return resolve


def test_200_documents_are_fetched_at_most_concurrency_at_a_time_each_recorded_once(
    platform, policy_site
):
    """Every document on its own host (so per-host politeness does not serialise them), each
    answer delayed: at most ``concurrency`` requests are ever in flight, every document gets
    exactly one check and one baseline, and progress is reported once per document, from the
    recording thread. The time this takes is measured by bench/watch.py, not asserted here."""
    concurrency, count = 8, 200
    hosts = {f"doc{n}.policies.test" for n in range(count)}

    documents = []
    for n in range(count):
        policy_site.slow_page(f"/doc{n}", policy_html(f"Policy number {n}."), delay=0.02)
        documents.append(
            make_document(
                platform, f"doc-{n}", f"http://doc{n}.policies.test:{policy_site.port}/doc{n}"
            )
        )
    config = replace(FAST, concurrency=concurrency, read_timeout=5, total_timeout=10)
    seen, threads = [], set()

    def progress(outcome):
        seen.append(outcome.document_id)
        threads.add(threading.get_ident())

    report = run_watch(
        documents=documents, config=config, resolver=fake_dns(hosts), on_outcome=progress
    )

    assert 1 < policy_site.max_waiting <= concurrency  # held while the client holds a slot
    assert sum(policy_site.hits.values()) == count
    assert sorted(seen) == sorted(d.pk for d in documents)  # each once, in finishing order
    assert threads == {threading.get_ident()}  # recorded here, not in the fetching thread
    assert report.counts == {Outcome.BASELINE: count}
    assert Check.objects.filter(outcome=Outcome.BASELINE).count() == count
    assert Snapshot.objects.count() == count
    assert set(Snapshot.objects.values_list("document", flat=True)) == {d.pk for d in documents}


def test_documents_checked_least_recently_come_first(platform, policy_site):
    for key in ("a", "b", "c"):
        policy_site.page(f"/{key}", policy_html(key))
    a, b, _c = (make_document(platform, k, policy_site.url(f"/{k}")) for k in "abc")
    run_watch(documents=[b])
    run_watch(documents=[a])
    order = [d.key for d in services.watched_documents(platform=platform.slug)]
    assert order == ["c", "b", "a"]


def test_a_spent_budget_starts_no_document_and_records_nothing(document, policy_site):
    report = run_watch(documents=[document], budget_seconds=0)
    assert report.skipped == 1
    assert policy_site.hits == {}
    assert document.checks.count() == 0
    assert "1 left for the next run" in report.summary()


def test_two_followers_each_get_an_alert_and_a_stranger_none(document, policy_site, alice, bob):
    carol = make_user("carol@example.org")
    services.follow(user=alice, platform=document.platform)
    services.follow(user=bob, platform=document.platform)
    services.follow(user=carol, platform=make_platform("other-ai", "Other AI"))
    check(document)
    policy_site.page("/privacy", V2)
    check(document)
    assert set(PolicyAlert.objects.values_list("user", flat=True)) == {alice.pk, bob.pk}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_runs_recording_the_same_document_at_once_store_one_version(platform, monkeypatch):
    """The document row is locked while a result is recorded, so a second run waits and then
    finds the version the first one stored (without the lock both would store version 1)."""
    from django.db import connection

    from tests.watch.conftest import store_versions

    store = services._store_version

    def slow_store(*args, **kwargs):  # widen the window between reading and writing
        time.sleep(0.3)
        return store(*args, **kwargs)

    monkeypatch.setattr(services, "_store_version", slow_store)

    document = make_document(platform, "privacy-policy", "https://acme.example/privacy")
    start = threading.Barrier(2)
    outcomes, errors = [], []

    def record():
        try:
            start.wait()
            outcomes.extend(o.outcome for o in store_versions(document, V1))
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=record) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(outcomes) == ["baseline", "unchanged"]
    assert versions(document) == [(1, "baseline")]
