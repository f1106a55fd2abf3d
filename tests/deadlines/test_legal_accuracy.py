"""Issue 15: the audited errors fixed, the new rights and laws, the clock from receipt.

Every row cites its source (reference/laws.md §7A, with the stored copy it was read from).
"""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from apps.deadlines import (
    RIGHTS,
    RightNotGranted,
    UnknownChannel,
    UnknownCountry,
    applicable_regimes,
    compute_deadline,
    get_regime,
    received_on_for,
)
from apps.deadlines.calendars import CANADA_IA35

D = date


# --- Florida, Utah, Iowa (laws.md §7A.1) --------------------------------------------------------


def test_florida_extends_once_by_15_days_not_45():
    # Fla. Stat. §501.706: 45 days, one 15-day extension (termsbuilder.com; research note).
    deadline = compute_deadline("us-fl", "access", D(2026, 3, 2), extended=True)
    assert deadline.due_on == D(2026, 4, 16)
    assert deadline.extended_due_on == D(2026, 5, 1)  # 45 + 15 = 60 days
    rule = get_regime("us-fl").rights["access"]
    assert rule.extension is not None
    assert rule.extension.times == 1
    assert rule.extension.label == "15 more days (60 in total)"


def test_florida_cites_its_act_and_says_plainly_whom_it_covers():
    regime = get_regime("us-fl")
    assert regime.title == "Florida Digital Bill of Rights (Fla. Stat. §501.701 et seq.)"
    assert regime.coverage is not None
    assert regime.coverage.summary.startswith("Applies only to companies with more than $1 billion")
    assert "250,000" in regime.coverage.summary
    deadline = compute_deadline("us-fl", "delete", D(2026, 3, 2))
    assert deadline.coverage == regime.coverage.summary
    assert deadline.as_dict()["coverage"].startswith("Applies only to")


@pytest.mark.parametrize(
    ("received", "granted"),
    [
        pytest.param(D(2026, 6, 30), False, id="HB418-the-day-before-1-July-2026"),
        pytest.param(D(2026, 7, 1), True, id="HB418-from-1-July-2026"),
    ],
)
def test_utahs_right_to_correct_depends_on_the_day_the_request_arrives(received, granted):
    # 2025 Gen. Sess. ch. 468 (HB 418): jcitco.com, clym.io (laws.md §7A.1).
    assert get_regime("us-ut").grants("correct", received) is granted
    if granted:
        assert compute_deadline("us-ut", "correct", received).due_on is not None
    else:
        with pytest.raises(RightNotGranted, match="from 1 July 2026"):
            compute_deadline("us-ut", "correct", received)


@pytest.mark.parametrize(
    ("right", "cited"),
    [
        pytest.param("correct", "§715D.3(1)", id="715D.3-no-right-to-correct"),
        pytest.param("opt-out-targeted-ads", "§715D.3(1)(d)", id="715D.3(1)(d)-sale-only"),
        pytest.param("opt-out-profiling", "§715D.3(1)", id="715D.3-no-profiling-opt-out"),
    ],
)
def test_iowa_grants_no_correction_and_no_advertising_or_profiling_opt_out(right, cited):
    regime = get_regime("us-ia")
    assert not regime.grants(right)
    assert cited in regime.not_granted[right]
    with pytest.raises(RightNotGranted):
        compute_deadline("us-ia", right, D(2026, 3, 2))


# --- Roll-over (laws.md §7A.2) ------------------------------------------------------------------

# 45 days from Thu 15 Jan 2026 is Sun 1 Mar 2026.
ROLLS = [
    pytest.param("ccpa", D(2026, 3, 2), id="CCP-12a-california-rolls"),
    pytest.param("us-co", D(2026, 3, 2), id="CRS-2-4-108-colorado-rolls"),
    pytest.param("us-ut", D(2026, 3, 2), id="Utah-Code-68-3-7-rolls"),
    pytest.param("us-mn", D(2026, 3, 2), id="Minn-Stat-645.15-rolls"),
    pytest.param("us-ky", D(2026, 3, 2), id="KRS-446.030-rolls"),
    pytest.param("us-va", D(2026, 3, 1), id="Va-Code-1-210-does-not-roll"),
    pytest.param("us-or", D(2026, 3, 1), id="ORS-174.120-does-not-roll"),
    pytest.param("us-ct", D(2026, 3, 1), id="Connecticut-unverified-no-legal-roll"),
]


