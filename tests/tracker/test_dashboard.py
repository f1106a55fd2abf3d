"""The dashboard: every request with its law, status, dates, time used and one next action, most
urgent first, filterable, with counts — in the same number of queries for 5 requests or 500."""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import date

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.tracker.models import PrivacyRequest
from apps.tracker.services import request_record_event
from tests.letters.factories import saved_request

pytestmark = pytest.mark.django_db

TODAY = date(2026, 4, 20)
NOW = "2026-04-20 12:00:00+00:00"


def record(saved, kind, on, **details):
    return request_record_event(request=saved, kind=kind, on=on, today=TODAY, details=details)


@pytest.fixture
def requests_(alice):
    """Alice's tracker: a draft, one waiting (due 1 May), one overdue, one fulfilled."""
    draft = saved_request(alice, rights=("access",))
    waiting = saved_request(alice, rights=("delete",))
    record(waiting, "sent", date(2026, 4, 1))
    overdue = saved_request(alice, rights=("object",))
    record(overdue, "sent", date(2026, 3, 2))
    done = saved_request(alice, rights=("access", "delete"))
    record(done, "sent", date(2026, 3, 10))
    record(done, "fulfilled", date(2026, 3, 20))
    return {"draft": draft, "waiting": waiting, "overdue": overdue, "done": done}


def rows(html):
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    return body.split("<tr")[1:]


@time_machine.travel(NOW, tick=False)
def test_it_lists_every_request_most_urgent_first_with_its_next_action(alice_client, requests_):
    html = alice_client.get("/requests/").content.decode()
    listed = rows(html)
    order = [next(name for name, r in requests_.items() if str(r.code) in row) for row in listed]
    assert order == ["overdue", "waiting", "draft", "done"]
    overdue, waiting, draft, done = listed
    assert "Overdue by 18 days — send a follow-up" in overdue
    assert "18 days overdue" in overdue
    assert "GDPR" in overdue
    assert "2 Mar 2026" in overdue
    assert '<progress max="100" value="100"' in overdue
    assert "Waiting — 11 days left" in waiting
    assert "1 May 2026" in waiting
    assert "Send it" in draft
    assert "Fulfilled" in done
    assert "Nothing to do" in done


@time_machine.travel(NOW, tick=False)
def test_counts_sit_at_the_top(alice_client, requests_):
    counts = alice_client.get("/requests/").content.decode().split('id="counts"')[1]
    counts = counts.split("</ul>")[0]
    for text in ("4 in all", "1 overdue", "2 waiting for a reply", "1 not sent yet", "1 closed"):
        assert text in counts


@time_machine.travel(NOW, tick=False)
def test_it_filters_by_status_and_platform(alice_client, requests_, bob):
    html = alice_client.get("/requests/?status=overdue").content.decode()
    assert [str(requests_["overdue"].code) in row for row in rows(html)] == [True]
    html = alice_client.get("/requests/?status=draft").content.decode()
    assert len(rows(html)) == 1
    assert str(requests_["draft"].code) in html
    html = alice_client.get("/requests/?platform=custom").content.decode()
    assert len(rows(html)) == 4  # the test letters name no catalog platform
    html = alice_client.get("/requests/?platform=openai").content.decode()
    assert "No request matches these filters." in html


@time_machine.travel(NOW, tick=False)
def test_the_signed_in_home_is_the_dashboard(alice_client):
    response = alice_client.get("/")
    assert response["Location"] == "/requests/"
    assert "Nothing saved yet." in alice_client.get("/requests/").content.decode()


@time_machine.travel(NOW, tick=False)
def test_nobody_elses_requests_are_listed(client, bob, requests_):
    client.force_login(bob)
    html = client.get("/requests/").content.decode()
    assert all(str(r.code) not in html for r in requests_.values())


def copies(model: PrivacyRequest, n: int) -> None:
    """``n`` more rows like ``model`` (the derived columns included), made in one statement."""
    fields = {
        f.attname: getattr(model, f.attname)
        for f in PrivacyRequest._meta.concrete_fields
        if f.attname not in {"id", "code", "created_at", "updated_at"}
    }
    PrivacyRequest.objects.bulk_create(
        PrivacyRequest(**fields, code=uuid.uuid4()) for _ in range(n)
    )


def dashboard_queries(client, size: int, url: str = "/requests/") -> int:
    """Queries of one dashboard built from the database (the rendered list not yet cached)."""
    with time_machine.travel(NOW, tick=False):
        client.get(url)  # session and profile warmed alike for every size
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    assert response.status_code == 200
    assert len(rows(response.content.decode())) == size
    return len(queries)


def test_the_query_count_does_not_grow_with_the_number_of_requests(alice_client, alice, requests_):
    copies(requests_["waiting"], 1)
    assert PrivacyRequest.objects.filter(owner=alice).count() == 5
    with_five = dashboard_queries(alice_client, 5)
    for model in requests_.values():
        copies(model, 123)  # 5 + 4 × 123 = 497
    copies(requests_["overdue"], 3)
    assert PrivacyRequest.objects.filter(owner=alice).count() == 500
    assert dashboard_queries(alice_client, 50) == with_five  # the first page of 50
    assert dashboard_queries(alice_client, 50, "/requests/?page=10") == with_five


