"""Holiday calendars the deadline rules count with.

A :class:`Calendar` says which days are not working days: its weekend (Saturday and Sunday, or
Sunday alone under Canada's Interpretation Act) plus the holidays of its sources. Most sources
are the ``holidays`` package's public holidays for a country or a subdivision; three are ours,
because the package does not carry what the reference (``laws.md``) counts with:

- ``US-CA-6700``: California's state holidays as Gov. Code §6700 lists them (2016 text, the list
  laws.md §3.3 and §10 use). The package follows the holidays state offices actually close on,
  which has dropped Lincoln Day (12 Feb), Admission Day (9 Sep), Native American Day and Columbus
  Day and added the day after Thanksgiving, Susan B. Anthony Day and Diwali.
- ``US-CA-REPORTED``: the later additions laws.md reports but could not verify (Lunar New Year,
  Genocide Remembrance Day on 24 April, Juneteenth) plus everything the package lists for
  California. Only the *latest plausible* reading counts these (rule 10).
- ``CA-IA35``: the "holiday" list of Canada's Interpretation Act s.35(1) (laws.md §7A.2), which
  PIPEDA's periods count with: the package's Canada list is not that list (it lacks Easter Monday
  in its public category and adds Boxing Day). ``CA-IA35-PROCLAIMED`` adds Thanksgiving (a day of
  thanksgiving appointed by proclamation, proclamation not seen) for the latest reading only.
- ``NZ-SUMMER``: 25 December to 15 January, reportedly not working days under New Zealand's
  Privacy Act s.7 (UNVERIFIED): only the latest reading counts them.
- ``IE-SUBST``: in Ireland, whether the Monday after a public holiday that falls on a weekend is
  itself a day off (e.g. Mon 28 Dec 2026 after St Stephen's Day on a Saturday) is UNVERIFIED
  (laws.md E8), so only the latest plausible reading treats it as one.

Codes: ``"IE"`` (a country), ``"GB-ENG"`` (a subdivision), ``"DE*"`` (a country and every one of
its subdivisions: used when holidays are set regionally and the region is unknown). A calendar's
``code`` joins its sources with ``+``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import holidays
import pycountry
from dateutil.easter import easter

from apps.core.places import country_name

SATURDAY, SUNDAY = 5, 6
WEEKEND = frozenset({SATURDAY, SUNDAY})
SUNDAY_ONLY = frozenset({SUNDAY})

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
LONG_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Countries whose public holidays are set (partly) by their states, Länder, cantons, provinces or
# nations. When the region is unknown, the latest plausible reading counts all of them. Elsewhere
# the package's subdivisions are municipalities or overseas territories, which we leave out.
REGIONAL_HOLIDAY_COUNTRIES = frozenset({"AU", "BR", "CA", "CH", "DE", "ES", "GB"})

# Categories per country where "public" alone misses days the law counts: Canada's package lists
# only five nationwide public holidays; its "government" category adds the federal statutory ones
# (Victoria Day, Thanksgiving, Remembrance Day, Boxing Day, Truth and Reconciliation…).
CATEGORIES = {"CA": ("public", "government")}


def fmt(day: date) -> str:
    """``Sat 31 Jan 2026``."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def fmt_short(day: date) -> str:
    """``Sat 31 Jan`` (within a sentence that already gave the year)."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"


def fmt_plain(day: date) -> str:
    """``28 Feb 2026`` (before saying which weekday it is)."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def place_name(code: str) -> str:
    """``"GB-ENG"`` → ``"England"``; ``"IE"`` → ``"Ireland"``."""
    if "-" not in code:
        return country_name(code)
    subdivision = pycountry.subdivisions.get(code=code)
    return subdivision.name if subdivision else code


@dataclass(frozen=True)
class HolidaySource:
    """One list of holidays: a country, a subdivision, all of a country's subdivisions, or ours."""

    code: str
    where: str
    unverified: str = ""
    # An add-on to another source's list (named after "plus" in a calendar's label).
    addition: bool = False

    def days(self, year: int) -> Mapping[date, str]:
        return _source_days(self.code, year)