@pytest.mark.parametrize(("regime", "due"), ROLLS)
def test_the_legal_date_rolls_only_where_the_counting_statute_says_so(regime, due):
    deadline = compute_deadline(regime, "delete", D(2026, 1, 15))
    assert deadline.due_on == due
    assert deadline.overdue_after == D(2026, 3, 2)  # the latest reading always rolls
    assert deadline.roll_rule


def test_texas_rolls_over_its_own_state_holiday():
    # Tex. Gov't Code §311.014(b) [S]: Sun 1 Mar → Mon 2 Mar is Texas Independence Day → Tue 3 Mar.
    deadline = compute_deadline("us-tx", "delete", D(2026, 1, 15))
    assert deadline.due_on == D(2026, 3, 3)
    assert "Independence Day" in deadline.explanation


def test_every_us_state_records_its_roll_over_answer_and_source():
    for code in (c for c in applicable_regimes_all() if c.startswith("us-")):
        rule = get_regime(code).roll_rule
        assert rule.startswith(("Rolls:", "Does not roll:", "No general computation statute"))
        assert "laws.md §7A.2" in rule


def applicable_regimes_all() -> list[str]:
    from apps.deadlines import REGIMES

    return list(REGIMES)


def test_brazil_rolls_a_last_day_off_a_holiday_civil_code_art_132():
    # 15 days from Fri 6 Nov 2026 is Sat 21 Nov → Mon 23 Nov (art. 132 §1, jurishand copy).
    deadline = compute_deadline("lgpd", "access", D(2026, 11, 6))
    assert deadline.due_on == D(2026, 11, 23)
    assert "art. 132 §1" in deadline.citation


# --- PIPEDA: Interpretation Act s.35 (laws.md §7A.2) --------------------------------------------

S35_2026 = [
    pytest.param(D(2026, 1, 1), "New Year's Day", id="s35-new-years-day"),
    pytest.param(D(2026, 4, 3), "Good Friday", id="s35-good-friday"),
    pytest.param(D(2026, 4, 6), "Easter Monday", id="s35-easter-monday"),
    pytest.param(D(2026, 5, 18), "Victoria Day", id="s35-victoria-day"),
    pytest.param(D(2026, 7, 1), "Canada Day", id="s35-canada-day"),
    pytest.param(D(2026, 9, 7), "Labour Day", id="s35-labour-day"),
    pytest.param(D(2026, 9, 30), "National Day for Truth", id="SC-2021-c11-truth-reconciliation"),
    pytest.param(D(2026, 11, 11), "Remembrance Day", id="s35-remembrance-day"),
    pytest.param(D(2026, 12, 25), "Christmas Day", id="s35-christmas-day"),
]


@pytest.mark.parametrize(("day", "name"), S35_2026)
def test_pipeda_counts_every_holiday_of_interpretation_act_s35(day, name):
    assert CANADA_IA35.days(2026)[day].startswith(name)


def test_the_s35_list_has_no_boxing_day_and_no_other_day():
    # Bills C-323 / C-401 reproduce s.35; Boxing Day is not in the federal list.
    assert set(CANADA_IA35.days(2026)) == {day for day, _ in (p.values[:2] for p in S35_2026)}


def test_pipeda_rolls_over_easter_monday():
    # 30 days from Fri 6 Mar 2026 = Sun 5 Apr (a holiday) → Mon 6 Apr Easter Monday → Tue 7 Apr.
    deadline = compute_deadline("pipeda", "access", D(2026, 3, 6))
    assert deadline.due_on == D(2026, 4, 7)
    assert "Easter Monday" in deadline.explanation


# --- The controller's nation or region ----------------------------------------------------------


