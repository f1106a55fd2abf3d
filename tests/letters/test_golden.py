"""Every (regime × right) letter the reference names, pinned word for word.

One golden text per combination in ``tests/letters/golden/`` (the file name is the test id).
Each letter must also cite the provisions laws.md gives for that right under that regime, state
the deadline as a date counted from receipt, ask for written confirmation and, for a training
opt-out, ask about data already used and models already trained. After a deliberate wording
change, rewrite the goldens with ``UPDATE_GOLDEN=1 bin/test tests/letters/test_golden.py`` and
read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from apps.deadlines import REGIMES, RIGHTS
from apps.letters import weekday_date
from tests.letters.factories import TODAY, letter

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

# Where a person covered by each regime lives.
PLACES = {
    "gdpr": ("IE", ""),
    "uk-gdpr": ("GB", ""),
    "ccpa": ("US", "CA"),
    "pipeda": ("CA", "ON"),
    "quebec": ("CA", "QC"),
    "lgpd": ("BR", ""),
    "fadp": ("CH", ""),
    "au-privacy": ("AU", ""),
    "none": ("CN", ""),
    **{code: ("US", regime.region) for code, regime in REGIMES.items() if code.startswith("us-")},
}

GDPR = {
    "object": ["Art. 21(1) {p}", "Art. 7(3) {p}", "Art. 12(3)", "Art. 12(4) {p}"],
    "delete": ["Art. 17 {p}", "Art. 17(1)(b)", "Art. 17(1)(c)", "Art. 17(3)", "Art. 19 {p}"],
    "access": ["Art. 15 {p}", "Art. 15(1)(g)", "Art. 15(1)(h)", "Art. 15(3)", "Art. 12(5) {p}"],
    "opt-out-sale": ["no separate right to opt out of sale", "Art. 21(1) {p}", "Art. 7(3)"],
    "correct": ["Art. 16 {p}", "Art. 19 {p}"],
}
# What each letter must cite, per regime family and right (laws.md §§1–7).
CITATIONS = {
    "gdpr": {r: [c.format(p="GDPR") for c in cs] for r, cs in GDPR.items()},
    "uk-gdpr": {
        r: [c.format(p="UK GDPR") for c in cs] + ["Art. 12A UK GDPR"] for r, cs in GDPR.items()
    },
    "ccpa": {
        "object": ["no general right to object", "§1798.105", "§1798.120", "11 CCR §7026(f)(1)"],
        "delete": ["§1798.105", "§1798.105(d)", "§1798.130(a)(2)(A)", "11 CCR §7021"],
        "access": ["§§1798.100, 1798.110 and 1798.115", "11 CCR §7021"],
        "opt-out-sale": ["§1798.120", "11 CCR §7026(f)(1)"],
        "correct": ["§1798.106", "11 CCR §7021"],
    },
    "pipeda": {
        "object": ["clause 4.3.8 of Schedule 1", "sets no period"],
        "delete": ["no general right to erasure", "clause 4.3.8"],
        "access": ["s.8(1)", "clause 4.9", "s.8(3)", "s.8(4)", "s.8(5)"],
        "opt-out-sale": ["no opt-out of sale", "clause 4.3.8"],
        "correct": ["clause 4.9.5", "s.8(3)"],
    },
    "quebec": {
        "object": ["no general right to object", "section 28", "Section 32"],
        "delete": ["section 28", "Section 32"],
        "access": ["section 27", "Section 32"],
        "opt-out-sale": ["not relying on a privacy law", "within 30 days"],
        "correct": ["section 28", "Section 32"],
    },
    "lgpd": {
        "object": ["Art. 18 §2", "Art. 18(IX)", "Art. 18 §§3–5"],
        "delete": ["Art. 18(IV)", "(VI)", "Art. 18 §§3–5"],
        "access": ["Art. 18(II)", "Art. 19(II)"],
        "opt-out-sale": ["no separate opt-out of sale", "Art. 18 §2", "Art. 18(IX)"],
        "correct": ["Art. 18(III)", "Art. 18 §§3–5"],
    },
    "fadp": {
        "object": ["Art. 32 FADP", "sets no period"],
        "delete": ["Art. 32 FADP", "sets no period"],
        "access": ["Art. 25 FADP", "Art. 25(7)", "Art. 25(6)"],
        "opt-out-sale": ["no opt-out of sale", "Art. 32 FADP"],
        "correct": ["Art. 32 FADP", "sets no period"],
    },
    "au-privacy": {
        "object": ["no general right to object", "your own policy"],
        "delete": ["no general right to erasure", "APP 11.2"],
        "access": ["APP 12", "APP 12.4(a)"],
        "opt-out-sale": ["no opt-out of sale", "your own policy"],
        "correct": ["APP 13", "sets no period"],
    },
    "none": {right: ["not relying on a privacy law", "within 30 days"] for right in RIGHTS[:5]},
}


def state_citations(code: str, right: str) -> list[str]:
    regime = REGIMES[code]
    citation = regime.rights["access"].citation
    cited = [] if "not in our reference" in citation else [citation]
    law = regime.title
    by_right = {
        "object": [
            "opt-outs rather than a general right to object",
            "delete",
            "targeted advertising",
        ],
        "delete": ["request to delete"],
        "access": ["give me a copy"],
        "opt-out-sale": ["opt out of the sale", "targeted advertising"],
        "correct": ["request to correct"],
    }
    appeal = ["how I can appeal"] if regime.appeal else ["tell me why"]
    return [law.split(" (")[0].removeprefix("the "), *cited, *by_right[right], *appeal]


def expected_citations(code: str, right: str) -> list[str]:
    if code.startswith("us-") and right == "correct" and not REGIMES[code].grants(right, TODAY):
        # Iowa Code §715D.3 gives no right to correct, Utah's starts on 1 July 2026 (HB 418):
        # the letter claims no such right and asks only as a courtesy (issue 15).
        return CITATIONS["none"][right]
    if code.startswith("us-"):
        return state_citations(code, right)
    return CITATIONS[code][right]


# The regimes and rights these letters word today; issue 15's new rights and laws (the deadline
# engine has them) get their goldens when the letters are written for them.
LETTER_RIGHTS = RIGHTS[:5]
LETTER_REGIMES = [code for code in REGIMES if code in PLACES]
COMBINATIONS = [
    pytest.param(code, right, id=f"{code}-{right}")
    for code in LETTER_REGIMES
    for right in LETTER_RIGHTS
]


def the_letter(code: str, right: str):
    country, region = PLACES[code]
    extra = {"correction": "My birth year is 1990, not 1909."} if right == "correct" else {}
    return letter(
        rights=(right,),
        country=country,
        region=region,
        regimes=(code,),
        company_country="IE" if code == "gdpr" else None,
        **extra,
    )


@pytest.mark.parametrize(("code", "right"), COMBINATIONS)
def test_it_writes_the_letter_for_each_regime_and_right_word_for_word(code, right):
    made = the_letter(code, right)
    path = GOLDEN / f"{code}-{right}.txt"
    if UPDATE or not path.exists():
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(made.text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"no golden text yet: wrote {path.name}; read it, then run again")
    assert made.text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("code", "right"), COMBINATIONS)
def test_each_letter_cites_the_provisions_and_states_the_deadline_as_a_date(code, right):
    made = the_letter(code, right)
    body = made.body
    for citation in expected_citations(code, right):
        assert citation in body, f"{code}/{right} does not cite {citation!r}"
    plan = made.extra["plan"]
    dates = [d.due_on or d.courtesy_reply_by for d in plan.governing]
    assert dates
    assert all(weekday_date(day) in body for day in dates)
    assert "confirm in writing" in body
    assert TODAY.strftime("%-d January %Y") in body  # the date the deadlines count from
    if plan.statutory:
        assert "Counted from the day you receive this request" in body
    if right == "object":
        assert "already been used for training will be removed" in body
        assert "AI models already trained on my data" in body
    assert body.endswith("Jane Doe\n")


def test_no_letter_prints_what_the_reference_could_not_find():
    for code in LETTER_REGIMES:
        for right in LETTER_RIGHTS:
            assert "not in our reference" not in the_letter(code, right).body