def library_source(country: str, subdiv: str = "", *, every_region: bool = False) -> HolidaySource:
    country = country.upper()
    if every_region:
        if country not in REGIONAL_HOLIDAY_COUNTRIES:
            return library_source(country)
        return HolidaySource(f"{country}*", f"{country_name(country)} or any of its regions")
    if subdiv:
        code = f"{country}-{subdiv.upper()}"
        where = {"GB-ENG": "England and Wales"}.get(code, place_name(code))
        return HolidaySource(code, where)
    return HolidaySource(country, country_name(country))


CALIFORNIA_6700 = HolidaySource("US-CA-6700", "California (Gov. Code §6700)")
CALIFORNIA_REPORTED = HolidaySource(
    "US-CA-REPORTED",
    "California holidays added after 2016 (reported, UNVERIFIED)",
    unverified="California holidays added after the 2016 text of Gov. Code §6700 are UNVERIFIED",
    addition=True,
)
CANADA_IA35 = HolidaySource("CA-IA35", "Canada (Interpretation Act s.35)")
CANADA_PROCLAIMED = HolidaySource(
    "CA-IA35-PROCLAIMED",
    "Thanksgiving as a proclaimed day (UNVERIFIED)",
    unverified="that Thanksgiving is a proclaimed holiday under Interpretation Act s.35 is UNVERIFIED",
    addition=True,
)
NZ_SUMMER = HolidaySource(
    "NZ-SUMMER",
    "25 December to 15 January (UNVERIFIED)",
    unverified="that 25 December to 15 January are not working days (Privacy Act 2020 s.7) is UNVERIFIED",
    addition=True,
)
IRELAND_SUBSTITUTES = HolidaySource(
    "IE-SUBST",
    "possible Irish substitute days (UNVERIFIED)",
    unverified="whether Ireland treats the weekday after a weekend public holiday as a holiday is UNVERIFIED",
    addition=True,
)


@dataclass(frozen=True)
class Calendar:
    """The days a period cannot end on: a weekend plus the holidays of some sources."""

    sources: tuple[HolidaySource, ...]
    weekend: frozenset[int] = WEEKEND
    holiday_word: str = "public holiday"

    @property
    def code(self) -> str:
        code = "+".join(source.code for source in self.sources) or "weekends"
        return code if self.weekend == WEEKEND else f"{code} (Sundays)"

    @property
    def label(self) -> str:
        days = "Saturdays, Sundays" if self.weekend == WEEKEND else "Sundays"
        if not self.sources:
            return days.replace(",", " and")
        wheres = [source.where for source in self.sources if not source.addition]
        additions = [source.where for source in self.sources if source.addition]
        joined = wheres[0] if len(wheres) == 1 else ", ".join(wheres[:-1]) + " and " + wheres[-1]
        plus = "".join(f", plus {addition}" for addition in additions)
        return f"{days} and {self.holiday_word}s in {joined}{plus}"

    @property
    def unverified(self) -> tuple[str, ...]:
        return tuple(source.unverified for source in self.sources if source.unverified)

    @property
    def open_day(self) -> str:
        """What a day the period may end on is called."""
        return "a working day" if self.weekend == WEEKEND else "not a Sunday or holiday"

    @property
    def next_open_day(self) -> str:
        return "next working day" if self.weekend == WEEKEND else "next non-holiday"

    def holiday(self, day: date) -> str | None:
        """The holiday's name with where it is kept, or None."""
        for source in self.sources:
            name = source.days(day.year).get(day)
            if name:
                return name
        return None

    def is_closed(self, day: date) -> bool:
        return day.weekday() in self.weekend or self.holiday(day) is not None

    def why_closed(self, day: date) -> str:
        """``"a Saturday"``, ``"Christmas Day (France)"``, ``"a Saturday (Boxing Day (…))"``."""
        holiday = self.holiday(day)
        weekend = f"a {LONG_DAY_NAMES[day.weekday()]}" if day.weekday() in self.weekend else ""
        if holiday and weekend:
            return f"{weekend} ({holiday})"
        return weekend or f"{holiday}, a {self.holiday_word}"

    def union(self, *others: Calendar) -> Calendar:
        sources = list(self.sources)
        weekend = set(self.weekend)
        for other in others:
            sources += [source for source in other.sources if source not in sources]
            weekend |= other.weekend
        return Calendar(tuple(sources), frozenset(weekend), self.holiday_word)


