"""One coding for one meaning: every answer in the catalog follows the rules in
``apps.catalog.coding`` (value, verdict, confidence), and the badge a page shows follows them too."""

from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import given, strategies as st

from apps.catalog import coding, vocabulary as v
from apps.catalog.files import read_catalog

from .conftest import CATALOG_DIR

FILES = {f.slug: f.data for f in read_catalog(CATALOG_DIR)}


def provision(topic="retention", value="yes", reading="Kept for 30 days.", grade="P", **extra):
    return {"topic": topic, "value": value, "reading": reading, "grade": grade, **extra}


@pytest.mark.parametrize("slug", sorted(FILES))
def test_every_answer_in_the_catalog_follows_the_coding_rules(slug):
    assert coding.file_problems(FILES[slug]) == []


def test_one_claim_gets_one_coding_across_platforms():
    codings = defaultdict(set)
    for _slug, data in FILES.items():
        for p in data["provisions"]:
            claim = coding.claim_of(p)
            if claim:
                codings[claim.key].add((p["value"], p["verdict"]))
    assert codings["no-fixed-period"] == {("no", "medium")}
    assert all(len(found) == 1 for found in codings.values()), dict(codings)


@pytest.mark.parametrize(
    ("reading", "quote"),
    [
        ("No period is given. It keeps your data as long as it decides it needs it.", ""),
        ("ConductAtlas says data is kept “as long as necessary”, with no fixed period.", ""),
        ("Not stated. ConductAtlas says there is no fixed period.", ""),
        ("Kept while needed.", "for as long as necessary to serve an allowable purpose"),
        ("Most data is kept “as long as it is necessary”; IP addresses go after 100 days.", ""),
        ("Kept while needed.", "only for as long as is necessary for the purposes set out"),
        ("Kept while needed.", "We keep your information only so long as we need it"),
        ("Kept while needed.", "where we have an ongoing legitimate business need to do so."),
    ],
    ids=[
        "decides",
        "necessary",
        "no-fixed-period",
        "in-the-quote",
        "it-is-necessary",
        "is-necessary",
        "so-long-as",
        "business-need",
    ],
)
@pytest.mark.parametrize("value", ["yes", "partial", "no"])
def test_kept_as_long_as_necessary_is_no_limit_stated_whatever_the_file_said(value, reading, quote):
    p = provision(value=value, reading=reading, quote=quote, verdict="medium", confidence="high")
    want = coding.expected(p)
    assert (want.value, want.verdict) == ("no", "medium")
    assert want.claim.key == "no-fixed-period"
    assert bool(coding.problems(p)) == (value != "no")


def test_a_stated_period_is_a_stated_limit():
    p = provision(reading="Deleted chats are removed within 30 days.", verdict="medium")
    assert coding.expected(p).value == "yes"
    assert coding.claim_of(p) is None


@pytest.mark.parametrize(
    ("topic", "value", "verdict"),
    [
        ("training-inputs", "yes", "high"),
        ("training-inputs", "partial", "medium"),
        ("training-inputs", "no", "good"),
        ("public-by-default", "yes", "high"),
        ("public-by-default", "no", "good"),
        ("private-generation", "yes", "low"),
        ("private-generation", "not_applicable", "low"),
        ("opt-out", "yes", "good"),
        ("opt-out", "no", "high"),
        ("human-review", "yes", "high"),
        ("sharing", "yes", "medium"),
        ("deletion", "yes", "good"),
        ("deletion", "partial", "medium"),
        ("content-licence", "yes", "medium"),
        ("training-outputs", "unknown", "unknown"),
        ("sharing", "not_documented", "unknown"),
    ],
)
def test_each_answer_carries_its_topics_verdict(topic, value, verdict):
    assert coding.expected(provision(topic=topic, value=value, reading="Plainly so.")).verdict == (
        verdict
    )