@time_machine.travel(NOW, tick=False)
def test_the_list_never_lags_behind_a_change(alice_client, requests_):
    assert "1 overdue" in alice_client.get("/requests/").content.decode()
    record(requests_["overdue"], "fulfilled", date(2026, 4, 19))
    html = alice_client.get("/requests/").content.decode()
    assert "0 overdue" in html
    assert "2 closed" in html
    alice_client.post(f"/requests/{requests_['draft'].code}/delete/")
    assert "3 in all" in alice_client.get("/requests/").content.decode()
    with time_machine.travel("2026-05-02 12:00:00+00:00", tick=False):
        assert "1 overdue" in alice_client.get("/requests/").content.decode()  # a new day


@time_machine.travel(NOW, tick=False)
def test_many_requests_are_paged_with_counts_and_order_over_all_of_them(alice_client, requests_):
    copies(requests_["waiting"], 120)
    copies(requests_["overdue"], 1)
    first = alice_client.get("/requests/").content.decode()
    assert "Page 1 of 3 (125 requests)" in first
    assert "125 in all" in first
    assert "2 overdue" in first
    assert "Overdue by 18 days" in rows(first)[0]
    assert "Overdue by 18 days" in rows(first)[1]
    assert 'href="?page=2" rel="next"' in first
    last = alice_client.get("/requests/?page=3").content.decode()
    assert len(rows(last)) == 25
    assert "Nothing to do" in rows(last)[-1]  # the fulfilled one, last of all
    filtered = alice_client.get("/requests/?status=open&page=2").content.decode()
    assert 'href="?status=open&amp;page=1" rel="prev"' in filtered
    assert alice_client.get("/requests/?page=99").status_code == 200


@time_machine.travel(NOW, tick=False)
def test_all_requests_export_as_csv_and_json(alice_client, requests_):
    response = alice_client.get("/requests/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    table = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(table) == 4
    overdue = next(r for r in table if r["code"] == str(requests_["overdue"].code))
    assert overdue["sent_on"] == "2026-03-02"
    assert overdue["due_on"] == "2026-04-02"
    assert overdue["status"] == "sent"
    assert overdue["rights"] == "object"
    data = json.loads(alice_client.get("/requests/export.json").content)
    [done] = [r for r in data["requests"] if r["code"] == str(requests_["done"].code)]
    assert [e["kind"] for e in done["timeline"]] == ["sent", "fulfilled"]
    assert done["body"] == requests_["done"].body


def test_a_csv_cell_that_looks_like_a_formula_is_written_as_text(alice_client, alice):
    saved = saved_request(alice, rights=("access",))
    PrivacyRequest.objects.filter(pk=saved.pk).update(subject="=HYPERLINK(1)")
    table = list(
        csv.DictReader(io.StringIO(alice_client.get("/requests/export.csv").content.decode()))
    )
    assert table[0]["subject"] == "'=HYPERLINK(1)"


def test_deleting_the_account_leaves_no_cached_dashboard_that_could_be_served(alice_client, alice):
    saved_request(alice)
    assert alice_client.get("/requests/").status_code == 200
    generation_key = f"tracker:dashboard-generation:{alice.pk}"
    assert cache.get(generation_key) is not None
    alice.delete()
    assert cache.get(generation_key) is None


def test_the_privacy_page_states_how_long_the_dashboard_stays_cached(client):
    from apps.tracker.views import DASHBOARD_CACHE_SECONDS

    page = client.get("/privacy/").content.decode()
    assert f"for at most {DASHBOARD_CACHE_SECONDS // 60} minutes" in page


@time_machine.travel(NOW, tick=False)
def test_two_companies_outside_the_catalog_are_two_filters(alice_client, alice):
    from apps.catalog.recipients import Recipient

    for name in ("Acme AI", "Globex Labs", "acme  AI"):  # the same company typed twice
        saved_request(alice, recipient=Recipient(name=name, email="p@example.org", country="IE"))
    html = alice_client.get("/requests/").content.decode()
    assert html.count('<option value="custom:acme ai">') == 1
    assert '<option value="custom:acme ai">Acme AI</option>' in html  # as first written
    assert '<option value="custom:globex labs">Globex Labs</option>' in html
    acme = alice_client.get("/requests/?platform=custom:Acme+AI").content.decode()
    assert len(rows(acme)) == 2
    assert "Globex Labs" not in "".join(rows(acme))
    assert len(rows(alice_client.get("/requests/?platform=custom").content.decode())) == 3


@time_machine.travel(NOW, tick=False)
def test_the_counts_are_links_to_what_they_count(alice_client, requests_):
    html = alice_client.get("/requests/").content.decode()
    counts = html.split('id="counts"')[1].split("</ul>")[0]
    for query, text, n in (
        ("?status=overdue", "1 overdue", 1),
        ("?status=open", "2 waiting for a reply", 2),  # the overdue one still waits too
        ("?status=draft", "1 not sent yet", 1),
        ("?status=closed", "1 closed", 1),
    ):
        assert f'href="/requests/{query}">{text}</a>' in counts, query
        assert len(rows(alice_client.get(f"/requests/{query}").content.decode())) == n, query


@time_machine.travel(NOW, tick=False)
def test_send_a_follow_up_is_a_link_to_the_follow_up(alice_client, requests_):
    [overdue, *_] = rows(alice_client.get("/requests/").content.decode())
    code = requests_["overdue"].code
    assert f'<a href="/requests/{code}/follow-up/">Overdue by 18 days — send a follow-up</a>' in (
        overdue
    )