def calendar_of(*sources: HolidaySource, holiday_word: str = "public holiday") -> Calendar:
    unique: list[HolidaySource] = []
    for source in sources:
        if source not in unique:
            unique.append(source)
    return Calendar(tuple(unique), WEEKEND, holiday_word)


# --- Where the days come from -------------------------------------------------------------------


@cache
def _source_days(code: str, year: int) -> Mapping[date, str]:
    if code == CALIFORNIA_6700.code:
        return _california_6700(year)
    if code == CALIFORNIA_REPORTED.code:
        return _california_reported(year)
    if code == IRELAND_SUBSTITUTES.code:
        return _irish_substitutes(year)
    if code == CANADA_IA35.code:
        return _canada_ia35(year)
    if code == CANADA_PROCLAIMED.code:
        return {_nth_weekday(year, 10, 0, 2): "Thanksgiving (proclaimed, UNVERIFIED)"}
    if code == NZ_SUMMER.code:
        return _nz_summer(year)
    if code.endswith("*"):
        return _every_region(code[:-1], year)
    country, _, subdiv = code.partition("-")
    return _library(country, subdiv, year)


@cache
def _library(country: str, subdiv: str, year: int) -> Mapping[date, str]:
    found = holidays.country_holidays(
        country,
        subdiv=subdiv or None,
        years=year,
        language="en_US",
        categories=CATEGORIES.get(country, ("public",)),
    )
    where = library_source(country, subdiv).where
    return {day: f"{name} ({where})" for day, name in found.items()}


def _every_region(country: str, year: int) -> Mapping[date, str]:
    days = dict(_library(country, "", year))
    regional: dict[date, list[str]] = {}
    names: dict[date, str] = {}
    for subdiv in holidays.list_supported_countries()[country]:
        found = holidays.country_holidays(
            country,
            subdiv=subdiv,
            years=year,
            language="en_US",
            categories=CATEGORIES.get(country, ("public",)),
        )
        for day, name in found.items():
            if day not in days:
                regional.setdefault(day, []).append(place_name(f"{country}-{subdiv}"))
                names.setdefault(day, name)
    for day, wheres in regional.items():
        shown = ", ".join(wheres[:3]) + (" and others" if len(wheres) > 3 else "")
        days[day] = f"{names[day]} (in {shown}, {country_name(country)})"
    return days


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month; n = -1 for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _california_6700(year: int) -> Mapping[date, str]:
    """Gov. Code §6700 as laws.md §3.3 lists it (2016 text).

    Good Friday's holiday runs from noon to 3 pm only, so the day still counts as a business day
    (laws.md counts it). Thanksgiving is a holiday because the President appoints it. A fixed-date
    holiday that falls on a Sunday is kept on the Monday after, as the holidays package does for
    California's own fixed-date holidays.
    """
    monday, thursday, friday = 0, 3, 4
    where = "California, Gov. Code §6700"
    fixed = {
        date(year, 1, 1): "New Year's Day",
        date(year, 2, 12): "Lincoln Day",
        date(year, 3, 31): "Cesar Chavez Day",
        date(year, 7, 4): "Independence Day",
        date(year, 9, 9): "Admission Day",
        date(year, 11, 11): "Veterans Day",
        date(year, 12, 25): "Christmas Day",
    }
    moving = {
        _nth_weekday(year, 1, monday, 3): "Martin Luther King Jr. Day",
        _nth_weekday(year, 2, monday, 3): "Presidents' Day",
        _nth_weekday(year, 5, monday, -1): "Memorial Day",
        _nth_weekday(year, 9, monday, 1): "Labor Day",
        _nth_weekday(year, 9, friday, 4): "Native American Day",
        _nth_weekday(year, 10, monday, 2): "Columbus Day",
        _nth_weekday(year, 11, thursday, 4): "Thanksgiving Day",
    }
    days = {day: f"{name} ({where})" for day, name in {**fixed, **moving}.items()}
    for day, name in fixed.items():
        if day.weekday() == SUNDAY:
            days.setdefault(day + timedelta(days=1), f"{name} (observed) ({where})")
    return days


