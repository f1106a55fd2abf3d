"""How long to wait after a follow-up before complaining to the regulator. Plain Python.

Regulators expect a person to have gone back to the organisation before complaining (the ICO,
the DPC, the CNIL: reference/laws.md §2.6, §8). After that follow-up, the tracker suggests
escalating only once the organisation has had the time the regulator's own guidance gives it,
and says where that time comes from. Where no regulator we checked states one, the wait is a
courtesy period of ours, and it is labelled as such (never presented as the law's).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from apps.deadlines.counting import add_months


@dataclass(frozen=True)
class Wait:
    """The time an organisation is given to answer a follow-up, and its source."""

    months: int = 0
    days: int = 0
    # One sentence a person reads next to the date, and the page it comes from ("" for ours).
    explanation: str = ""
    source_url: str = ""
    source_title: str = ""

    @property
    def sourced(self) -> bool:
        return bool(self.source_url)

    def after(self, follow_up_on: date) -> date:
        """The first day escalating is suggested, for a follow-up sent on ``follow_up_on``."""
        end = add_months(follow_up_on, self.months)[0] if self.months else follow_up_on
        return end + timedelta(days=self.days)


ICO_TEMPLATE = (
    "https://ico.org.uk/for-the-public/your-right-to-get-copies-of-your-data/"
    "what-to-do-if-the-organisation-does-not-respond-or-you-are-dissatisfied-with-the-outcome/"
)

# The ICO's template for complaining to the organisation asks for "a full response within one
# calendar month" before the person reports the complaint to the ICO (laws.md §2.6).
UK_WAIT = Wait(
    months=1,
    explanation=(
        "The ICO's own template for complaining to an organisation gives it one calendar month "
        "to send a full response before you report the complaint to the ICO."
    ),
    source_url=ICO_TEMPLATE,
    source_title="The ICO: what to do if the organisation does not respond",
)

# The DPC and the CNIL ask people to contact the organisation first, but set no period after
# that contact; nor did we find one for the other regimes' authorities (laws.md §8, §3.6).
COURTESY_DAYS = 14
COURTESY_WAIT = Wait(
    days=COURTESY_DAYS,
    explanation=(
        f"No regulator we checked sets a time to wait after a follow-up. We suggest giving the "
        f"company {COURTESY_DAYS} days: a courtesy period of ours, not a legal deadline."
    ),
)

WAITS: dict[str, Wait] = {"uk-gdpr": UK_WAIT}


def wait_after_follow_up(regime: str) -> Wait:
    return WAITS.get(regime, COURTESY_WAIT)