@pytest.mark.parametrize(
    ("nation", "due"),
    [
        # One month from Fri 30 Oct 2026 = Mon 30 Nov: St Andrew's Day is a Scottish bank holiday.
        pytest.param("ENG", D(2026, 11, 30), id="england-and-wales"),
        pytest.param("WLS", D(2026, 11, 30), id="wales-as-england"),
        pytest.param("SCT", D(2026, 12, 1), id="scotland-st-andrews-day"),
        pytest.param("GB-NIR", D(2026, 11, 30), id="northern-ireland"),
    ],
)
def test_the_uk_legal_calendar_follows_the_controllers_nation(nation, due):
    deadline = compute_deadline("uk-gdpr", "access", D(2026, 10, 30), company_region=nation)
    assert deadline.due_on == due
    assert deadline.overdue_after == D(2026, 12, 1)


def test_a_gdpr_date_takes_the_controllers_german_land():
    # One month from Fri 6 Nov 2026 = Sun 6 Dec; from Thu 5 Nov 2026 to Sat 5 Dec… use Epiphany:
    # one month from Sun 6 Dec 2026 = Wed 6 Jan 2027, a holiday in Bavaria, not in Berlin.
    bavaria = compute_deadline(
        "gdpr", "access", D(2026, 12, 6), company_country="DE", company_region="BY"
    )
    berlin = compute_deadline(
        "gdpr", "access", D(2026, 12, 6), company_country="DE", company_region="BE"
    )
    assert bavaria.due_on == D(2027, 1, 7)
    assert berlin.due_on == D(2027, 1, 6)
    with pytest.raises(UnknownCountry):
        compute_deadline(
            "gdpr", "access", D(2026, 12, 6), company_country="DE", company_region="XX"
        )


# --- The clock starts at receipt (laws.md §7A.3) ------------------------------------------------


@pytest.mark.parametrize("channel", ["email", "web-form", "in-app"])
def test_electronic_requests_are_received_the_day_they_are_sent(channel):
    receipt = received_on_for(D(2026, 3, 2), channel)
    assert receipt.received_on == D(2026, 3, 2)
    assert receipt.explanation.startswith("Counted from Mon 2 Mar 2026, the day you sent it")


def test_post_in_the_uk_is_received_on_the_second_working_day_interpretation_act_s7():
    # Posted Thu 2 Apr 2026: Good Friday and Easter Monday are bank holidays → Wed 8 Apr;
    # second class (fourth working day) → Fri 10 Apr (Practice Direction [1985] 1 All ER 889).
    receipt = received_on_for(D(2026, 4, 2), "post", regime="uk-gdpr")
    assert receipt.received_on == D(2026, 4, 8)
    assert receipt.latest_on == D(2026, 4, 10)
    assert "Interpretation Act 1978 s.7" in receipt.citation
    assert not receipt.unverified


def test_a_deadline_counts_from_the_day_of_receipt_and_says_so():
    deadline = compute_deadline("uk-gdpr", "access", None, sent_on=D(2026, 4, 2), channel="post")
    assert deadline.received_on == D(2026, 4, 8)
    assert deadline.due_on == D(2026, 5, 8)
    assert deadline.received_explanation.startswith("Counted from Wed 8 Apr 2026")
    assert deadline.overdue_after == D(2026, 5, 11)  # from Fri 10 Apr → Sun 10 May → Mon
    emailed = compute_deadline(
        "gdpr", "access", None, sent_on=D(2026, 3, 5), channel="email", country="IE"
    )
    assert emailed.received_on == D(2026, 3, 5)
    assert (
        emailed.received_explanation == "Counted from Thu 5 Mar 2026, the day you sent it by email."
    )


def test_post_outside_the_uk_uses_the_uk_convention_marked_unverified():
    receipt = received_on_for(D(2026, 3, 2), "post", regime="gdpr", country="IE")
    assert receipt.received_on == D(2026, 3, 4)
    assert "UNVERIFIED" in receipt.unverified
    deadline = compute_deadline(
        "gdpr", "access", None, sent_on=D(2026, 3, 2), channel="post", country="IE"
    )
    assert any("UNVERIFIED" in note and "post" in note for note in deadline.notes)


def test_an_unknown_channel_is_refused():
    with pytest.raises(UnknownChannel):
        received_on_for(D(2026, 3, 2), "pigeon")


# --- New rights ---------------------------------------------------------------------------------


def test_the_original_right_codes_stay_first_and_unchanged():
    assert RIGHTS[:5] == ("access", "delete", "object", "opt-out-sale", "correct")


