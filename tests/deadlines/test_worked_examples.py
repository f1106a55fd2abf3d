"""Every worked example in laws.md §10 (E1–E9, U1–U7, C1–C7, S1–S4, K1, B1, CH1), and the examples
given elsewhere in its text (EDPB Ex. 32/33, Toeters, the ICO's), reproduced by the engine.

Each row's id names the example. Where laws.md marks the example's date UNVERIFIED, the row
checks that the uncertainty is visible (a later ``overdue_after``, a note) as well as the date.
"""

from __future__ import annotations

from datetime import date

import pytest

from apps.deadlines import Pause, compute_appeal_deadline, compute_deadline
from apps.deadlines.calendars import Calendar
from apps.deadlines.counting import add_business_days, add_months

D = date


# --- §10.1 EU GDPR ------------------------------------------------------------------------------

EU = [
    # id, received, country, due_on
    pytest.param(D(2026, 3, 5), "IE", D(2026, 4, 7), id="E1-easter-sunday-then-easter-monday"),
    pytest.param(D(2026, 8, 31), "IE", D(2026, 9, 30), id="E2-EDPB-ex33-no-31-september"),
    pytest.param(D(2026, 1, 31), "IE", D(2026, 3, 2), id="E3-clamp-to-28-feb-a-saturday"),
    pytest.param(D(2028, 1, 31), "IE", D(2028, 2, 29), id="E4-leap-year-clamp"),
    pytest.param(D(2028, 2, 29), "IE", D(2028, 3, 29), id="E5-29-february-to-29-march"),
    pytest.param(D(2027, 1, 30), "IE", D(2027, 3, 1), id="E6-clamp-to-a-sunday-then-roll"),
    pytest.param(D(2026, 11, 25), "FR", D(2026, 12, 28), id="E8-christmas-france"),
    pytest.param(D(2026, 11, 25), "DE", D(2026, 12, 28), id="E8-christmas-germany"),
]


@pytest.mark.parametrize(("received", "country", "due"), EU)
def test_it_counts_gdpr_months_as_laws_md_10_1_does(received, country, due):
    deadline = compute_deadline("gdpr", "access", received, country=country)
    assert deadline.due_on == due
    assert deadline.overdue_after == due
    assert deadline.extension_notice_by == due


def test_it_explains_e3_in_one_line_exactly_as_the_issue_shows():
    deadline = compute_deadline("gdpr", "access", D(2026, 1, 31), country="IE")
    assert deadline.explanation == (
        "Received Sat 31 Jan 2026 → one month → 28 Feb 2026 (no 31 Feb) → a Saturday → "
        "next working day Mon 2 Mar 2026. GDPR Art. 12(3); Reg. 1182/71 Art. 3."
    )


def test_it_names_easter_monday_when_it_rolls_e1():
    deadline = compute_deadline("gdpr", "access", D(2026, 3, 5), country="IE")
    assert "a Sunday" in deadline.explanation
    assert "Easter Monday" in deadline.explanation
    assert deadline.explanation_steps[-1] == "next working day Tue 7 Apr 2026"


def test_it_extends_gdpr_to_three_months_from_receipt_e7():
    deadline = compute_deadline("gdpr", "access", D(2026, 1, 31), country="IE", extended=True)
    assert deadline.extension_notice_by == D(2026, 3, 2)
    assert deadline.extended_due_on == D(2026, 4, 30)
    # The EU method is UNVERIFIED: chaining two months onto the rolled 2 Mar gives Sat 2 May →
    # Mon 4 May (Irish bank holiday) → Tue 5 May, so nothing is overdue before then.
    assert deadline.overdue_after == D(2026, 5, 5)
    assert "Tue 5 May 2026" in deadline.overdue_explanation
    assert any("E7" in note and "UNVERIFIED" in note for note in deadline.notes)


def test_it_keeps_the_irish_28_december_doubt_visible_e8():
    deadline = compute_deadline("gdpr", "access", D(2026, 11, 25), country="IE")
    # The holidays package does not list Mon 28 Dec 2026 for Ireland: the stated rule gives it…
    assert deadline.due_on == D(2026, 12, 28)
    # …but whether it is a holiday is UNVERIFIED, so it is not called overdue before Tue 29 Dec.
    assert deadline.overdue_after == D(2026, 12, 29)
    assert "UNVERIFIED" in deadline.overdue_explanation
    assert deadline.unverified


