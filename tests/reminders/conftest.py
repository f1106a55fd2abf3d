"""Requests in the states reminders care about, and a clock to move through their dates.

Alice lives in Dublin and writes dates "23 Nov 2026". Her GDPR request to ChatGPT was sent on
Monday 2 March 2026: due Thursday 2 April 2026 (also its latest plausible reading), so she is
reminded on 26 March (7 days before), 1 April (1 day before), 2 April (due) and 3 April
(missed), each at 08:00 Dublin time (UTC until 29 March, then UTC+1).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from apps.reminders.services import sweep_reminders
from apps.tracker.services import request_record_event
from tests.letters.factories import saved_request

DUBLIN = ZoneInfo("Europe/Dublin")
SENT_ON = date(2026, 3, 2)
DUE_ON = date(2026, 4, 2)


def at(day: date, hour: int = 8, minute: int = 0, zone: ZoneInfo = DUBLIN) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def record(request, kind, on, today=None):
    return request_record_event(request=request, kind=kind, on=on, today=today or on)


def sent_request(user, *, on: date = SENT_ON, **letter):
    """A request saved and marked sent on ``on`` (GDPR to ChatGPT unless told otherwise)."""
    request = saved_request(user, **letter)
    record(request, "sent", on)
    return request


def ccpa_request(user, *, on: date = date(2026, 11, 2)):
    """A CCPA deletion request sent Monday 2 Nov 2026: acknowledge by Tue 17 Nov, due 17 Dec."""
    return sent_request(user, on=on, country="US", region="CA", rights=("delete",))


@pytest.fixture
def person(alice):
    profile = alice.profile
    profile.time_zone = "Europe/Dublin"
    profile.save()
    return alice


@pytest.fixture
def clock():
    """A stopped clock; ``clock.move_to(at(day))`` moves it."""
    with time_machine.travel(datetime(2026, 3, 2, 12, 0, tzinfo=UTC), tick=False) as traveller:
        yield traveller


@pytest.fixture
def sweep_at(clock):
    """Move the clock to ``moment`` and run the reminders' sweep there."""

    def run(moment: datetime):
        clock.move_to(moment)
        return sweep_reminders()

    return run