def _california_reported(year: int) -> Mapping[date, str]:
    where = "California, reported later addition, UNVERIFIED"
    days = dict(_library("US", "CA", year))
    days.setdefault(date(year, 4, 24), f"Genocide Remembrance Day ({where})")
    days.setdefault(date(year, 6, 19), f"Juneteenth ({where})")
    # The package has no public Lunar New Year helper; Singapore keeps the holiday by that name.
    for day, name in holidays.country_holidays("SG", years=year, language="en_US").items():
        if name == "Chinese New Year":
            days.setdefault(day, f"Lunar New Year ({where})")
            break
    return days


def _irish_substitutes(year: int) -> Mapping[date, str]:
    """The first free weekday after each Irish public holiday that falls on a weekend."""
    days: dict[date, str] = {}
    public = {
        **_library("IE", "", year - 1),
        **_library("IE", "", year),
        **_library("IE", "", year + 1),
    }
    for day, name in sorted(public.items()):
        if day.weekday() < SATURDAY:
            continue
        substitute = day + timedelta(days=1)
        while substitute.weekday() >= SATURDAY or substitute in public or substitute in days:
            substitute += timedelta(days=1)
        if substitute.year == year:
            plain = name.removesuffix(" (Ireland)")
            days[substitute] = f"possible substitute day for {plain} (Ireland, UNVERIFIED)"
    return days


def _canada_ia35(year: int) -> Mapping[date, str]:
    """Interpretation Act s.35(1) "holiday", the named days (Sundays are the calendar's weekend).

    Victoria Day is the Monday before 25 May (the day fixed for the Sovereign's birthday); the
    National Day for Truth and Reconciliation (30 September) counts from 3 August 2021
    (S.C. 2021, c. 11). Boxing Day and Saint-Jean-Baptiste Day are not in the federal list.
    """
    where = "Canada, Interpretation Act s.35"
    monday = 0
    good_friday = easter(year) - timedelta(days=2)
    days = {
        date(year, 1, 1): "New Year's Day",
        good_friday: "Good Friday",
        good_friday + timedelta(days=3): "Easter Monday",
        date(year, 5, 25) - timedelta(days=(date(year, 5, 25).weekday() - monday) % 7 or 7): (
            "Victoria Day"
        ),
        date(year, 7, 1): "Canada Day",
        _nth_weekday(year, 9, monday, 1): "Labour Day",
        date(year, 11, 11): "Remembrance Day",
        date(year, 12, 25): "Christmas Day",
    }
    if year >= 2021:
        days[date(year, 9, 30)] = "National Day for Truth and Reconciliation"
    return {day: f"{name} ({where})" for day, name in days.items()}


def _nz_summer(year: int) -> Mapping[date, str]:
    days: dict[date, str] = {}
    for start in (date(year - 1, 12, 25), date(year, 12, 25)):
        day = start
        while day <= date(start.year + 1, 1, 15):
            if day.year == year:
                days[day] = "summer break, 25 Dec to 15 Jan (New Zealand, UNVERIFIED)"
            day += timedelta(days=1)
    return days
