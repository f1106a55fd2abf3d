"""The deadline engine: from a regime, a right and the day a request arrived to the dates the
company must meet, each with the reasoning shown. See the package docstring for the API."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

import holidays

from apps.core.places import EEA_STATES, is_valid_country
from apps.deadlines.calendars import (
    CALIFORNIA_6700,
    CALIFORNIA_REPORTED,
    CANADA_IA35,
    CANADA_PROCLAIMED,
    IRELAND_SUBSTITUTES,
    NZ_SUMMER,
    REGIONAL_HOLIDAY_COUNTRIES,
    SUNDAY_ONLY,
    Calendar,
    calendar_of,
    fmt,
    library_source,
)
from apps.deadlines.counting import (
    Reading,
    add_business_days,
    add_months,
    months_phrase,
    rolled_steps,
)
from apps.deadlines.rules import (
    CANADIAN_PROVINCE_REGIMES,
    NEW_COUNTRY_REGIMES,
    REGIMES,
    RIGHT_LABELS,
    RIGHTS,
    US_STATE_REGIMES,
    Authority,
    Extension,
    Period,
    Regime,
    RightRule,
    supervisory_authority,
)

Channel = Literal["email", "web-form", "post", "in-app"]
CHANNELS: tuple[Channel, ...] = ("email", "web-form", "post", "in-app")
CHANNEL_WORDS = {
    "email": "by email",
    "web-form": "through the company's web form",
    "in-app": "in the app",
    "post": "by post",
}
# UK nations as ISO 3166-2 subdivision codes without the country (places contract).
UK_NATIONS = {"ENG": "ENG", "WLS": "ENG", "SCT": "SCT", "NIR": "NIR"}
PauseKind = Literal["identity", "clarification", "fee"]
PAUSE_KINDS: tuple[PauseKind, ...] = ("identity", "clarification", "fee")
CA_CALENDARS = ("both", "federal", "california")


# --- Errors -------------------------------------------------------------------------------------


class DeadlineError(ValueError):
    """Base class: every message is one line a person can act on."""


class UnknownRegime(DeadlineError):
    pass


class UnknownRight(DeadlineError):
    pass


class RightNotGranted(DeadlineError):
    pass


class InvalidDate(DeadlineError):
    pass


class MissingPlace(DeadlineError):
    pass


class UnknownCountry(DeadlineError):
    pass


class NoExtension(DeadlineError):
    pass


class NoAppeal(DeadlineError):
    pass


class UnknownCalendar(DeadlineError):
    pass


class UnknownChannel(DeadlineError):
    pass


# --- Inputs and the result ----------------------------------------------------------------------


@dataclass(frozen=True)
class Pause:
    """The company asked for ID, a fee or a clarification on ``asked_on``; the answer came on
    ``answered_on``."""

    kind: PauseKind
    asked_on: date
    answered_on: date


@dataclass(frozen=True)
class Receipt:
    """When the company received a request the person sent on ``sent_on`` by ``channel``.

    ``received_on`` is the day the clock starts on (the legal reading), ``latest_on`` the latest
    plausible one (post: second class), ``explanation`` the sentence a letter can state.
    """

    sent_on: date
    channel: Channel
    received_on: date
    latest_on: date
    explanation: str
    citation: str = ""
    unverified: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "sent_on": self.sent_on.isoformat(),
            "channel": self.channel,
            "received_on": self.received_on.isoformat(),
            "latest_on": self.latest_on.isoformat(),
            "explanation": self.explanation,
            "citation": self.citation,
            "unverified": self.unverified,
        }


@dataclass(frozen=True)
class Deadline:
    """Every date the company must meet for one request, and why.

    ``due_on`` is the legal reading (None where no statute sets a date); ``overdue_after`` the
    latest plausible reading of the deadline in force (the extended one when ``extended``):
    nothing may be called overdue on or before it (laws.md rule 10). ``courtesy_reply_by`` is
    the reply date a letter asks for when no statute sets one; it is never a legal deadline.
    """

    regime: str
    regime_name: str
    right: str
    right_citation: str
    kind: Literal["response", "appeal"]
    statutory: bool
    received_on: date
    clock_starts_on: date
    extended: bool
    due_on: date | None
    citation: str
    explanation_steps: tuple[str, ...]
    explanation: str
    extended_due_on: date | None = None
    extension_notice_by: date | None = None
    extension_notice_latest: date | None = None
    acknowledge_by: date | None = None
    acknowledge_overdue_after: date | None = None
    overdue_after: date | None = None
    courtesy_reply_by: date | None = None
    calendar: Calendar | None = None
    overdue_calendar: Calendar | None = None
    rolls_over: bool = False
    extended_explanation: str = ""
    acknowledge_explanation: str = ""
    overdue_explanation: str = ""
    notes: tuple[str, ...] = ()
    authorities: tuple[Authority, ...] = field(default_factory=tuple)
    # How the request reached the company (None when only a received date was given).
    receipt: Receipt | None = None
    company_region: str = ""
    # Sentences a letter may state as law (e.g. no verification may be required), who the law
    # covers ("Applies only to …"), and whether a last day rolls under its counting statute.
    statements: tuple[str, ...] = ()
    coverage: str = ""
    roll_rule: str = ""

    @property
    def received_explanation(self) -> str:
        """``"Counted from Mon 2 Mar 2026, the day you sent it by email."``"""
        if self.receipt is not None:
            return self.receipt.explanation
        return f"Counted from {fmt(self.received_on)}, the day the company received it."

    @property
    def effective_due_on(self) -> date | None:
        """The deadline in force: the extended one when the company validly extended."""
        return self.extended_due_on if self.extended else self.due_on

    @property
    def unverified(self) -> bool:
        return any("UNVERIFIED" in note for note in self.notes)

    def as_dict(self) -> dict[str, Any]:
        def iso(day: date | None) -> str | None:
            return day.isoformat() if day else None

        def cal(calendar: Calendar | None) -> dict[str, str] | None:
            return {"code": calendar.code, "label": calendar.label} if calendar else None

        return {
            "regime": self.regime,
            "regime_name": self.regime_name,
            "right": self.right,
            "right_citation": self.right_citation,
            "kind": self.kind,
            "statutory": self.statutory,
            "received_on": iso(self.received_on),
            "clock_starts_on": iso(self.clock_starts_on),
            "due_on": iso(self.due_on),
            "extended": self.extended,
            "extended_due_on": iso(self.extended_due_on),
            "extension_notice_by": iso(self.extension_notice_by),
            "extension_notice_latest": iso(self.extension_notice_latest),
            "acknowledge_by": iso(self.acknowledge_by),
            "acknowledge_overdue_after": iso(self.acknowledge_overdue_after),
            "effective_due_on": iso(self.effective_due_on),
            "overdue_after": iso(self.overdue_after),
            "courtesy_reply_by": iso(self.courtesy_reply_by),
            "calendar": cal(self.calendar),
            "overdue_calendar": cal(self.overdue_calendar),
            "rolls_over": self.rolls_over,
            "citation": self.citation,
            "explanation": self.explanation,
            "explanation_steps": list(self.explanation_steps),
            "extended_explanation": self.extended_explanation,
            "acknowledge_explanation": self.acknowledge_explanation,
            "overdue_explanation": self.overdue_explanation,
            "notes": list(self.notes),
            "unverified": self.unverified,
            "authorities": [authority.as_dict() for authority in self.authorities],
            "receipt": self.receipt.as_dict() if self.receipt else None,
            "received_explanation": self.received_explanation,
            "company_region": self.company_region,
            "statements": list(self.statements),
            "coverage": self.coverage,
            "roll_rule": self.roll_rule,
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.as_dict(), indent=indent, ensure_ascii=False)


# --- Public functions ---------------------------------------------------------------------------


def get_regime(code: str) -> Regime:
    regime = REGIMES.get(str(code).strip().lower())
    if regime is None:
        raise UnknownRegime(f"Unknown regime {code!r}; known regimes: {', '.join(REGIMES)}.")
    return regime


def applicable_regimes(
    country: str, region: str = "", company_country: str | None = None
) -> tuple[str, ...]:
    """Regime codes covering a person living in ``country`` (``region``: US state or Canadian
    province), strongest first; ``("none",)`` when none does.

    Pass ``company_country`` only when the company's establishment there is the controller for
    this person's data: an EU/EEA or UK establishment then adds the GDPR or UK GDPR after the
    regimes of the person's home.
    """
    country, region, company = _normalise_place(country, region, company_country)
    found: list[str] = []
    if country in EEA_STATES:
        found.append("gdpr")
    elif country == "GB":
        found.append("uk-gdpr")
    elif country == "US" and region in US_STATE_REGIMES:
        found.append(US_STATE_REGIMES[region])
    elif country == "CA":
        # A provincial law treated as substantially similar first, then PIPEDA (laws.md §7A.5).
        found += (
            [CANADIAN_PROVINCE_REGIMES[region], "pipeda"]
            if region in CANADIAN_PROVINCE_REGIMES
            else ["pipeda"]
        )
    elif country in {"BR": "lgpd", "CH": "fadp", "AU": "au-privacy"}:
        found.append({"BR": "lgpd", "CH": "fadp", "AU": "au-privacy"}[country])
    elif country in NEW_COUNTRY_REGIMES:
        found.append(NEW_COUNTRY_REGIMES[country])
    if company in EEA_STATES and "gdpr" not in found:
        found.append("gdpr")
    if company == "GB" and "uk-gdpr" not in found:
        found.append("uk-gdpr")
    return tuple(found) or ("none",)


def compute_deadline(
    regime: str,
    right: str,
    received_on: date | None,
    *,
    country: str = "",
    region: str = "",
    company_country: str | None = None,
    company_region: str = "",
    extended: bool = False,
    calendar: str | None = None,
    pauses: Sequence[Pause] = (),
    channel: str | None = None,
    sent_on: date | None = None,
) -> Deadline:
    """The deadlines for a request exercising ``right`` under ``regime``, received on
    ``received_on`` (the day it reached the company's official channel, whatever the weekday).

    ``country``/``region``: where the person lives; ``company_country``: where the controller is
    established (GDPR: the member state whose holidays count) and ``company_region`` its
    subdivision (a UK nation ``ENG``/``WLS``/``SCT``/``NIR``, a German Land ``BY``, a Spanish
    community ``MD``…) where holidays differ. ``extended``: the company gave a valid extension
    notice (check with :func:`extension_claimed_in_time`). ``calendar``: CCPA business days count
    ``"both"`` federal and California holidays (default), ``"federal"`` or ``"california"``.
    ``pauses``: ID, fee or clarification questions and when they were answered.

    Instead of ``received_on`` (pass None) a caller may give ``sent_on`` and ``channel``
    (``email``, ``web-form``, ``in-app``, ``post``): the engine works out the day of receipt with
    :func:`received_on_for` and the deadline says which date it counts from.
    """
    rules = get_regime(regime)
    receipt = None
    if channel is not None or sent_on is not None:
        if sent_on is None or channel is None:
            raise InvalidDate("Give both the day the request was sent and how it was sent.")
        receipt = received_on_for(
            sent_on,
            channel,
            regime=rules.code,
            country=country,
            company_country=company_country,
            company_region=company_region,
        )
        if received_on is None:
            received_on = receipt.received_on
    if received_on is None:
        raise InvalidDate("Give the day the company received the request (YYYY-MM-DD).")
    _check_date(received_on, "received date")
    if right not in RIGHTS:
        raise UnknownRight(f"Unknown right {right!r}; rights: {', '.join(RIGHTS)}.")
    if right not in rules.rights:
        raise RightNotGranted(
            f"{rules.name} does not grant the right {right!r}: {rules.not_granted[right]}"
        )
    rule = rules.rights[right]
    if not rule.granted_on(received_on):
        raise RightNotGranted(
            f"{rules.name} does not grant the right {right!r} for a request received on "
            f"{received_on.isoformat()}: {rule.before_reason}"
        )
    return _compute(
        rules,
        rule,
        "response",
        received_on,
        place=_normalise_place(country, region or rules.region, company_country),
        company_region=_normalise_region(company_region),
        extended=extended,
        calendar=calendar,
        pauses=pauses,
        receipt=receipt,
    )


def received_on_for(
    sent_on: date,
    channel: str,
    *,
    regime: str = "",
    country: str = "",
    company_country: str | None = None,
    company_region: str = "",
) -> Receipt:
    """The day the company received a request sent on ``sent_on`` by ``channel``.

    Email, web forms and in-app requests arrive the day they are sent. Post: in the UK the
    letter is deemed delivered on the second working day after posting by first class post, the
    fourth by second class (Interpretation Act 1978 s.7; Practice Direction [1985] 1 All ER 889);
    working days exclude the bank holidays of the controller's nation. No such rule was found
    elsewhere, so the same convention is used there and marked UNVERIFIED (laws.md §7A.3).
    """
    _check_date(sent_on, "date the request was sent")
    if channel not in CHANNELS:
        raise UnknownChannel(f"Unknown channel {channel!r}; channels: {', '.join(CHANNELS)}.")
    how = CHANNEL_WORDS[channel]
    if channel != "post":
        return Receipt(
            sent_on,
            channel,  # type: ignore[arg-type]
            sent_on,
            sent_on,
            f"Counted from {fmt(sent_on)}, the day you sent it {how}.",
            citation="EDPB Gl. 01/2022 §159 (a request counts when it reaches an official channel)",
        )
    code = str(regime).strip().lower()
    company = (company_country or "").strip().upper()
    uk = code == "uk-gdpr" or (not code and (company or country.strip().upper()) == "GB")
    if uk:
        nation = UK_NATIONS.get(_normalise_region(company_region), "ENG")
        working = calendar_of(library_source("GB", nation), holiday_word="bank holiday")
        citation = "Interpretation Act 1978 s.7; Practice Direction [1985] 1 All ER 889"
        unverified = ""
    else:
        place = company or country.strip().upper()
        working = (
            calendar_of(library_source(place)) if place and _known_country(place) else Calendar(())
        )
        citation = "UK convention (Interpretation Act 1978 s.7), used elsewhere"
        unverified = (
            "no deemed-delivery rule for post was found for this law: the second working day "
            "after posting is the UK's convention, UNVERIFIED here (laws.md §7A.3)"
        )
    first = _working_days_after(sent_on, 2, working)
    latest = _working_days_after(sent_on, 4, working)
    return Receipt(
        sent_on,
        "post",
        first,
        latest,
        f"Counted from {fmt(first)}, the second working day after you posted it on "
        f"{fmt(sent_on)} (first class post).",
        citation=citation,
        unverified=unverified,
    )


def _working_days_after(start: date, count: int, calendar: Calendar) -> date:
    day, counted = start, 0
    while counted < count:
        day += timedelta(days=1)
        if not calendar.is_closed(day):
            counted += 1
    return day


def _known_country(code: str) -> bool:
    return code in holidays.list_supported_countries()


def _normalise_region(region: str) -> str:
    return (region or "").strip().upper().rpartition("-")[2]


def compute_appeal_deadline(
    regime: str,
    received_on: date,
    *,
    right: str = "",
    country: str = "",
    region: str = "",
    extended: bool = False,
) -> Deadline:
    """When a US state's controller must decide an appeal received on ``received_on``."""
    rules = get_regime(regime)
    _check_date(received_on, "appeal date")
    if right and right not in RIGHTS:
        raise UnknownRight(f"Unknown right {right!r}; rights: {', '.join(RIGHTS)}.")
    if rules.appeal is None:
        raise NoAppeal(rules.appeal_unavailable or f"{rules.name} has no appeal step.")
    rule = RightRule(
        right or "",  # type: ignore[arg-type]
        rules.appeal.period.citation,
        rules.appeal.period,
        rules.appeal.extension,
    )
    return _compute(
        rules,
        rule,
        "appeal",
        received_on,
        place=_normalise_place(country or "US", region or rules.region, None),
        company_region="",
        extended=extended,
        calendar=None,
        pauses=(),
        plausible_length=rules.appeal.plausible_length,
    )


def extension_claimed_in_time(deadline: Deadline, notified_on: date) -> bool:
    """Whether an extension notice given on ``notified_on`` came within the first period.

    The benefit of the doubt goes to the company: the notice counts if it arrived by the latest
    plausible end of the first period (``extension_notice_latest``). False when the law has no
    extension.
    """
    _check_date(notified_on, "notice date")
    if notified_on < deadline.received_on:
        raise InvalidDate(
            f"The extension notice ({notified_on.isoformat()}) cannot come before the request "
            f"was received ({deadline.received_on.isoformat()})."
        )
    latest = deadline.extension_notice_latest
    return latest is not None and notified_on <= latest


def is_overdue(deadline: Deadline, on: date) -> bool:
    """True once ``on`` is after the latest plausible reading of the deadline in force."""
    return deadline.overdue_after is not None and on > deadline.overdue_after


def parse_date(text: str) -> date:
    """``YYYY-MM-DD`` → date, or InvalidDate with a one-line message."""
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise InvalidDate(f"Not a date: {text!r}; use YYYY-MM-DD, e.g. 2026-01-31.") from None


# --- Places and calendars -----------------------------------------------------------------------


def _normalise_place(
    country: str, region: str, company_country: str | None
) -> tuple[str, str, str]:
    country = (country or "").strip().upper()
    region = (region or "").strip().upper().removeprefix(f"{country}-")
    company = (company_country or "").strip().upper()
    for code in (country, company):
        if code and not is_valid_country(code):
            raise UnknownCountry(f"Unknown country code {code!r}; use ISO 3166 codes like IE, US.")
    return country, region, company


def _calendars(
    rules: Regime, place: tuple[str, str, str], option: str | None, company_region: str = ""
) -> tuple[Calendar | None, Calendar | None, tuple[str, ...]]:
    """(the calendar the legal reading counts with, the widest plausible one, notes)."""
    country, region, company = place
    if option is not None and rules.places != "california":
        raise UnknownCalendar(f"{rules.name} has no choice of holiday calendar.")
    match rules.places:
        case "eea-state":
            return _eea_calendars(country, company, company_region)
        case "uk":
            wide = calendar_of(library_source("GB", every_region=True), holiday_word="bank holiday")
            nation = UK_NATIONS.get(company_region)
            if company_region and nation is None:
                raise UnknownCountry(
                    f"Unknown UK nation {company_region!r}; use ENG, WLS, SCT or NIR."
                )
            legal = calendar_of(library_source("GB", nation or "ENG"), holiday_word="bank holiday")
            notes: tuple[str, ...] = ()
            if nation is None:
                notes = (
                    "Counted with the bank holidays of England and Wales; give the company's "
                    "nation (SCT, NIR) if its controller is in Scotland or Northern Ireland.",
                )
            return legal, wide, notes
        case "california":
            option = option or "both"
            sources = {
                "both": (library_source("US"), CALIFORNIA_6700),
                "federal": (library_source("US"),),
                "california": (CALIFORNIA_6700,),
            }.get(option)
            if sources is None:
                raise UnknownCalendar(
                    f"Unknown calendar {option!r}; choose one of: {', '.join(CA_CALENDARS)}."
                )
            legal = calendar_of(*sources, holiday_word="holiday")
            wide = calendar_of(
                library_source("US"), CALIFORNIA_6700, CALIFORNIA_REPORTED, holiday_word="holiday"
            )
            return legal, wide, ()
        case "us-state":
            state = calendar_of(library_source("US", rules.region), holiday_word="holiday")
            wide = calendar_of(
                library_source("US"), library_source("US", rules.region), holiday_word="holiday"
            )
            return state, wide, ()
        case "canada":
            # Interpretation Act s.35: Sundays and the listed days, not the package's list.
            legal = Calendar((CANADA_IA35,), SUNDAY_ONLY, "holiday")
            regional = (
                library_source("CA", region) if region else library_source("CA", every_region=True)
            )
            wide = calendar_of(
                CANADA_IA35,
                library_source("CA"),
                regional,
                CANADA_PROCLAIMED,
                holiday_word="holiday",
            )
            return legal, wide, ()
        case "quebec":
            return None, calendar_of(library_source("CA"), library_source("CA", "QC")), ()
        case "brazil":
            return (
                calendar_of(library_source("BR")),
                calendar_of(library_source("BR", every_region=True)),
                (),
            )
        case "switzerland":
            return None, calendar_of(library_source("CH", every_region=True)), ()
        case "australia":
            return None, calendar_of(library_source("AU", every_region=True)), ()
        case "country":
            code = rules.calendar_country
            legal = calendar_of(library_source(code, rules.region))
            wide_sources = [
                library_source(code, rules.region),
                library_source(code, every_region=True),
            ]
            if code == "NZ":
                wide_sources.append(NZ_SUMMER)
            return legal, calendar_of(*wide_sources), ()
    return None, None, ()


def _eea_calendars(
    country: str, company: str, company_region: str = ""
) -> tuple[Calendar, Calendar, tuple[str, ...]]:
    if company in EEA_STATES:
        state = company
    elif country in EEA_STATES:
        state = country
    else:
        raise MissingPlace(
            "GDPR deadlines count the public holidays of an EU/EEA member state: give the "
            "person's or the company's country (e.g. --country IE)."
        )
    states = [state] + [c for c in (country, company) if c in EEA_STATES and c != state]
    wide_sources = [library_source(code, every_region=True) for code in states]
    if "IE" in states:
        wide_sources.append(IRELAND_SUBSTITUTES)
    notes = [
        "Public holidays are those of the member state where the controller acts "
        "(Reg. 1182/71 Art. 2(1)); which state counts for a cross-border controller is "
        "UNVERIFIED, so the latest plausible reading counts every state involved."
    ]
    if not company:
        notes.append(
            f"Counted with the public holidays of {library_source(state).where}; give the "
            "company's country if its controller is established elsewhere."
        )
    legal = library_source(state)
    if company_region and company and state == company:
        subdivisions = holidays.list_supported_countries().get(company, [])
        if company_region not in subdivisions:
            raise UnknownCountry(
                f"Unknown region {company_region!r} of {company}; use one of: "
                f"{', '.join(subdivisions) or 'none (holidays are national)'}."
            )
        legal = library_source(company, company_region)
    elif company in REGIONAL_HOLIDAY_COUNTRIES and state == company:
        notes.append(
            f"Public holidays in {library_source(company).where} differ by region: give the "
            "company's region (e.g. a German Land) for the legal date; the latest reading counts "
            "every region."
        )
    return calendar_of(legal), calendar_of(*wide_sources), tuple(notes)


# --- The clock: pauses for ID, fees and clarification -------------------------------------------


@dataclass(frozen=True)
class _Start:
    """Where a reading starts counting, days added to its end, and what to say about it."""

    on: date
    shift: int = 0
    steps: tuple[str, ...] = ()
    label: str = ""


def _clock(
    rules: Regime, received_on: date, pauses: Sequence[Pause]
) -> tuple[_Start, list[_Start], list[str]]:
    """(the legal start, other plausible starts, notes)."""
    for pause in pauses:
        if pause.kind not in PAUSE_KINDS:
            raise DeadlineError(f"Unknown pause {pause.kind!r}; pauses: {', '.join(PAUSE_KINDS)}.")
        _check_date(pause.asked_on, "date the company asked")
        _check_date(pause.answered_on, "date of the answer")
        if not received_on <= pause.asked_on <= pause.answered_on:
            raise InvalidDate(
                f"A {pause.kind} question must be asked on or after the request was received "
                f"({received_on.isoformat()}) and answered on or after it was asked."
            )
    if not pauses:
        return _Start(received_on), [], []
    waits = [(p, (p.answered_on - p.asked_on).days) for p in pauses]
    described = "; ".join(
        f"{p.kind} asked {fmt(p.asked_on)}, answered {fmt(p.answered_on)}" for p in pauses
    )
    match rules.pauses:
        case "gdpr":
            shift = sum(days for _, days in waits)
            legal = _Start(
                received_on, shift, (f"{described}: clock suspended {shift} days (EDPB §159)",)
            )
            restart = max(p.answered_on for p in pauses)
            other = _Start(
                restart,
                0,
                (f"clock restarts on the last answer, {fmt(restart)}",),
                "counting from the last answer",
            )
            note = (
                "The EDPB allows a suspension while the company waits for ID or clarification "
                "but gives no formula; adding the days waited is UNVERIFIED (laws.md E9), and "
                "some authorities start the clock when the ID arrives, so that later date is "
                "also allowed before calling the request overdue."
            )
            return legal, [other], [note]
        case "uk":
            restarts = [p.answered_on for p in pauses if p.kind in ("identity", "fee")]
            start = max([received_on, *restarts])
            stopped = sum(
                (p.answered_on - p.asked_on).days + 1 for p in pauses if p.kind == "clarification"
            )
            steps = []
            if start != received_on:
                steps.append(
                    f"relevant time {fmt(start)} (the latest of the request, the ID and the fee; "
                    "DPA 2018 s.54(3), UK GDPR Art. 12A)"
                )
            if stopped:
                steps.append(f"clock stopped {stopped} days for clarification (UK GDPR Art. 12A)")
            notes = (
                [
                    "Adding the stopped days (counted inclusively) to the end date is an "
                    "UNVERIFIED method (laws.md U7)."
                ]
                if stopped
                else []
            )
            return _Start(start, stopped, tuple(steps)), [], notes
        case "ignored":
            steps = (rules.clock_note,) if rules.clock_note else ()
            return _Start(received_on, 0, steps), [], []
    shift = sum(days for _, days in waits)
    other = _Start(
        received_on,
        shift,
        (f"{described}: {shift} days waiting",),
        f"adding the {shift} days spent waiting for an answer",
    )
    note = (
        f"Our reference does not say whether {rules.name} stops the clock while the company "
        "waits for an answer; the legal date ignores the wait and the latest plausible reading "
        "adds it."
    )
    return _Start(received_on), [other], [note]


# --- Counting one period ------------------------------------------------------------------------


def _end_of(
    start: _Start,
    length: int,
    unit: str,
    calendar: Calendar | None,
    *,
    rolls: bool,
    phrase: str,
) -> Reading:
    """The end of a period of ``length`` ``unit`` from ``start``, with the steps (the start's
    own steps first)."""
    if unit == "business days":
        assert calendar is not None  # noqa: S101 - business-day regimes always have a calendar
        reading = add_business_days(start.on, length, calendar)
        if not start.shift:
            return Reading(reading.day, (*start.steps, *reading.steps))
        raw, note = reading.day, ""
        steps = [*start.steps, *reading.steps[:-1]]
    elif unit == "months":
        raw, note = add_months(start.on, length)
        steps = [*start.steps, phrase]
    else:
        raw, note = start.on + timedelta(days=length), ""
        steps = [*start.steps, phrase]
    if start.shift:
        suffix = f" {note}" if note else ""
        steps += [f"{fmt(raw)}{suffix}", f"plus {start.shift} days on hold"]
        raw, note = raw + timedelta(days=start.shift), ""
    rolled = rolled_steps(raw, note, calendar if rolls else None)
    return Reading(rolled.day, (*steps, *rolled.steps))


def _latest(readings: Iterable[tuple[Reading, str]]) -> tuple[Reading, str]:
    return max(readings, key=lambda pair: pair[0].day)


def _line(steps: Sequence[str], citation: str) -> str:
    text = " → ".join(steps)
    return f"{text}. {citation}." if citation else f"{text}."


# --- The computation ----------------------------------------------------------------------------


def _compute(
    rules: Regime,
    rule: RightRule,
    kind: Literal["response", "appeal"],
    received_on: date,
    *,
    place: tuple[str, str, str],
    company_region: str,
    extended: bool,
    calendar: str | None,
    pauses: Sequence[Pause],
    plausible_length: int | None = None,
    receipt: Receipt | None = None,
) -> Deadline:
    legal_cal, wide_cal, place_notes = _calendars(rules, place, calendar, company_region)
    legal_start, other_starts, pause_notes = _clock(rules, received_on, pauses)
    receipt_notes: list[str] = []
    if receipt is not None and receipt.latest_on > received_on:
        # Post: the latest plausible reading counts from second-class delivery.
        other_starts = [
            *other_starts,
            _Start(
                receipt.latest_on,
                legal_start.shift,
                (f"delivered {fmt(receipt.latest_on)} (second class post)",),
                "counting from delivery by second class post",
            ),
        ]
        receipt_notes.append(receipt.unverified)
    received = f"Received {fmt(received_on)}"
    label = RIGHT_LABELS.get(rule.right, "the appeal")
    common = {
        "regime": rules.code,
        "regime_name": rules.name,
        "right": rule.right,
        "right_citation": rule.citation,
        "kind": kind,
        "statutory": rules.statutory and rule.period is not None,
        "received_on": received_on,
        "clock_starts_on": legal_start.on,
        "extended": extended,
        "authorities": _authorities(rules, place),
        "receipt": receipt,
        "company_region": company_region,
        "statements": rule.statements,
        "coverage": rules.coverage.summary if rules.coverage else "",
        "roll_rule": rules.roll_rule,
    }
    period = rule.period
    if period is None:
        if extended:
            raise NoExtension(f"{rules.name} sets no period for {label}, so nothing to extend.")
        courtesy = received_on + timedelta(days=rule.courtesy_days)
        steps = (
            received,
            rule.no_period_reason,
            f"the letter asks for a reply within {rule.courtesy_days} days",
            f"{fmt(courtesy)} (a courtesy date, not a legal deadline)",
        )
        return Deadline(
            **common,
            due_on=None,
            courtesy_reply_by=courtesy,
            citation=rule.citation,
            explanation_steps=steps,
            explanation=_line(steps, rule.citation),
            overdue_explanation="No statute sets a deadline, so the request is never called overdue.",
            notes=_sentences((rule.note, rule.unverified, *receipt_notes, *rules.notes)),
        )

    if extended and rule.extension is None:
        raise NoExtension(f"{rules.name} allows no extension of the {period.phrase} for {label}.")
    assert wide_cal is not None  # noqa: S101 - every regime with a period has a calendar
    rolls = period.rolls or period.unit == "business days"

    # The first period: the legal reading, and the latest plausible ones (always rolled).
    def first(start: _Start, cal: Calendar | None, *, roll: bool) -> Reading:
        return _end_of(start, period.length, period.unit, cal, rolls=roll, phrase=period.phrase)

    base = first(legal_start, legal_cal, roll=period.rolls)
    base_steps = (received, *base.steps)
    wide_base_options = [
        (first(start, wide_cal, roll=True), start.label or _wide_label(rules, period, wide_cal))
        for start in (legal_start, *other_starts)
    ]
    if plausible_length:
        longer = _end_of(
            legal_start,
            plausible_length,
            period.unit,
            wide_cal,
            rolls=True,
            phrase=f"{plausible_length} calendar days",
        )
        wide_base_options.append((longer, f"if the law allows {plausible_length} days"))
    wide_base, wide_base_label = _latest(wide_base_options)

    # The extension: the legal reading, and the latest plausible ones.
    extension = rule.extension
    ext: Reading | None = None
    ext_steps: tuple[str, ...] = ()
    wide_ext: tuple[Reading, str] | None = None
    if extension and extension.total is not None:
        ext = _end_of(
            legal_start,
            extension.total,
            period.unit,
            legal_cal,
            rolls=period.rolls,
            phrase=_extension_phrase(period, extension),
        )
        ext_steps = (received, *ext.steps)
        wide_ext = _latest(
            _wide_extension_options(
                rules, period, extension, legal_start, other_starts, base, wide_base, wide_cal
            )
        )

    # The acknowledgement (California).
    ack: Reading | None = None
    wide_ack: Reading | None = None
    if rule.acknowledgement is not None:
        assert legal_cal is not None  # noqa: S101 - acknowledgements count business days
        ack = add_business_days(received_on, rule.acknowledgement.length, legal_cal)
        wide_ack = add_business_days(received_on, rule.acknowledgement.length, wide_cal)

    # What counts as overdue, and when.
    if extended:
        if ext is None or wide_ext is None:
            overdue_after, overdue_reading, overdue_label, effective = None, None, "", None
        else:
            effective = ext.day
            overdue_reading, overdue_label = wide_ext
            overdue_after = max(ext.day, overdue_reading.day)
    else:
        effective = base.day
        overdue_reading, overdue_label = wide_base, wide_base_label
        overdue_after = max(base.day, wide_base.day)

    notes = [
        *(n for n in (period.unverified, rule.note, rule.unverified) if n),
        *place_notes,
        *pause_notes,
        *receipt_notes,
        *(extension.unverified for extension in [extension] if extension and extension.unverified),
        *rules.notes,
    ]
    if overdue_after and effective and overdue_after > effective:
        notes += [n for n in wide_cal.unverified if n not in notes]

    return Deadline(
        **common,
        due_on=base.day,
        extended_due_on=ext.day if ext else None,
        extension_notice_by=base.day if extension else None,
        extension_notice_latest=max(base.day, wide_base.day) if extension else None,
        acknowledge_by=ack.day if ack else None,
        acknowledge_overdue_after=max(ack.day, wide_ack.day) if ack and wide_ack else None,
        overdue_after=overdue_after,
        calendar=legal_cal if rolls else None,
        overdue_calendar=wide_cal,
        rolls_over=rolls,
        citation=period.citation,
        explanation_steps=base_steps,
        explanation=_line(base_steps, period.citation),
        extended_explanation=_extended_explanation(extension, ext_steps, base.day),
        acknowledge_explanation=_line((received, *ack.steps), rule.acknowledgement.citation)
        if ack and rule.acknowledgement
        else "",
        overdue_explanation=_overdue_explanation(
            overdue_after, effective, overdue_reading, overdue_label, received
        ),
        notes=_sentences(notes),
    )


def _wide_label(rules: Regime, period: Period, wide_cal: Calendar) -> str:
    if not period.rolls and period.unit != "business days":
        return rules.roll_note or "if the deadline moves off a weekend or holiday"
    return f"counting {wide_cal.label}"


def _extension_phrase(period: Period, extension: Extension) -> str:
    total = extension.total or 0
    if period.unit == "months":
        return f"{months_phrase(total)} from the start of the clock"
    return f"{total} {period.unit} ({period.length} + {total - period.length})"


def _wide_extension_options(
    rules: Regime,
    period: Period,
    extension: Extension,
    legal_start: _Start,
    other_starts: Sequence[_Start],
    base: Reading,
    wide_base: Reading,
    wide_cal: Calendar,
) -> list[tuple[Reading, str]]:
    total = extension.total or 0
    phrase = _extension_phrase(period, extension)
    options = [
        (
            _end_of(start, total, period.unit, wide_cal, rolls=True, phrase=phrase),
            start.label or _wide_label(rules, period, wide_cal),
        )
        for start in (legal_start, *other_starts)
    ]
    further = total - period.length
    if period.unit == "months":
        # Chaining the two further months onto the end of the first month (laws.md E7).
        for end in dict.fromkeys((base.day, wide_base.day)):
            chained = _end_of(
                _Start(end),
                further,
                "months",
                wide_cal,
                rolls=True,
                phrase=f"{months_phrase(further)} more from {fmt(end)}",
            )
            options.append(
                (chained, f"counting the {months_phrase(further)} from the end of the first month")
            )
    return options


def _extended_explanation(
    extension: Extension | None, steps: Sequence[str], first_end: date
) -> str:
    if extension is None:
        return ""
    notice = f"Extension notice, with reasons, due by {fmt(first_end)}"
    if extension.total is None:
        return (
            f"{notice}; the company must then name the date it will answer by "
            f"({extension.citation})."
        )
    return f"{notice}. {_line(steps, extension.citation)}"


def _overdue_explanation(
    overdue_after: date | None,
    effective: date | None,
    reading: Reading | None,
    label: str,
    received: str,
) -> str:
    if overdue_after is None:
        return "The company names its own date after an extension, so nothing is called overdue."
    if effective is not None and overdue_after > effective and reading is not None:
        return (
            f"Not called overdue before the end of {fmt(overdue_after)}, the latest plausible "
            f"reading ({label}): {' → '.join((received, *reading.steps))}."
        )
    return f"Overdue from the day after {fmt(overdue_after)}."


def _authorities(rules: Regime, place: tuple[str, str, str]) -> tuple[Authority, ...]:
    if rules.places != "eea-state":
        return rules.authorities
    country, _, company = place
    states = [code for code in dict.fromkeys((country, company)) if code in EEA_STATES]
    return tuple(supervisory_authority(code) for code in states)


def _sentences(notes: Iterable[str]) -> tuple[str, ...]:
    """Each note once, as a sentence: capital first letter, full stop at the end."""
    out = []
    for note in notes:
        if not note:
            continue
        note = note[0].upper() + note[1:]
        out.append(note if note.endswith(".") else f"{note}.")
    return tuple(dict.fromkeys(out))


def _check_date(value: object, what: str) -> None:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InvalidDate(f"The {what} must be a date (YYYY-MM-DD), not {value!r}.")
