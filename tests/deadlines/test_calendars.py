"""The holiday calendars the rules count with, checked against laws.md's lists."""

from __future__ import annotations

from datetime import date

import pytest

from apps.deadlines.calendars import (
    CALIFORNIA_6700,
    CALIFORNIA_REPORTED,
    IRELAND_SUBSTITUTES,
    SUNDAY_ONLY,
    Calendar,
    calendar_of,
    fmt,
    library_source,
)
from apps.deadlines.counting import add_business_days, roll_forward, rolled_steps

# Gov. Code §6700 as laws.md §3.3 lists it, in 2026.
CALIFORNIA_2026 = {
    date(2026, 1, 1): "New Year's Day",
    date(2026, 1, 19): "Martin Luther King Jr. Day",
    date(2026, 2, 12): "Lincoln Day",
    date(2026, 2, 16): "Presidents' Day",
    date(2026, 3, 31): "Cesar Chavez Day",
    date(2026, 5, 25): "Memorial Day",
    date(2026, 7, 4): "Independence Day",
    date(2026, 9, 7): "Labor Day",
    date(2026, 9, 9): "Admission Day",
    date(2026, 9, 25): "Native American Day",
    date(2026, 10, 12): "Columbus Day",
    date(2026, 11, 11): "Veterans Day",
    date(2026, 11, 26): "Thanksgiving Day",
    date(2026, 12, 25): "Christmas Day",
}


@pytest.mark.parametrize(("day", "name"), CALIFORNIA_2026.items(), ids=lambda v: str(v))
def test_it_keeps_every_holiday_gov_code_6700_lists(day, name):
    assert CALIFORNIA_6700.days(2026)[day].startswith(name)


def test_it_keeps_no_other_california_holiday_in_2026():
    assert set(CALIFORNIA_6700.days(2026)) == set(CALIFORNIA_2026)


def test_it_counts_good_friday_and_the_day_after_thanksgiving_as_business_days():
    # Good Friday's holiday is noon to 3 pm only; the Friday after Thanksgiving is not in §6700.
    days = CALIFORNIA_6700.days(2026)
    assert date(2026, 4, 3) not in days
    assert date(2026, 11, 27) not in days


def test_it_moves_a_sunday_california_holiday_to_monday():
    days = CALIFORNIA_6700.days(2029)  # 9 Sep 2029 is a Sunday
    assert date(2029, 9, 10) in days
    assert "observed" in days[date(2029, 9, 10)]


def test_it_adds_the_reported_california_holidays_only_to_the_latest_reading():
    reported = CALIFORNIA_REPORTED.days(2026)
    assert date(2026, 2, 17) in reported  # Lunar New Year 2026
    assert date(2026, 4, 24) in reported  # Genocide Remembrance Day
    assert date(2026, 11, 27) in reported  # the package's Day After Thanksgiving
    assert CALIFORNIA_REPORTED.unverified


def test_it_keeps_uk_substitute_bank_holidays():
    england = calendar_of(library_source("GB", "ENG"))
    assert england.holiday(date(2026, 12, 28)) == "Boxing Day (observed) (England and Wales)"
    # Scotland's St Andrew's Day is not an English bank holiday…
    assert england.holiday(date(2026, 11, 30)) is None
    # …but the latest plausible reading counts every UK nation.
    uk = calendar_of(library_source("GB", every_region=True))
    assert "Scotland" in (uk.holiday(date(2026, 11, 30)) or "")


def test_it_marks_the_irish_monday_after_a_weekend_holiday_as_only_possible():
    assert library_source("IE").days(2026).get(date(2026, 12, 28)) is None
    substitute = IRELAND_SUBSTITUTES.days(2026)[date(2026, 12, 28)]
    assert "UNVERIFIED" in substitute
    # 2027: Christmas on a Saturday and St Stephen's Day on a Sunday → Mon 27 and Tue 28 Dec.
    assert {date(2027, 12, 27), date(2027, 12, 28)} <= set(IRELAND_SUBSTITUTES.days(2027))


def test_it_rolls_over_a_weekend_and_its_holidays():
    ireland = calendar_of(library_source("IE"))
    assert roll_forward(date(2026, 4, 5), ireland) == (
        date(2026, 4, 7),
        [date(2026, 4, 5), date(2026, 4, 6)],
    )
    assert roll_forward(date(2026, 4, 7), ireland) == (date(2026, 4, 7), [])


def test_a_sunday_only_calendar_lets_a_period_end_on_saturday():
    canada = Calendar((library_source("CA"),), SUNDAY_ONLY)
    assert not canada.is_closed(date(2026, 3, 7))
    assert canada.is_closed(date(2026, 3, 8))
    assert canada.is_closed(date(2026, 7, 1))  # Canada Day


def test_it_counts_business_days_from_the_day_after_receipt():
    weekends_only = Calendar(())
    assert add_business_days(date(2026, 3, 6), 1, weekends_only).day == date(2026, 3, 9)
    assert add_business_days(date(2026, 3, 7), 1, weekends_only).day == date(2026, 3, 9)


def test_it_writes_dates_the_same_way_in_every_locale():
    assert fmt(date(2026, 1, 31)) == "Sat 31 Jan 2026"


def test_it_labels_calendars_for_people():
    assert calendar_of(library_source("IE"), IRELAND_SUBSTITUTES).label == (
        "Saturdays, Sundays and public holidays in Ireland, plus possible Irish substitute days "
        "(UNVERIFIED)"
    )


def test_it_says_what_a_sunday_only_calendar_allows():
    canada = Calendar((library_source("CA"),), SUNDAY_ONLY)
    assert rolled_steps(date(2026, 3, 7), "", canada).steps == (
        "Sat 7 Mar 2026, not a Sunday or holiday",
    )
    assert rolled_steps(date(2026, 3, 8), "", canada).steps[-1] == (
        "next non-holiday Mon 9 Mar 2026"
    )