def test_it_adds_the_edpb_suspension_for_an_id_check_e9():
    deadline = compute_deadline(
        "gdpr",
        "access",
        D(2026, 3, 2),
        country="IE",
        pauses=[Pause("identity", D(2026, 3, 3), D(2026, 3, 10))],
    )
    assert deadline.due_on == D(2026, 4, 9)
    assert "suspended 7 days" in deadline.explanation
    assert any("E9" in note for note in deadline.notes)
    # Restarting the month when the ID arrives is also plausible: 10 Apr.
    assert deadline.overdue_after == D(2026, 4, 10)


# --- §10.2 UK -----------------------------------------------------------------------------------

UK = [
    pytest.param(D(2026, 9, 3), D(2026, 10, 5), id="U1-ICO-3-sep-to-3-oct-a-saturday"),
    pytest.param(D(2027, 1, 31), D(2027, 3, 1), id="U2-last-day-of-following-month"),
    pytest.param(D(2026, 4, 4), D(2026, 5, 5), id="U3-early-may-bank-holiday"),
    pytest.param(D(2026, 11, 25), D(2026, 12, 29), id="U4-substitute-boxing-day"),
]


@pytest.mark.parametrize(("received", "due"), UK)
def test_it_counts_uk_months_the_ico_way(received, due):
    deadline = compute_deadline("uk-gdpr", "access", received)
    assert deadline.due_on == due
    assert deadline.calendar is not None
    assert deadline.calendar.code == "GB-ENG"


def test_it_skips_the_substitute_boxing_day_u4():
    deadline = compute_deadline("uk-gdpr", "delete", D(2026, 11, 25))
    assert "Mon 28 Dec (Boxing Day (observed)" in deadline.explanation


def test_it_extends_uk_to_three_months_from_the_start_u5():
    deadline = compute_deadline("uk-gdpr", "access", D(2026, 11, 30), extended=True)
    assert deadline.due_on == D(2026, 12, 30)
    assert deadline.extension_notice_by == D(2026, 12, 30)
    assert deadline.extended_due_on == D(2027, 3, 1)
    assert "(no 30 Feb)" in deadline.extended_explanation
    assert deadline.overdue_after == D(2027, 3, 1)


def test_it_starts_the_uk_clock_when_the_id_arrives_u6():
    deadline = compute_deadline(
        "uk-gdpr",
        "access",
        D(2026, 3, 10),
        pauses=[Pause("identity", D(2026, 3, 11), D(2026, 3, 16))],
    )
    assert deadline.clock_starts_on == D(2026, 3, 16)
    assert deadline.due_on == D(2026, 4, 16)


def test_it_stops_the_uk_clock_for_clarification_u7():
    deadline = compute_deadline(
        "uk-gdpr",
        "access",
        D(2026, 3, 2),
        pauses=[Pause("clarification", D(2026, 3, 4), D(2026, 3, 11))],
    )
    assert deadline.due_on == D(2026, 4, 10)
    assert "stopped 8 days" in deadline.explanation
    assert any("U7" in note for note in deadline.notes)


def test_it_keeps_the_uk_beginning_with_doubt_visible():
    deadline = compute_deadline("uk-gdpr", "access", D(2026, 9, 3))
    assert any("beginning with" in note for note in deadline.notes)


# --- §10.3 California ---------------------------------------------------------------------------


def test_it_acknowledges_in_10_business_days_skipping_veterans_day_c1():
    deadline = compute_deadline("ccpa", "delete", D(2026, 11, 2))
    assert deadline.acknowledge_by == D(2026, 11, 17)
    assert "Veterans Day" in deadline.acknowledge_explanation
    # Without a holiday calendar it would be one day too early.
    assert add_business_days(D(2026, 11, 2), 10, Calendar(())).day == D(2026, 11, 16)


def test_it_gives_45_days_and_one_45_day_extension_c2():
    deadline = compute_deadline("ccpa", "delete", D(2026, 11, 2), extended=True)
    assert deadline.due_on == D(2026, 12, 17)
    assert deadline.extension_notice_by == D(2026, 12, 17)
    # Sun 31 Jan 2027 rolls to Mon 1 Feb: Code Civ. Proc. §12a extends every period set by a
    # code or regulation (laws.md §7A.2). laws.md §10.3 left the roll UNVERIFIED; issue 15 settles it.
    assert deadline.extended_due_on == D(2027, 2, 1)
    assert deadline.overdue_after == D(2027, 2, 1)
    assert "Code Civ. Proc. §12a" in deadline.roll_rule


