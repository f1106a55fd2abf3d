"""The profile other apps read (DEVELOPERS.md, "Profile"): its rules, without pages."""

from __future__ import annotations

import string
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, strategies as st

from apps.accounts.dates import DATE_FORMAT_CHOICES, format_date
from apps.accounts.models import Profile
from apps.accounts.preferences import (
    normalise_reminder_days,
    time_zone_choices,
    time_zone_names,
    validate_reminder_days,
    validate_time_zone,
)
from tests.conftest import make_user


@pytest.mark.django_db
def test_every_new_account_has_a_profile_with_the_documented_defaults():
    profile = make_user("erin@example.org").profile
    assert (profile.full_name, profile.postal_address, profile.country, profile.region) == (
        "",
        "",
        "",
        "",
    )
    assert profile.time_zone == "UTC"
    assert profile.date_format == "d-mon-y"
    assert profile.reminders_enabled is True
    assert profile.reminder_days_before == [7, 1]
    assert len(profile.calendar_token) == 43


@pytest.mark.parametrize(
    ("style", "day", "expected"),
    [
        ("d-mon-y", date(2026, 11, 23), "23 Nov 2026"),
        ("mon-d-y", date(2026, 11, 23), "Nov 23, 2026"),
        ("iso", date(2026, 11, 23), "2026-11-23"),
        ("d-month-y", date(2026, 11, 23), "23 November 2026"),
        ("d-mon-y", date(2027, 1, 5), "5 Jan 2027"),
        ("mon-d-y", date(2027, 9, 1), "Sep 1, 2027"),
        ("iso", date(2027, 2, 3), "2027-02-03"),
        ("d-month-y", date(2028, 2, 29), "29 February 2028"),
        ("no-longer-offered", date(2026, 11, 23), "23 Nov 2026"),
    ],
)
def test_dates_are_written_the_persons_way(style, day, expected):
    assert format_date(day, style) == expected


def test_the_choices_show_an_example_of_each_format():
    assert [label for _value, label in DATE_FORMAT_CHOICES] == [
        format_date(date(2026, 11, 23), value) for value, _label in DATE_FORMAT_CHOICES
    ]


def test_the_profile_formats_a_date_with_its_own_choice():
    assert Profile(date_format="mon-d-y").format_date(date(2026, 3, 4)) == "Mar 4, 2026"


@pytest.mark.parametrize("days", [[], [0], [7, 1], [60, 30, 14, 7, 3, 1, 0], [1, 7]], ids=repr)
def test_reminder_days_accept_distinct_whole_days_from_0_to_60(days):
    validate_reminder_days(days)


@pytest.mark.parametrize(
    ("days", "message"),
    [
        ([61], "0 to 60 days"),
        ([-1], "0 to 60 days"),
        ([7, 7], "listed more than once"),
        (["7"], "whole numbers"),
        ([1.5], "whole numbers"),
        ([True], "whole numbers"),
        ("7, 1", "whole numbers"),
        (list(range(11)), "At most 10"),
    ],
    ids=repr,
)
def test_reminder_days_refuse_anything_else(days, message):
    with pytest.raises(ValidationError, match=message):
        validate_reminder_days(days)


@given(st.lists(st.integers(min_value=0, max_value=60), unique=True, max_size=10))
def test_normalised_reminder_days_are_valid_and_run_furthest_first(days):
    normalised = normalise_reminder_days(days)
    validate_reminder_days(normalised)
    assert sorted(normalised) == sorted(days)
    assert normalised == sorted(days, reverse=True)


def test_time_zones_are_iana_names_with_utc_first():
    assert time_zone_choices()[0] == ("UTC", "UTC")
    assert {"Europe/Dublin", "America/Los_Angeles", "Asia/Kolkata"} <= time_zone_names()
    assert ("America/Los_Angeles", "America/Los Angeles") in time_zone_choices()
    validate_time_zone("Europe/Dublin")
    for nonsense in ["Mars/Olympus", "EST5EDT", "", "europe/dublin"]:
        with pytest.raises(ValidationError):
            validate_time_zone(nonsense)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("country", "region", "ok"),
    [
        ("US", "CA", True),
        ("CA", "QC", True),
        ("US", "", True),
        ("IE", "", True),
        ("", "", True),
        ("IE", "CA", False),
        ("US", "QC", False),
        ("CA", "TX", False),
        ("", "CA", False),
    ],
)
def test_a_region_is_only_for_us_states_and_canadian_provinces(country, region, ok):
    profile = make_user(f"r{country}{region}@example.org").profile
    profile.country, profile.region = country, region
    if ok:
        profile.full_clean()
    else:
        with pytest.raises(ValidationError) as caught:
            profile.full_clean()
        assert "region" in caught.value.message_dict


@pytest.mark.django_db
def test_rotating_the_calendar_token_replaces_it_with_a_new_url_safe_secret():
    profile = make_user("frank@example.org").profile
    old = profile.calendar_token
    new = profile.rotate_calendar_token()
    profile.refresh_from_db()
    assert profile.calendar_token == new != old
    assert len(new) == 43
    assert set(new) <= set(string.ascii_letters + string.digits + "-_")
    assert not Profile.objects.filter(calendar_token=old).exists()