@pytest.mark.parametrize(
    ("topic", "reading", "verdict"),
    [
        ("content-licence", "A perpetual, irrevocable licence over what you make.", "high"),
        ("content-licence", "It may use your content to run and improve the service.", "medium"),
        ("private-generation", "Yes, by default and on every plan.", "good"),
        ("private-generation", "Yes, for paid members: turn on Private Mode.", "low"),
        (
            "private-generation",
            "Yes. Chats stay private unless you choose to share a link.",
            "good",
        ),
    ],
)
def test_claims_that_change_the_risk_are_recognised_by_their_words(topic, reading, verdict):
    assert coding.expected(provision(topic=topic, value="yes", reading=reading)).verdict == verdict


@pytest.mark.parametrize(
    ("grade", "value", "reading", "note", "confidence"),
    [
        ("P", "yes", "Yes. It trains on your chats.", "", "high"),
        ("P", "yes", "Probably yes. The terms speak of your Content.", "", "medium"),
        ("P", "no", "Apparently not; the rules suggest so.", "", "medium"),
        ("P", "unknown", "It does not say.", "", "medium"),
        ("P", "not_documented", "Not stated in the policy.", "", "medium"),
        ("P", "yes", "Kept up to 5 years.", "Read in the Chinese copy of the article.", "medium"),
        ("S", "yes", "Yes, says a guide.", "", "low"),
        ("CA", "yes", "Possibly yes.", "", "low"),
        ("UNVERIFIED", "no", "No gallery was found.", "", "low"),
        ("NOT_FOUND", "not_documented", "Not documented.", "", "low"),
    ],
    ids=[
        "plain-primary",
        "inference",
        "hedged",
        "unclear",
        "silent-primary",
        "translation",
        "secondary",
        "conductatlas",
        "unverified",
        "not-found",
    ],
)
def test_confidence_follows_the_evidence_and_how_plainly_it_says_it(
    grade, value, reading, note, confidence
):
    assert coding.allowed_confidence(grade, value, reading, note) == confidence


@pytest.mark.parametrize(
    ("confidence", "grade", "badge"),
    [
        ("high", "P", ""),
        ("medium", "P", "inferred"),
        ("low", "S", "unconfirmed"),
        ("low", "CA", "unconfirmed"),
        ("low", "UNVERIFIED", "unconfirmed"),
        ("low", "NOT_FOUND", ""),  # the answer itself says "Not documented"
    ],
)
def test_every_medium_or_low_confidence_answer_has_a_badge(confidence, grade, badge):
    assert coding.badge(confidence, grade) == badge
    if badge:
        assert coding.BADGES[badge]
        assert coding.BADGE_HELP[badge]


@given(
    topic=st.sampled_from(list(v.TOPIC_BY_KEY)),
    value=st.sampled_from(list(v.VALUES)),
    grade=st.sampled_from(list(v.GRADES)),
    reading=st.text(max_size=80),
)
def test_the_rules_always_give_a_coding_that_satisfies_them(topic, value, grade, reading):
    p = provision(topic=topic, value=value, grade=grade, reading=reading)
    want = coding.expected(p)
    assert want.value in v.VALUES
    assert want.verdict in v.VERDICTS
    assert want.confidence in v.CONFIDENCE
    coded = {**p, "value": want.value, "verdict": want.verdict, "confidence": want.confidence}
    assert coding.problems(coded) == []


@pytest.mark.parametrize(
    ("reading", "verdict"),
    [
        ("Yes. It shares your data with service providers.", "medium"),
        ("Yes. Identifiers go to advertising partners for targeted ads.", "high"),
        ("Yes. Its advertising and analytics partners log what you do.", "high"),
        ("Yes, with collaborators who may train their own models.", "high"),
        ("Yes, to vendors; it does not send your prompts to advertisers.", "medium"),
        ("Yes, to vendors, and aggregate ad statistics with advertisers.", "medium"),
        ("Yes, to vendors; anonymous information may be given to advertisers.", "medium"),
        (
            "Yes. Your hashed email goes to advertising partners; aggregate reports to advertisers.",
            "high",
        ),
    ],
)
def test_sharing_with_advertisers_or_ai_trainers_is_the_higher_risk(reading, verdict):
    assert coding.expected(provision(topic="sharing", reading=reading)).verdict == verdict