OPT_OUTS = [
    # id, received, calendar, due, due without holidays
    pytest.param(D(2026, 11, 18), None, D(2026, 12, 10), D(2026, 12, 9), id="C3-thanksgiving"),
    pytest.param(D(2026, 12, 18), None, D(2027, 1, 12), D(2027, 1, 8), id="C4-christmas-new-year"),
    pytest.param(D(2026, 9, 4), "federal", D(2026, 9, 28), None, id="C7-federal-labor-day"),
    pytest.param(D(2026, 9, 4), "california", D(2026, 9, 30), None, id="C7-california"),
    pytest.param(D(2026, 9, 4), None, D(2026, 9, 30), None, id="C7-both-by-default"),
]


@pytest.mark.parametrize(("received", "calendar", "due", "plain"), OPT_OUTS)
def test_it_counts_15_business_days_for_an_opt_out(received, calendar, due, plain):
    deadline = compute_deadline("ccpa", "opt-out-sale", received, calendar=calendar)
    assert deadline.due_on == due
    assert deadline.acknowledge_by is None  # no acknowledgement step for opt-outs
    assert deadline.extended_due_on is None
    if plain:
        assert add_business_days(received, 15, Calendar(())).day == plain


def test_it_counts_the_friday_after_thanksgiving_but_waits_a_day_before_overdue_c3():
    deadline = compute_deadline("ccpa", "opt-out-sale", D(2026, 11, 18))
    assert deadline.due_on == D(2026, 12, 10)
    # laws.md: counting that Friday as a business day is UNVERIFIED; the package lists it for CA.
    assert deadline.overdue_after == D(2026, 12, 11)
    assert "Day After Thanksgiving" in deadline.overdue_explanation


@pytest.mark.parametrize(
    ("calendar", "ack"),
    [
        pytest.param("federal", D(2026, 4, 10), id="C5-federal"),
        pytest.param("california", D(2026, 4, 13), id="C5-california-cesar-chavez"),
        pytest.param(None, D(2026, 4, 13), id="C5-both-by-default"),
    ],
)
def test_it_shows_why_the_holiday_calendar_matters_c5(calendar, ack):
    deadline = compute_deadline("ccpa", "access", D(2026, 3, 28), calendar=calendar)
    assert deadline.acknowledge_by == ack
    assert deadline.acknowledge_overdue_after == D(2026, 4, 13)
    assert deadline.due_on == D(2026, 5, 12)


def test_it_counts_29_february_in_45_days_c6():
    assert compute_deadline("ccpa", "correct", D(2028, 1, 15)).due_on == D(2028, 2, 29)


# --- §10.4 Other regimes ------------------------------------------------------------------------


def test_it_gives_virginia_45_plus_45_with_the_roll_over_unverified_s1():
    deadline = compute_deadline("us-va", "delete", D(2026, 1, 15))
    assert deadline.due_on == D(2026, 3, 1)
    assert deadline.overdue_after == D(2026, 3, 2)
    # Va. Code §1-210 moves a last day only for court, filing and government-office acts
    # (laws.md §7A.2), so the legal date stays on the Sunday; the latest reading still rolls.
    assert "Does not roll: Va. Code §1-210" in deadline.roll_rule
    extended = compute_deadline("us-va", "delete", D(2026, 1, 15), extended=True)
    assert extended.extended_due_on == D(2026, 4, 15)


def test_it_gives_iowa_90_days_s2():
    deadline = compute_deadline("us-ia", "access", D(2026, 1, 15))
    assert deadline.due_on == D(2026, 4, 15)
    assert (
        deadline.due_on
        == compute_deadline("us-va", "access", D(2026, 1, 15), extended=True).extended_due_on
    )


def test_it_gives_a_colorado_appeal_45_plus_60_days_s3():
    deadline = compute_appeal_deadline("us-co", D(2026, 6, 1))
    assert deadline.kind == "appeal"
    assert deadline.due_on == D(2026, 7, 16)
    extended = compute_appeal_deadline("us-co", D(2026, 6, 1), extended=True)
    assert extended.extended_due_on == D(2026, 9, 14)
    assert extended.unverified


