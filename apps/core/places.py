"""Where a person lives: countries and the regions whose law differs (US states, Canadian
provinces). One list for every form and every rule, so codes never drift between apps.

Codes are ISO 3166: ``"IE"``, ``"US"``; regions are the part after the dash, ``"CA"`` for
California, ``"QC"`` for Quebec. pycountry supplies the names (maintained ISO data) so we do not
keep our own copy of 249 countries.
"""

from __future__ import annotations

from functools import cache

import pycountry

# EU member states (27) and the other EEA states where the GDPR applies.
EU_MEMBER_STATES = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    ]
)
EEA_STATES = EU_MEMBER_STATES | {"IS", "LI", "NO"}

# Countries whose law depends on the region, and the regions offered for them.
REGION_COUNTRIES = frozenset({"US", "CA"})


def _name(country: object) -> str:
    return (
        getattr(country, "common_name", None) or country.name
    )  # "South Korea", not "Korea, Republic of"


@cache
def country_choices() -> tuple[tuple[str, str], ...]:
    """(code, name) for every ISO country, sorted by name."""
    return tuple(sorted(((c.alpha_2, _name(c)) for c in pycountry.countries), key=lambda c: c[1]))


@cache
def region_choices(country: str) -> tuple[tuple[str, str], ...]:
    """(code, name) of the US states (with DC) or Canadian provinces and territories."""
    if country not in REGION_COUNTRIES:
        return ()
    wanted = {"US": {"State", "District"}, "CA": {"Province", "Territory"}}[country]
    regions = (
        (s.code.split("-", 1)[1], s.name)
        for s in pycountry.subdivisions.get(country_code=country)
        if s.type in wanted
    )
    return tuple(sorted(regions, key=lambda r: r[1]))


def grouped_region_choices() -> list[tuple[str, object]]:
    """One select for the regions of every country that has them, grouped by country (United
    States first), with an empty choice; forms check that the region fits the country."""
    groups: list[tuple[str, object]] = [("", "— none —")]
    for country in sorted(REGION_COUNTRIES, reverse=True):
        groups.append((country_name(country), list(region_choices(country))))
    return groups


def country_name(code: str) -> str:
    return dict(country_choices()).get(code.upper(), code)


def region_name(country: str, region: str) -> str:
    return dict(region_choices(country.upper())).get(region.upper(), region)


def is_valid_country(code: str) -> bool:
    return code.upper() in dict(country_choices())


def is_valid_region(country: str, region: str) -> bool:
    return region.upper() in dict(region_choices(country.upper()))


@cache
def _zones_by_country() -> dict[str, tuple[str, ...]]:
    """ISO country code → its IANA time zones, from the tz database's ``zone.tab`` (the
    system's copy, else the ``tzdata`` package's)."""
    import importlib.resources
    import zoneinfo
    from pathlib import Path

    text = ""
    for directory in zoneinfo.TZPATH:
        path = Path(directory) / "zone.tab"
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            break
    else:
        try:
            resource = importlib.resources.files("tzdata") / "zoneinfo" / "zone.tab"
            text = resource.read_text(encoding="utf-8")
        except (ModuleNotFoundError, FileNotFoundError):
            text = ""
    zones: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            zones.setdefault(parts[0], []).append(parts[2])
    return {code: tuple(names) for code, names in zones.items()}


def time_zones_of(country: str) -> tuple[str, ...]:
    """Every IANA time zone of a country, as the tz database lists them."""
    return _zones_by_country().get(country.upper(), ())


def time_zone_for_place(country: str) -> str:
    """The IANA time zone of a country whose clocks all show the same time right now
    ("Europe/Dublin" for IE, "Europe/Berlin" for DE), else "" (the United States, Canada,
    Spain… have several: the browser has to tell)."""
    import zoneinfo
    from datetime import UTC, datetime

    zones = _zones_by_country().get(country.upper(), ())
    if not zones:
        return ""
    now = datetime.now(UTC)
    offsets = {now.astimezone(zoneinfo.ZoneInfo(name)).utcoffset() for name in zones}
    return zones[0] if len(offsets) == 1 else ""
