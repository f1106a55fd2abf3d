"""The rules as data: which regimes exist, which rights each grants (and why not), which apply to
a person, and where to complain. Nothing here may name a URL laws.md does not give."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from apps.core.places import EEA_STATES, EU_MEMBER_STATES
from apps.deadlines import (
    REGIMES,
    RIGHTS,
    DeadlineError,
    InvalidDate,
    MissingPlace,
    NoAppeal,
    NoExtension,
    RightNotGranted,
    UnknownCalendar,
    UnknownCountry,
    UnknownRegime,
    UnknownRight,
    applicable_regimes,
    compute_appeal_deadline,
    compute_deadline,
    extension_claimed_in_time,
    get_regime,
    is_overdue,
    parse_date,
)
from apps.deadlines.rules import EDPB_MEMBERS, SUPERVISORY_AUTHORITIES, supervisory_authority

LAWS_MD = Path(settings.BASE_DIR) / "reference" / "laws.md"  # versioned copy, reference/README.md
US_STATES_IN_LAWS_MD = [
    "va",
    "co",
    "ct",
    "ut",
    "tx",
    "or",
    "ia",
    "mt",
    "ne",
    "de",
    "nh",
    "nj",
    "tn",
    "mn",
    "md",
    "in",
    "ky",
    "fl",
    "ri",
]


def test_it_knows_every_regime_the_issue_names():
    expected = {"gdpr", "uk-gdpr", "ccpa", "pipeda", "quebec", "lgpd", "fadp", "au-privacy", "none"}
    # Issue 15's new laws (laws.md §7A.5).
    expected |= {"appi", "kr-pipa", "nz-privacy", "sg-pdpa", "in-dpdp", "tr-kvkk", "za-popia"}
    expected |= {"ar-pdp", "mx-lfpdppp", "ab-pipa", "bc-pipa"}
    expected |= {f"us-{state}" for state in US_STATES_IN_LAWS_MD}
    assert set(REGIMES) == expected


def test_it_finds_regimes_whatever_the_case_and_refuses_unknown_ones():
    assert get_regime(" GDPR ").code == "gdpr"
    with pytest.raises(UnknownRegime, match="Unknown regime 'eu'; known regimes: gdpr"):
        get_regime("eu")


@pytest.mark.parametrize("code", sorted(REGIMES))
def test_every_regime_either_grants_or_explains_every_right(code):
    regime = get_regime(code)
    for right in RIGHTS:
        assert (right in regime.rights) != (right in regime.not_granted), right
        if right in regime.not_granted:
            reason = regime.not_granted[right]
            assert reason.endswith(".")
            assert "\n" not in reason


@pytest.mark.parametrize(
    ("regime", "right"),
    [
        pytest.param("ccpa", "object", id="ccpa-has-no-general-objection"),
        pytest.param("pipeda", "delete", id="pipeda-has-no-erasure"),
        pytest.param("gdpr", "opt-out-sale", id="gdpr-has-no-sale-opt-out"),
        pytest.param("au-privacy", "delete", id="australia-has-no-erasure"),
        pytest.param("au-privacy", "object", id="australia-only-direct-marketing"),
        pytest.param("us-va", "object", id="us-states-give-opt-outs-not-objection"),
        pytest.param("lgpd", "opt-out-sale", id="lgpd-has-no-sale-opt-out"),
    ],
)
def test_it_refuses_a_right_the_regime_does_not_grant_with_the_reason(regime, right):
    with pytest.raises(RightNotGranted) as raised:
        compute_deadline(regime, right, date(2026, 3, 2), country="IE")
    message = str(raised.value)
    assert "\n" not in message
    assert get_regime(regime).not_granted[right] in message


@pytest.mark.parametrize(
    ("regime", "right", "citation"),
    [
        ("gdpr", "access", "GDPR Art. 15"),
        ("gdpr", "correct", "GDPR Art. 16"),
        ("gdpr", "delete", "GDPR Art. 17"),
        ("gdpr", "object", "GDPR Art. 21(1)"),
        ("ccpa", "delete", "Cal. Civ. Code §1798.105"),
        ("ccpa", "correct", "Cal. Civ. Code §1798.106"),
        ("ccpa", "opt-out-sale", "Cal. Civ. Code §1798.120"),
        ("lgpd", "object", "LGPD Art. 18 §2"),
    ],
)
def test_it_cites_the_article_that_grants_each_right(regime, right, citation):
    assert get_regime(regime).rights[right].citation == citation


def test_it_cites_the_period_each_deadline_rests_on():
    received = date(2026, 3, 2)
    assert compute_deadline("ccpa", "access", received).citation.startswith(
        "Cal. Civ. Code §1798.130"
    )
    assert compute_deadline("ccpa", "opt-out-sale", received).citation == "11 CCR §7026(f)(1)"
    assert "11 CCR §7021(a)" in compute_deadline("ccpa", "access", received).acknowledge_explanation
    assert compute_deadline("pipeda", "access", received).citation == (
        "PIPEDA s.8(3); Interpretation Act s.26, s.35"
    )
    assert compute_deadline("lgpd", "access", received).citation == (
        "LGPD Art. 19(II); Civil Code art. 132 §1"
    )
    assert compute_deadline("gdpr", "access", received, country="IE").citation == (
        "GDPR Art. 12(3); Reg. 1182/71 Art. 3"
    )


# --- Which regimes apply ------------------------------------------------------------------------

APPLICABLE = [
    pytest.param(("US", "CA", None), ("ccpa",), id="californian"),
    pytest.param(("IE", "", None), ("gdpr",), id="irish-resident"),
    pytest.param(("CA", "QC", None), ("quebec", "pipeda"), id="quebec-resident-strongest-first"),
    pytest.param(("CA", "ON", None), ("pipeda",), id="ontario-resident"),
    pytest.param(("CH", "", None), ("fadp",), id="swiss-resident"),
    pytest.param(("US", "AZ", None), ("none",), id="us-state-without-a-law"),
    pytest.param(("US", "ia", None), ("us-ia",), id="iowan-lowercase"),
    pytest.param(("US", "US-VA", None), ("us-va",), id="virginian-with-prefixed-region"),
    pytest.param(("GB", "", None), ("uk-gdpr",), id="uk-resident"),
    pytest.param(("NO", "", None), ("gdpr",), id="eea-not-eu"),
    pytest.param(("BR", "", None), ("lgpd",), id="brazilian"),
    pytest.param(("AU", "", None), ("au-privacy",), id="australian"),
    pytest.param(("JP", "", None), ("appi",), id="japanese-resident"),
    pytest.param(("CN", "", None), ("none",), id="china-not-modelled"),
    pytest.param(("US", "", "IE"), ("gdpr",), id="eu-establishment-controller"),
    pytest.param(("CH", "", "IE"), ("fadp", "gdpr"), id="swiss-with-irish-controller"),
    pytest.param(("GB", "", "IE"), ("uk-gdpr", "gdpr"), id="uk-with-irish-controller"),
    pytest.param(("IE", "", "GB"), ("gdpr", "uk-gdpr"), id="irish-with-uk-controller"),
    pytest.param(("", "", None), ("none",), id="unknown-place"),
]


@pytest.mark.parametrize(("place", "expected"), APPLICABLE)
def test_it_finds_every_regime_covering_a_person(place, expected):
    country, region, company = place
    assert applicable_regimes(country, region, company_country=company) == expected


def test_every_eea_state_is_covered_by_the_gdpr():
    assert all(applicable_regimes(code) == ("gdpr",) for code in EEA_STATES)


def test_every_us_state_law_in_laws_md_is_reachable_from_the_state():
    for state in US_STATES_IN_LAWS_MD:
        assert applicable_regimes("US", state.upper()) == (f"us-{state}",)


def test_it_refuses_a_country_code_that_does_not_exist():
    with pytest.raises(UnknownCountry):
        applicable_regimes("XX")


# --- Errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error"),
    [
        pytest.param(
            lambda: compute_deadline("gdpr", "erase", date(2026, 1, 1), country="IE"),
            UnknownRight,
            id="unknown-right",
        ),
        pytest.param(
            lambda: compute_deadline("gdpr", "access", "2026-01-01", country="IE"),
            InvalidDate,
            id="string-date",
        ),
        pytest.param(
            lambda: compute_deadline("gdpr", "access", date(2026, 1, 1)),
            MissingPlace,
            id="gdpr-without-a-state",
        ),
        pytest.param(
            lambda: compute_deadline("gdpr", "access", date(2026, 1, 1), country="US"),
            MissingPlace,
            id="gdpr-outside-the-eea",
        ),
        pytest.param(
            lambda: compute_deadline("lgpd", "access", date(2026, 1, 1), extended=True),
            NoExtension,
            id="lgpd-no-extension",
        ),
        pytest.param(
            lambda: compute_deadline("ccpa", "opt-out-sale", date(2026, 1, 1), extended=True),
            NoExtension,
            id="ccpa-opt-out-no-extension",
        ),
        pytest.param(
            lambda: compute_deadline("none", "access", date(2026, 1, 1), extended=True),
            NoExtension,
            id="none-nothing-to-extend",
        ),
        pytest.param(
            lambda: compute_deadline("ccpa", "access", date(2026, 1, 1), calendar="texas"),
            UnknownCalendar,
            id="unknown-calendar",
        ),
        pytest.param(
            lambda: compute_deadline("us-va", "access", date(2026, 1, 1), calendar="federal"),
            UnknownCalendar,
            id="calendar-choice-only-for-ccpa",
        ),
        pytest.param(
            lambda: compute_appeal_deadline("us-ut", date(2026, 1, 1)),
            NoAppeal,
            id="utah-no-appeal",
        ),
        pytest.param(
            lambda: compute_appeal_deadline("gdpr", date(2026, 1, 1)),
            NoAppeal,
            id="gdpr-complain-instead",
        ),
        pytest.param(lambda: parse_date("31/01/2026"), InvalidDate, id="not-iso"),
        pytest.param(lambda: parse_date("2026-02-30"), InvalidDate, id="no-30-february"),
    ],
)
def test_it_raises_typed_errors_with_one_line_messages(call, error):
    with pytest.raises(error) as raised:
        call()
    assert isinstance(raised.value, DeadlineError)
    assert isinstance(raised.value, ValueError)
    assert "\n" not in str(raised.value)


# --- Extensions, overdue ------------------------------------------------------------------------


def test_it_accepts_an_extension_notice_only_within_the_first_period():
    deadline = compute_deadline("gdpr", "access", date(2026, 1, 31), country="IE")
    assert extension_claimed_in_time(deadline, date(2026, 3, 2))  # rolled end of the first month
    assert not extension_claimed_in_time(deadline, date(2026, 3, 3))
    ccpa = compute_deadline("ccpa", "access", date(2026, 11, 2))
    assert extension_claimed_in_time(ccpa, date(2026, 12, 17))
    assert not extension_claimed_in_time(ccpa, date(2026, 12, 18))


def test_it_gives_the_company_the_benefit_of_the_doubt_on_the_notice():
    # Irish 28 Dec 2026 may be a holiday (UNVERIFIED): a notice on Tue 29 Dec still counts.
    deadline = compute_deadline("gdpr", "access", date(2026, 11, 25), country="IE")
    assert deadline.extension_notice_by == date(2026, 12, 28)
    assert extension_claimed_in_time(deadline, date(2026, 12, 29))
    assert not extension_claimed_in_time(deadline, date(2026, 12, 30))


def test_it_never_accepts_an_extension_the_law_does_not_allow():
    deadline = compute_deadline("lgpd", "access", date(2026, 11, 16))
    assert not extension_claimed_in_time(deadline, date(2026, 11, 17))


def test_it_refuses_a_notice_dated_before_the_request():
    deadline = compute_deadline("ccpa", "access", date(2026, 11, 2))
    with pytest.raises(InvalidDate):
        extension_claimed_in_time(deadline, date(2026, 11, 1))


def test_it_calls_a_request_overdue_only_after_the_latest_plausible_reading():
    deadline = compute_deadline("us-va", "access", date(2026, 1, 15))
    assert deadline.due_on == date(2026, 3, 1)
    assert not is_overdue(deadline, date(2026, 3, 2))
    assert is_overdue(deadline, date(2026, 3, 3))


def test_it_never_calls_a_request_without_a_statutory_deadline_overdue():
    deadline = compute_deadline("none", "object", date(2026, 3, 2))
    assert deadline.due_on is None
    assert deadline.overdue_after is None
    assert not deadline.statutory
    assert deadline.courtesy_reply_by == date(2026, 4, 1)
    assert "not a legal deadline" in deadline.explanation
    assert not is_overdue(deadline, date(2030, 1, 1))


def test_it_gives_a_courtesy_date_where_the_law_grants_the_right_without_a_period():
    deadline = compute_deadline("fadp", "delete", date(2026, 3, 2))
    assert deadline.due_on is None
    assert deadline.courtesy_reply_by == date(2026, 4, 1)
    assert "FADP Art. 32" in deadline.explanation


def test_a_deadline_is_frozen_and_serialises_to_json():
    deadline = compute_deadline("ccpa", "access", date(2026, 11, 2))
    with pytest.raises(AttributeError):
        deadline.due_on = date(2030, 1, 1)  # type: ignore[misc]
    data = deadline.as_dict()
    assert data["due_on"] == "2026-12-17"
    assert data["acknowledge_by"] == "2026-11-17"
    assert data["calendar"]["code"] == "US+US-CA-6700"
    assert '"due_on": "2026-12-17"' in deadline.to_json()


# --- Authorities --------------------------------------------------------------------------------


def test_it_sends_gdpr_complaints_to_the_residents_authority_then_the_lead_one():
    deadline = compute_deadline(
        "gdpr", "object", date(2026, 3, 2), country="FR", company_country="IE"
    )
    names = [authority.name for authority in deadline.authorities]
    assert names[0].startswith("Commission nationale")
    assert names[1].startswith("Data Protection Commission")


def test_every_eu_member_state_has_an_authority_or_the_edpb_list():
    for code in EU_MEMBER_STATES:
        authority = supervisory_authority(code)
        assert authority.complaint_url or authority.info_url == EDPB_MEMBERS
        assert authority.unverified or authority.complaint_url


def test_it_marks_unverified_authorities_so_the_ui_can_say_check_this():
    assert get_regime("pipeda").authorities[0].as_dict()["needs_checking"] is True
    assert supervisory_authority("IE").as_dict()["needs_checking"] is False
    assert supervisory_authority("SE").unverified  # not in laws.md at all


def _every_url() -> list[str]:
    urls = []
    for regime in REGIMES.values():
        for authority in regime.authorities:
            urls += [authority.complaint_url, authority.info_url]
    for authority in SUPERVISORY_AUTHORITIES.values():
        urls += [authority.complaint_url, authority.info_url]
    urls.append(supervisory_authority("SE").info_url)
    return sorted({url for url in urls if url})


@pytest.mark.parametrize("url", _every_url())
def test_it_never_invents_a_url(url):
    assert url in LAWS_MD.read_text(encoding="utf-8")


def test_it_never_invents_a_contact_address():
    text = LAWS_MD.read_text(encoding="utf-8")
    for regime in REGIMES.values():
        for authority in regime.authorities:
            for email in re.findall(r"[\w.]+@[\w.]+", authority.contact):
                assert email in text
    for authority in SUPERVISORY_AUTHORITIES.values():
        for email in re.findall(r"[\w.]+@[\w.]+", authority.contact):
            assert email in text


@pytest.mark.parametrize("code", sorted(REGIMES))
def test_every_regime_describes_itself_as_json(code):
    data = json.loads(json.dumps(get_regime(code).as_dict()))
    assert data["code"] == code
    assert set(data["rights"]) | set(data["not_granted"]) == set(RIGHTS)