@pytest.mark.parametrize(
    ("regime", "right", "citation"),
    [
        pytest.param("gdpr", "restrict", "GDPR Art. 18", id="gdpr-art18"),
        pytest.param("gdpr", "portability", "GDPR Art. 20", id="gdpr-art20"),
        pytest.param("gdpr", "automated-decisions", "GDPR Art. 22", id="gdpr-art22"),
        pytest.param("uk-gdpr", "restrict", "UK GDPR Art. 18", id="uk-art18"),
        pytest.param("uk-gdpr", "portability", "UK GDPR Art. 20", id="uk-art20"),
        pytest.param(
            "ccpa", "limit-sensitive", "Cal. Civ. Code §1798.121; 11 CCR §7027", id="1798.121"
        ),
        pytest.param(
            "us-va", "opt-out-targeted-ads", "Va. Code §59.1-577(A)(5)", id="va-59.1-577-A5"
        ),
        pytest.param("us-va", "opt-out-profiling", "Va. Code §59.1-577(A)(5)", id="va-profiling"),
        pytest.param(
            "us-ct", "opt-out-targeted-ads", "Conn. Gen. Stat. §42-518(a)(5)", id="ct-42-518"
        ),
        pytest.param("us-de", "opt-out-targeted-ads", "6 Del. C. §12D-104(a)(6)", id="de-12D-104"),
        pytest.param("us-nh", "opt-out-targeted-ads", "RSA 507-H:4, I(e)", id="nh-507-H-4"),
    ],
)
def test_the_new_rights_cite_their_articles(regime, right, citation):
    assert get_regime(regime).rights[right].citation == citation
    assert compute_deadline(regime, right, D(2026, 3, 2), country="IE").right == right


def test_the_gdpr_answers_the_new_rights_within_one_month():
    deadline = compute_deadline("gdpr", "restrict", D(2026, 1, 31), country="IE")
    assert deadline.due_on == D(2026, 3, 2)


def test_limiting_sensitive_information_takes_15_business_days_and_needs_no_verification():
    # 11 CCR §7027(g)(1) [S]; §7027(d), (e) and Civ. Code §1798.135(c)(1) [P Deskbook].
    deadline = compute_deadline("ccpa", "limit-sensitive", D(2026, 11, 18))
    assert deadline.due_on == D(2026, 12, 10)  # as the opt-out (C3): Thanksgiving skipped
    assert deadline.acknowledge_by is None
    assert any("§7027(d), (e)" in s for s in deadline.statements)
    assert any("§1798.135(c)(1)" in s for s in deadline.statements)


def test_a_ccpa_opt_out_states_that_no_account_or_verification_may_be_required():
    statements = compute_deadline("ccpa", "opt-out-sale", D(2026, 11, 18)).statements
    assert any("create an account" in s for s in statements)
    assert any("need not be a verifiable consumer request" in s for s in statements)


# --- New laws (laws.md §7A.5) -------------------------------------------------------------------

ROUTES = [
    pytest.param(("JP", ""), ("appi",), id="japan-appi"),
    pytest.param(("KR", ""), ("kr-pipa",), id="korea-pipa"),
    pytest.param(("NZ", ""), ("nz-privacy",), id="new-zealand-privacy-act-2020"),
    pytest.param(("SG", ""), ("sg-pdpa",), id="singapore-pdpa"),
    pytest.param(("IN", ""), ("in-dpdp",), id="india-dpdp"),
    pytest.param(("TR", ""), ("tr-kvkk",), id="turkiye-kvkk"),
    pytest.param(("ZA", ""), ("za-popia",), id="south-africa-popia"),
    pytest.param(("AR", ""), ("ar-pdp",), id="argentina-25326"),
    pytest.param(("MX", ""), ("mx-lfpdppp",), id="mexico-lfpdppp-2025"),
    pytest.param(("CA", "AB"), ("ab-pipa", "pipeda"), id="alberta-pipa-then-pipeda"),
    pytest.param(("CA", "BC"), ("bc-pipa", "pipeda"), id="british-columbia-pipa-then-pipeda"),
]


