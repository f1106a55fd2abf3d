"""How each requested right is exercised under each regime: the right itself, a substitute the
regime grants (and why), or the platform's own promises; and the regime whose dates apply."""

from __future__ import annotations

from datetime import date

import pytest

from apps.letters import plan_request
from apps.letters.plan import ground

DAY = date(2026, 1, 31)


@pytest.mark.parametrize(
    ("regime", "right", "basis", "effective"),
    [
        ("gdpr", "object", "granted", ("object",)),
        ("gdpr", "opt-out-sale", "mapped", ("object",)),
        ("uk-gdpr", "opt-out-sale", "mapped", ("object",)),
        ("ccpa", "object", "mapped", ("delete", "opt-out-sale")),
        ("ccpa", "opt-out-sale", "granted", ("opt-out-sale",)),
        ("us-va", "object", "mapped", ("delete", "opt-out-sale")),
        ("us-ia", "delete", "granted", ("delete",)),
        ("pipeda", "delete", "mapped", ("object",)),
        ("pipeda", "opt-out-sale", "mapped", ("object",)),
        ("pipeda", "object", "granted", ("object",)),
        ("quebec", "object", "mapped", ("delete",)),
        ("quebec", "opt-out-sale", "policy", ()),
        ("lgpd", "opt-out-sale", "mapped", ("object",)),
        ("fadp", "opt-out-sale", "mapped", ("object",)),
        ("au-privacy", "delete", "policy", ()),
        ("au-privacy", "object", "policy", ()),
        ("au-privacy", "access", "granted", ("access",)),
        ("none", "object", "policy", ()),
    ],
    ids=lambda value: value if isinstance(value, str) else "-".join(value) or "nothing",
)
def test_each_right_rests_on_the_ground_the_regime_gives(regime, right, basis, effective):
    found = ground(regime, right)
    assert (found.basis, found.effective) == (basis, effective)
    if basis != "granted" and regime != "none":
        assert found.reason  # the app can say why


def test_a_right_granted_by_one_cited_regime_is_not_mapped_under_another():
    plan = plan_request(["object"], ["quebec", "pipeda"], DAY, country="CA", region="QC")
    assert [(g.regime, g.basis) for g in plan.grounds] == [("pipeda", "granted")]
    assert plan.regime == "pipeda"


def test_the_regime_whose_dates_apply_is_the_strongest_with_a_statutory_date():
    # LGPD sets no period for deletion; the GDPR (Irish controller) does.
    plan = plan_request(["delete"], ["lgpd", "gdpr"], DAY, country="BR", company_country="IE")
    assert plan.regime == "gdpr"
    assert plan.due_on == date(2026, 3, 2)
    access = plan_request(["access"], ["lgpd", "gdpr"], DAY, country="BR", company_country="IE")
    assert access.regime == "lgpd"
    # Sun 15 Feb 2026 rolls to Mon 16 Feb: Civil Code art. 132 §1 (laws.md §7A.2, issue 15).
    assert access.due_on == date(2026, 2, 16)


def test_a_ccpa_training_opt_out_carries_both_substitute_deadlines():
    plan = plan_request(["object"], ["ccpa"], DAY, country="US", region="CA")
    dates = {d.right: d.due_on for d in plan.governing}
    assert dates == {"opt-out-sale": date(2026, 2, 24), "delete": date(2026, 3, 17)}
    assert plan.due_on == date(2026, 2, 24)


def test_without_any_law_the_reply_date_is_a_courtesy_thirty_days():
    plan = plan_request(["object", "delete"], ["none"], DAY)
    assert not plan.statutory
    assert plan.due_on is None
    assert plan.reply_by == date(2026, 3, 2)


def test_unknown_or_missing_rights_are_refused():
    with pytest.raises(ValueError, match="rights must be among"):
        plan_request(["everything"], ["gdpr"], DAY, country="IE")
    with pytest.raises(ValueError, match="rights must be among"):
        plan_request([], ["gdpr"], DAY, country="IE")