@pytest.mark.parametrize("regime", ["us-va", "us-ct", "us-tx"], ids=lambda r: f"S4-{r}")
def test_it_gives_a_60_day_appeal_s4(regime):
    assert compute_appeal_deadline(regime, D(2026, 4, 3)).due_on == D(2026, 6, 2)


def test_it_gives_pipeda_30_plus_30_days_k1():
    deadline = compute_deadline("pipeda", "access", D(2026, 3, 2), extended=True)
    assert deadline.due_on == D(2026, 4, 1)
    assert deadline.extension_notice_by == D(2026, 4, 1)
    assert deadline.extended_due_on == D(2026, 5, 1)


def test_it_gives_lgpd_15_days_b1():
    deadline = compute_deadline("lgpd", "access", D(2026, 11, 16))
    assert deadline.due_on == D(2026, 12, 1)
    assert deadline.extended_due_on is None


def test_it_gives_switzerland_30_days_in_general_ch1():
    deadline = compute_deadline("fadp", "access", D(2026, 12, 1))
    assert deadline.due_on == D(2026, 12, 31)
    # Geneva keeps 31 Dec (Restoration Day) and most cantons 2 Jan: the latest reading is Mon 4 Jan.
    assert deadline.overdue_after == D(2027, 1, 4)


# --- Examples elsewhere in laws.md --------------------------------------------------------------

MONTHS = [
    pytest.param(D(2026, 3, 5), D(2026, 4, 5), id="EDPB-ex32-5-march-to-5-april"),
    pytest.param(D(2026, 8, 31), D(2026, 9, 30), id="EDPB-ex33-31-august-to-30-september"),
    pytest.param(D(2026, 8, 1), D(2026, 9, 1), id="Toeters-1-august-to-1-september"),
    pytest.param(D(2026, 9, 3), D(2026, 10, 3), id="ICO-SME-3-september-to-3-october"),
    pytest.param(D(2027, 1, 31), D(2027, 2, 28), id="ICO-31-january-to-28-february"),
    pytest.param(D(2028, 1, 31), D(2028, 2, 29), id="ICO-31-january-to-29-february-leap"),
    pytest.param(D(2026, 3, 31), D(2026, 4, 30), id="brief-31-march-to-30-april"),
]


@pytest.mark.parametrize(("start", "end"), MONTHS)
def test_it_adds_a_month_the_corresponding_date_way(start, end):
    assert add_months(start, 1)[0] == end


def test_it_never_overflows_31_january_into_march():
    # laws.md §11.3: a naive "+1 month" lands on 3 March.
    assert add_months(D(2026, 1, 31), 1) == (D(2026, 2, 28), "(no 31 Feb)")


@pytest.mark.parametrize(
    ("received", "due"),
    [
        pytest.param(D(2026, 4, 1), D(2026, 5, 1), id="ICO-1-april-1-may-a-working-day"),
        pytest.param(
            D(2027, 4, 1), D(2027, 5, 4), id="ICO-1-april-1-may-a-saturday-then-bank-holiday"
        ),
    ],
)
def test_it_follows_the_ico_1_april_example(received, due):
    assert compute_deadline("uk-gdpr", "access", received).due_on == due


def test_it_caps_a_complex_gdpr_request_at_three_months_like_the_cnil():
    # CNIL: "1 mois maximum pour une demande simple, 3 mois maximum pour une demande complexe".
    deadline = compute_deadline("gdpr", "access", D(2026, 6, 15), country="FR", extended=True)
    assert deadline.due_on == D(2026, 7, 15)
    assert deadline.extended_due_on == D(2026, 9, 15)


def test_it_gives_the_ccpa_opt_out_no_acknowledgement_and_know_requests_one():
    assert compute_deadline("ccpa", "opt-out-sale", D(2026, 3, 2)).acknowledge_by is None
    assert compute_deadline("ccpa", "access", D(2026, 3, 2)).acknowledge_by is not None


def test_it_runs_the_ccpa_clock_from_receipt_even_while_verifying():
    deadline = compute_deadline(
        "ccpa",
        "delete",
        D(2026, 11, 2),
        pauses=[Pause("identity", D(2026, 11, 3), D(2026, 11, 20))],
    )
    assert deadline.due_on == D(2026, 12, 17)
    assert "verification is pending" in deadline.explanation
