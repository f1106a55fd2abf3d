"""Per practice: which right answers it under the reader's law, with the letter one click away and
the deadline for their place; complaint routes; counts that come from the loaded catalog; badges
on every uncertain answer; and each document's first-recorded and last-checked dates."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
import time_machine

from apps.catalog import coding, vocabulary as v
from apps.catalog.links import request_start_url
from apps.catalog.loader import load_catalog
from apps.catalog.models import Platform, Provision
from apps.deadlines import applicable_regimes, compute_deadline
from tests.watch.conftest import POLICY_V1, POLICY_V2, store_versions

from .test_switches import text

TODAY = dt.datetime(2026, 12, 3, 12, tzinfo=dt.UTC)


@pytest.fixture
def on_a_thursday():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY.date()


def action_box(page: str) -> str:
    return text(page.split('id="act-heading"')[1].split("</aside>")[0])


def topic_section(page: str, topic: str) -> str:
    return text(page.split(f'id="topic-{topic}"')[1].split("</section>")[0])


@pytest.mark.usefixtures("real_catalog", "on_a_thursday")
class TestTheRightThatAnswersEachPractice:
    def test_in_ireland_training_is_an_objection_with_its_gdpr_deadline(self, client):
        page = client.get("/platforms/openai/", {"country": "IE"}).content.decode()
        due = compute_deadline("gdpr", "object", TODAY.date(), country="IE").due_on
        box = action_box(page)
        assert "Under GDPR, this is your right of objection (GDPR Art. 21(1))." in box
        assert f"They must answer by {due:%-d %B %Y} if they receive the letter today" in box
        training = topic_section(page, "training-inputs")
        assert "What you can do about it: [/request/new/?platform=openai&want=object]" in training
        assert "this is your right of objection" in training

    def test_in_california_an_objection_becomes_deletion_and_opt_out(self, client):
        page = client.get("/platforms/openai/", {"country": "US", "region": "CA"})
        box = action_box(page.content.decode())
        assert (
            "CCPA has no right by that name, so the letter asks for deletion and opt-out of sale "
            "or sharing (Cal. Civ. Code §1798.105; Cal. Civ. Code §1798.120)." in box
        )
        assert applicable_regimes("US", "CA") == ("ccpa",)

    @pytest.mark.parametrize(
        ("topic", "want"),
        [
            ("training-inputs", "object"),
            ("retention", "delete"),
            ("sharing", "opt-out-sale"),
            ("human-review", "access"),
            ("deletion", "delete"),
        ],
    )
    def test_each_practice_puts_its_letter_one_click_away(self, client, topic, want):
        page = client.get("/platforms/anthropic/").content.decode()
        href = html.escape(request_start_url(platform="anthropic", want=want))
        section = page.split(f'id="topic-{topic}"')[1].split("</section>")[0]
        assert f'<a href="{href}">{v.RIGHTS[want]}</a>' in section
        assert v.TOPIC_RIGHTS[topic] == want

    def test_without_a_place_it_asks_where_you_live(self, client):
        box = action_box(client.get("/platforms/openai/").content.decode())
        assert "Choose where you live to see which law this rests on" in box
        assert "They must answer by" not in box

    def test_a_signed_in_person_gets_their_own_place(self, client, alice):
        alice.profile.country, alice.profile.region = "US", "TX"
        alice.profile.save()
        client.force_login(alice)
        page = client.get("/platforms/openai/").content.decode()
        assert "From your settings: Texas, United States" in action_box(page)
        who = text(page.split('id="who"')[1].split("</section>")[0])
        assert "Where you live (Texas, United States)" in who
        assert "Texas Attorney General" in who

    def test_a_place_that_is_not_one_is_ignored(self, client):
        page = client.get("/platforms/openai/", {"country": "ZZ"})
        assert page.status_code == 200
        assert "Choose where you live" in action_box(page.content.decode())

    def test_no_law_where_you_live_gives_a_courtesy_date_not_a_deadline(self, client):
        # Antarctica: Japan, the earlier example, now has the APPI in apps.deadlines (issue 15).
        box = action_box(client.get("/platforms/openai/", {"country": "AQ"}).content.decode())
        assert "No privacy law we know of gives you this right where you live" in box
        assert "a courtesy date" in box

    def test_us_complaint_routes_stand_beside_the_eu_lead_authority(self, client):
        page = client.get("/platforms/openai/", {"country": "IE"}).content.decode()
        who = text(page.split('id="who"')[1].split("</section>")[0])
        assert "Data Protection Commission (DPC)" in who
        assert "Where you live (Ireland)" in who
        assert "In the United States" in who
        assert "California Privacy Protection Agency (CalPrivacy)" in who
        assert "California Attorney General" in who
        assert "[https://cppa.ca.gov/webapplications/complaint] make a complaint" in who

    def test_the_comparison_offers_the_same_letter_and_deadline(self, client):
        page = text(client.get("/compare/training-inputs/", {"country": "GB"}).content.decode())
        assert (
            "What you can do about it: [/request/new/?want=object] Stop training on my data" in page
        )
        assert "Under UK GDPR, this is your right of objection (UK GDPR Art. 21(1))." in page


def counted(page: str) -> list[tuple[str, int, int]]:
    return [
        (label, int(k), int(n))
        for label, k, n in re.findall(r"([A-Z][a-z ]+): (\d+) of (\d+) platforms", text(page))
    ]


@pytest.mark.django_db
def test_every_count_shown_comes_from_the_loaded_catalog(client, make_catalog):
    load_catalog(make_catalog(7))
    # Make the answers differ, in the database only: the pages must follow.
    Provision.objects.filter(
        topic="retention", platform__slug__in=["platform-001", "platform-004"]
    ).update(value="no", verdict="medium")
    Provision.objects.filter(topic="retention", platform__slug="platform-002").update(
        value="not_documented", verdict="unknown", grade="NOT_FOUND", confidence="low"
    )

    def in_database(topic: str, value: str) -> int:
        return Provision.objects.filter(topic=topic, rank=0, value=value).count()

    total = Platform.objects.count()
    shown = counted(client.get("/compare/retention/").content.decode())
    assert shown == [
        (v.VALUES[value], in_database("retention", value), total)
        for value in v.VALUES
        if in_database("retention", value)
    ]
    assert {label for label, *_ in shown} == {"Yes", "No", "Not documented"}

    matrix = text(client.get("/compare/").content.decode())
    affirmative = Provision.objects.filter(topic="retention", rank=0, value__in=v.AFFIRMATIVE)
    assert f"Retention limit Yes or partly: {affirmative.count()} of {total}" in matrix

    page = client.get("/platforms/platform-001/").content.decode()
    same = in_database("retention", "no")
    assert f"{same} of {total} platforms in the catalog answer “No” too." in text(page)

    Platform.objects.filter(slug="platform-006").delete()
    assert f"{same} of {total - 1} platforms" in text(
        client.get("/platforms/platform-001/").content.decode()
    )


@pytest.mark.usefixtures("real_catalog")
@pytest.mark.parametrize("url", ["/compare/", "/platforms/nightcafe/", "/platforms/stability-ai/"])
def test_every_uncertain_headline_answer_shows_its_badge(client, url):
    page = client.get(url).content.decode()
    slugs = re.findall(r"/platforms/([a-z0-9-]+)/", url) or list(
        Platform.objects.values_list("slug", flat=True)
    )
    headlines = Provision.objects.filter(rank=0, platform__slug__in=slugs, topic__in=v.CORE_TOPICS)
    expected = {"inferred": 0, "unconfirmed": 0}
    for p in headlines:
        badge = coding.badge(p.confidence, p.grade)
        if badge:
            expected[badge] += 1
    scope = (
        page.split('class="facts quick-answers"')[1].split("</dl>")[0]
        if "platforms" in url
        else page
    )
    assert scope.count('class="badge badge-inferred"') == expected["inferred"]
    assert scope.count('class="badge badge-unconfirmed"') == expected["unconfirmed"]
    assert sum(expected.values()) > 0


@pytest.mark.usefixtures("real_catalog")
def test_a_document_shows_when_it_was_first_recorded_last_checked_and_changed(client):
    document = Platform.objects.get(slug="openai").documents.get(key="eu-terms")
    page = text(client.get("/platforms/openai/").content.decode())
    assert "Not yet" in page
    first = dt.datetime(2026, 9, 1, 9, tzinfo=dt.UTC)
    store_versions(document, POLICY_V1, now=first)
    store_versions(document, POLICY_V2, now=first + dt.timedelta(days=7))
    page = client.get("/platforms/openai/").content.decode()
    documents = page.split('id="documents"')[1]
    row = text(documents.split("OpenAI EU Terms of Use</a>")[1].split("</tr>")[0])
    assert "Changed: 8 Sept 2026" in row or "Changed: 8 Sep 2026" in row
    assert "what changed" in row
    assert "1 Sep" in row