@pytest.mark.parametrize(("place", "expected"), ROUTES)
def test_people_are_routed_to_their_new_law(place, expected):
    assert applicable_regimes(*place) == expected
    for code in expected:
        assert get_regime(code).authorities


@pytest.mark.parametrize(
    ("regime", "right", "received", "due"),
    [
        # KVKK Art. 13(2): 30 days.
        pytest.param("tr-kvkk", "access", D(2026, 3, 2), D(2026, 4, 1), id="KVKK-13-30-days"),
        # Alberta PIPA: 45 days (Service Alberta / OIPC guide).
        pytest.param("ab-pipa", "access", D(2026, 3, 2), D(2026, 4, 16), id="AB-PIPA-45-days"),
        # BC PIPA s.29 + s.1: 30 days without Saturdays, Sundays or holidays (Good Friday,
        # Easter Monday are BC holidays? only Good Friday is a BC statutory holiday).
        pytest.param("bc-pipa", "access", D(2026, 3, 2), D(2026, 4, 14), id="BC-PIPA-29-30-days"),
        # Argentina art. 16.2: 5 business days; Mon 23 (bridge) and Tue 24 Mar 2026 are holidays.
        pytest.param(
            "ar-pdp", "delete", D(2026, 3, 19), D(2026, 3, 30), id="AR-16.2-5-dias-habiles"
        ),
        # NZ s.44: 20 working days; Good Friday and Easter Monday skipped.
        pytest.param(
            "nz-privacy", "access", D(2026, 3, 25), D(2026, 4, 24), id="NZ-s44-20-working-days"
        ),
    ],
)
def test_new_laws_count_their_periods(regime, right, received, due):
    assert compute_deadline(regime, right, received).due_on == due


@pytest.mark.parametrize(
    ("regime", "right", "days"),
    [
        pytest.param("appi", "access", 14, id="APPI-33-without-delay"),
        pytest.param("kr-pipa", "access", 10, id="PIPA-35-decree-period-unconfirmed"),
        pytest.param("za-popia", "access", 30, id="POPIA-23-reasonable-time"),
        pytest.param("mx-lfpdppp", "access", 20, id="LFPDPPP-2025-periods-unconfirmed"),
        pytest.param("ar-pdp", "access", 10, id="AR-14-unconfirmed"),
    ],
)
def test_an_unconfirmed_period_gives_only_a_courtesy_date_with_a_note(regime, right, days):
    deadline = compute_deadline(regime, right, D(2026, 3, 2))
    assert deadline.due_on is None
    assert deadline.overdue_after is None
    assert (deadline.courtesy_reply_by - D(2026, 3, 2)).days == days
    assert any("not confirmed" in note for note in deadline.notes)


def test_indias_rights_apply_only_from_the_dpdp_rules_commencement():
    with pytest.raises(RightNotGranted, match="13 May 2027"):
        compute_deadline("in-dpdp", "access", D(2026, 3, 2))
    assert compute_deadline("in-dpdp", "access", D(2027, 5, 13)).courtesy_reply_by == D(2027, 6, 12)


def test_singapore_lets_the_organisation_name_a_later_date():
    deadline = compute_deadline("sg-pdpa", "access", D(2026, 3, 2), extended=True)
    assert deadline.due_on == D(2026, 4, 1)
    assert deadline.extended_due_on is None
    assert deadline.overdue_after is None


# --- The command --------------------------------------------------------------------------------


def test_the_command_lists_the_new_regimes_and_rights_and_takes_the_new_inputs():
    from apps.deadlines.management.commands.deadline import Command

    help_text = Command().help
    for name in ("appi", "bc-pipa", "mx-lfpdppp", "limit-sensitive", "opt-out-profiling"):
        assert name in help_text
    out = StringIO()
    call_command(
        "deadline",
        "uk-gdpr",
        "2026-04-02",
        "--channel",
        "post",
        "--company-region",
        "SCT",
        stdout=out,
    )
    data = json.loads(out.getvalue())
    # Easter Monday is no bank holiday in Scotland: Good Friday only, so Tue 7 Apr.
    assert data["received_on"] == "2026-04-07"
    assert data["receipt"]["channel"] == "post"
    assert data["company_region"] == "SCT"
