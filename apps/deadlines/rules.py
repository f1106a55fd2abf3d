"""The statutory rules as data: regime → rights → periods, extensions, acknowledgements, pauses,
holiday calendars, citations and the authority to complain to.

Every fact here comes from ``/work/shared/reference/laws.md`` (section numbers in the comments).
Where laws.md marks something UNVERIFIED or secondary, the rule carries that text in an
``unverified`` field so the engine can show it and the UI can say "check this". No URL, address
or citation is added that laws.md does not give.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from apps.deadlines.counting import months_phrase

Right = Literal[
    "access", "delete", "object", "opt-out-sale", "correct", "restrict", "portability",
    "automated-decisions", "limit-sensitive", "opt-out-targeted-ads", "opt-out-profiling",
]  # fmt: skip
# The first five are the original codes (DEVELOPERS.md "Rights"); the rest came with issue 15.
RIGHTS: tuple[Right, ...] = (
    "access",
    "delete",
    "object",
    "opt-out-sale",
    "correct",
    "restrict",
    "portability",
    "automated-decisions",
    "limit-sensitive",
    "opt-out-targeted-ads",
    "opt-out-profiling",
)
RIGHT_LABELS: Mapping[str, str] = {
    "access": "access",
    "delete": "deletion",
    "object": "objection",
    "opt-out-sale": "opt-out of sale or sharing",
    "correct": "correction",
    "restrict": "restriction of processing",
    "portability": "data portability",
    "automated-decisions": "not to be subject to automated decisions",
    "limit-sensitive": "limiting the use of sensitive personal information",
    "opt-out-targeted-ads": "opt-out of targeted advertising",
    "opt-out-profiling": "opt-out of profiling",
}

Unit = Literal["months", "calendar days", "business days"]

# How a regime finds its holiday calendars (see engine._calendars).
Places = Literal[
    "eea-state", "uk", "california", "us-state", "canada", "quebec", "brazil", "switzerland",
    "australia", "country", "none",
]  # fmt: skip
# How identity checks and clarification questions affect the clock (see engine._clock).
Pauses = Literal["gdpr", "uk", "ignored", "unknown"]

EDPB_MEMBERS = "https://www.edpb.europa.eu/about-edpb/about-edpb/members_en"


@dataclass(frozen=True)
class Period:
    """A response period. ``rolls``: the legal reading moves a last day that falls on a weekend
    or holiday of the regime's calendar to the next working day (business-day periods always end
    on a working day)."""

    length: int
    unit: Unit
    citation: str
    rolls: bool = False
    unverified: str = ""

    @property
    def phrase(self) -> str:
        if self.unit == "months":
            return months_phrase(self.length)
        return f"{self.length} {self.unit}"


@dataclass(frozen=True)
class Extension:
    """How far the controller may extend, once, by notice inside the first period.

    ``total``: the extended deadline counted from the start of the clock, in the period's unit
    (GDPR/UK: three months from receipt; CCPA: 90 days). None when the law lets the controller
    name the date (Switzerland).
    """

    total: int | None
    citation: str
    label: str
    times: int = 1
    unverified: str = ""


@dataclass(frozen=True)
class RightRule:
    right: Right
    citation: str
    period: Period | None
    extension: Extension | None = None
    acknowledgement: Period | None = None
    # With no statutory period, the letter asks for a reply within this many days (not a law).
    courtesy_days: int = 30
    no_period_reason: str = ""
    note: str = ""
    unverified: str = ""
    # A right that exists only for requests received on or after this date (e.g. Utah's right to
    # correct from 1 July 2026); ``before_reason`` says why an earlier request has no such right.
    available_from: date | None = None
    before_reason: str = ""
    # Sentences a letter may state as law, each with its citation (e.g. "No verification may be
    # required …").
    statements: tuple[str, ...] = ()

    def granted_on(self, received_on: date) -> bool:
        return self.available_from is None or received_on >= self.available_from


@dataclass(frozen=True)
class Coverage:
    """Who a law covers, said plainly: ``summary`` is the sentence a page or letter may show
    ("Applies only to …"); ``conditions`` the thresholds one by one."""

    summary: str
    conditions: tuple[str, ...]
    citation: str
    unverified: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "summary": self.summary,
            "conditions": list(self.conditions),
            "citation": self.citation,
            "unverified": self.unverified,
        }


@dataclass(frozen=True)
class Authority:
    """Where to complain. ``complaint_url`` is a complaint page laws.md gives; ``info_url`` a page
    that leads to the authority (the EDPB member list when laws.md names no page).
    ``unverified`` says what to check before relying on it ("" when laws.md saw it on the
    authority's own page)."""

    name: str
    country: str = ""
    complaint_url: str | None = None
    info_url: str | None = None
    website: str = ""
    contact: str = ""
    note: str = ""
    source: Literal["P", "S", ""] = "P"
    unverified: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "country": self.country,
            "complaint_url": self.complaint_url,
            "info_url": self.info_url,
            "website": self.website,
            "contact": self.contact,
            "note": self.note,
            "source": self.source,
            "unverified": self.unverified,
            "needs_checking": bool(self.unverified),
        }


@dataclass(frozen=True)
class AppealRule:
    """A US state's appeal: the controller's decision period. ``plausible_length``: the latest
    reading where laws.md gives a range (generally 45–60 days)."""

    period: Period
    extension: Extension | None = None
    plausible_length: int | None = None


@dataclass(frozen=True, eq=False)
class Regime:
    code: str
    name: str
    title: str
    places: Places
    pauses: Pauses
    rights: Mapping[str, RightRule]
    not_granted: Mapping[str, str]
    authorities: tuple[Authority, ...] = ()
    region: str = ""  # the US state a us-xx regime belongs to
    appeal: AppealRule | None = None
    appeal_unavailable: str = ""
    statutory: bool = True
    roll_note: str = ""
    # Said when the person reports a pause the law does not recognise ("ignored" pauses).
    clock_note: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)
    # Who the law covers (None: our reference states no threshold that matters to a person).
    coverage: Coverage | None = None
    # The country (and for "country" places, the region) whose holidays the rules count with.
    calendar_country: str = ""
    # Whether a last day on a weekend or holiday rolls under the law's counting statute, and why.
    roll_rule: str = ""

    def grants(self, right: str, on: date | None = None) -> bool:
        rule = self.rights.get(right)
        return rule is not None and (on is None or rule.granted_on(on))

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "title": self.title,
            "statutory": self.statutory,
            "rights": {
                right: {
                    "citation": rule.citation,
                    "period": _period_dict(rule.period),
                    "extension": None
                    if rule.extension is None
                    else {
                        "total": rule.extension.total,
                        "label": rule.extension.label,
                        "times": rule.extension.times,
                        "citation": rule.extension.citation,
                        "notice": "within the first period",
                        "unverified": rule.extension.unverified,
                    },
                    "acknowledgement": _period_dict(rule.acknowledgement),
                    "note": rule.note or rule.no_period_reason,
                    "unverified": rule.unverified,
                    "available_from": rule.available_from.isoformat()
                    if rule.available_from
                    else None,
                    "statements": list(rule.statements),
                }
                for right, rule in self.rights.items()
            },
            "not_granted": dict(self.not_granted),
            "coverage": self.coverage.as_dict() if self.coverage else None,
            "roll_rule": self.roll_rule,
            "authorities": [authority.as_dict() for authority in self.authorities],
            "notes": list(self.notes),
        }


def _period_dict(period: Period | None) -> dict[str, object] | None:
    if period is None:
        return None
    return {
        "length": period.length,
        "unit": period.unit,
        "rolls_over": period.rolls,
        "citation": period.citation,
        "unverified": period.unverified,
    }


# --- EU GDPR (laws.md §1, §8) -------------------------------------------------------------------

GDPR_PERIOD = Period(1, "months", "GDPR Art. 12(3); Reg. 1182/71 Art. 3", rolls=True)
GDPR_EXTENSION = Extension(
    3,
    "GDPR Art. 12(3)",
    "two further months (three months from receipt)",
    unverified=(
        "counting the extension as three months from receipt is the ICO's method, adopted for "
        "the EU; the EU method is UNVERIFIED (laws.md E7)"
    ),
)


def _gdpr_rule(right: Right, citation: str, note: str = "") -> RightRule:
    return RightRule(right, citation, GDPR_PERIOD, GDPR_EXTENSION, note=note)


GDPR = Regime(
    code="gdpr",
    name="GDPR",
    title="General Data Protection Regulation (EU) 2016/679",
    places="eea-state",
    pauses="gdpr",
    rights={
        "access": _gdpr_rule("access", "GDPR Art. 15"),
        "correct": _gdpr_rule("correct", "GDPR Art. 16"),
        "delete": _gdpr_rule("delete", "GDPR Art. 17"),
        "object": _gdpr_rule(
            "object",
            "GDPR Art. 21(1)",
            note="Withdrawal of consent (Art. 7(3)) where the processing rests on consent.",
        ),
        # Art. 12(3) covers requests under Articles 15 to 22 (laws.md §1.2).
        "restrict": _gdpr_rule("restrict", "GDPR Art. 18"),
        "portability": _gdpr_rule(
            "portability",
            "GDPR Art. 20",
            note="Only for processing based on consent or a contract and carried out by automated means.",
        ),
        "automated-decisions": _gdpr_rule("automated-decisions", "GDPR Art. 22"),
    },
    not_granted={
        "opt-out-sale": (
            "The GDPR has no separate opt-out of sale; object (Art. 21) or withdraw consent "
            "(Art. 7(3)) instead."
        ),
    },
    roll_rule=(
        "Rolls: Reg. 1182/71 Art. 3(4) and EDPB Gl. 01/2022 §161 move a last day on a Saturday, "
        "Sunday or public holiday of the member state to the next working day (laws.md §1.3)."
    ),
    notes=(
        "No acknowledgement deadline: the EDPB calls an acknowledgement good practice only "
        "(EDPB Gl. 01/2022 §57).",
    ),
)

# Supervisory authorities laws.md §8 gives, by member state.
_SECONDARY_LIST = (
    "from a secondary list (ictinstitute.nl; some URLs dated): check on the EDPB member list"
)
SUPERVISORY_AUTHORITIES: Mapping[str, Authority] = {
    "IE": Authority(
        "Data Protection Commission (DPC)",
        "IE",
        complaint_url="https://dataprotection.ie/en/individuals/exercising-your-rights/complaints-handling-investigations-and-enforcement-individuals",
        contact="21 Fitzwilliam Square South, Dublin 2, D02 RD28",
        note=(
            "Raise the matter with the organisation first. The DPC gives an update or outcome "
            "within three months."
        ),
    ),
    "FR": Authority(
        "Commission nationale de l'informatique et des libertés (CNIL)",
        "FR",
        complaint_url="https://www.cnil.fr/fr/adresser-une-plainte",
        contact="CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris cedex 07",
        note=(
            "Exercise your rights first; complain if the organisation has not answered after "
            "one month, or answered incompletely. The complaint must be written in French."
        ),
    ),
    "DE": Authority(
        "The data protection authority of the Land where the company is based "
        "(the BfDI handles federal public bodies, telecom and postal providers)",
        "DE",
        complaint_url="https://www.bfdi.bund.de/DE/Datenschutz/Ueberblick/MeineRechte/Artikel/BeschwerdeBeiDatenschutzbehoereden.html",
        contact="poststelle@bfdi.bund.de",
        note="Complaints about private companies go to the Land (state) authority.",
        unverified="the Land authorities' complaint pages are not in our reference",
    ),
    "NL": Authority(
        "Autoriteit Persoonsgegevens (AP)",
        "NL",
        complaint_url="https://autoriteitpersoonsgegevens.nl/een-tip-of-klacht-indienen-bij-de-ap",
        note="Raise it with the organisation first and show that you did.",
    ),
    "IT": Authority(
        "Garante per la protezione dei dati personali",
        "IT",
        info_url=EDPB_MEMBERS,
        website="garanteprivacy.it",
        contact=(
            "PEC protocollo@pec.gpdp.it; registered post to Piazza Venezia 11, 00187 Roma; "
            "or by hand"
        ),
        note=(
            "A signed complaint (reclamo), digital or handwritten with a copy of your ID; "
            "the model form is on garanteprivacy.it."
        ),
        unverified="the model form's address is not in our reference",
    ),
    "ES": Authority(
        "Agencia Española de Protección de Datos (AEPD)",
        "ES",
        complaint_url="https://sedeagpd.gob.es/sede-electronica-web/",
        note=(
            "Exercise your rights with the controller first. The specific form for controllers "
            "that ignore rights requests is mandatory (LOPDGDD DA 23ª)."
        ),
    ),
    **{
        code: Authority(
            name,
            code,
            info_url=EDPB_MEMBERS,
            website=website,
            source="S",
            unverified=_SECONDARY_LIST,
        )
        for code, name, website in (
            ("AT", "Datenschutzbehörde (DSB)", "dsb.gv.at"),
            ("BE", "Autorité de protection des données / Gegevensbeschermingsautoriteit", ""),
            ("BG", "Commission for Personal Data Protection (CPDP)", "cpdp.bg"),
            ("HR", "Personal Data Protection Agency (AZOP)", "azop.hr"),
            ("CY", "Commissioner for Personal Data Protection", "dataprotection.gov.cy"),
            ("CZ", "Úřad pro ochranu osobních údajů (ÚOOÚ)", "uoou.cz"),
            ("DK", "Datatilsynet", "datatilsynet.dk"),
            ("EE", "Andmekaitse Inspektsioon (AKI)", "aki.ee"),
            ("FI", "Data Protection Ombudsman", "tietosuoja.fi"),
        )
    },
}


def supervisory_authority(country: str) -> Authority:
    """The authority laws.md gives for an EEA state, or a pointer to the EDPB member list."""
    from apps.core.places import country_name

    known = SUPERVISORY_AUTHORITIES.get(country.upper())
    if known:
        return known
    return Authority(
        f"The data protection supervisory authority of {country_name(country)}",
        country.upper(),
        info_url=EDPB_MEMBERS,
        source="",
        unverified="not in our reference: find the authority on the EDPB member list",
    )


# --- UK GDPR (laws.md §2) -----------------------------------------------------------------------

UK_PERIOD = Period(
    1,
    "months",
    "UK GDPR Art. 12(3), Art. 12A; ICO time-limit guidance",
    rolls=True,
    unverified=(
        "Art. 12A says one month 'beginning with' the relevant time; on a strict reading the "
        "period could end one day earlier. The ICO's corresponding-date method (the later "
        "date) is shown (laws.md §2.4)"
    ),
)
UK_EXTENSION = Extension(
    3, "UK GDPR Art. 12(3); ICO", "two further months (three months from the start)"
)


def _uk_rule(right: Right, citation: str) -> RightRule:
    return RightRule(right, citation, UK_PERIOD, UK_EXTENSION)


UK_GDPR = Regime(
    code="uk-gdpr",
    name="UK GDPR",
    title="UK GDPR and the Data Protection Act 2018, as amended by the Data (Use and Access) Act 2025",
    places="uk",
    pauses="uk",
    rights={
        "access": _uk_rule("access", "UK GDPR Art. 15"),
        "correct": _uk_rule("correct", "UK GDPR Art. 16"),
        "delete": _uk_rule("delete", "UK GDPR Art. 17"),
        "object": _uk_rule("object", "UK GDPR Art. 21(1)"),
        "restrict": _uk_rule("restrict", "UK GDPR Art. 18"),
        "portability": _uk_rule("portability", "UK GDPR Art. 20"),
        "automated-decisions": _uk_rule(
            "automated-decisions", "UK GDPR Art. 22 (Arts. 22A–22D from 5 Feb 2026)"
        ),
    },
    not_granted={
        "opt-out-sale": (
            "The UK GDPR has no separate opt-out of sale; object (Art. 21) or withdraw consent "
            "(Art. 7(3)) instead."
        ),
    },
    authorities=(
        Authority(
            "Information Commissioner's Office (ICO)",
            "GB",
            complaint_url="https://ico.org.uk/make-a-complaint/",
            note=(
                "Complain to the organisation first and follow up if there is no response after "
                "30 days; complain to the ICO within three months of your last contact with the "
                "organisation. Form: https://ico.org.uk/make-a-complaint/personal-information-complaint"
            ),
            unverified="whether the ICO has been renamed the 'Information Commission' is UNVERIFIED",
        ),
    ),
    roll_rule=(
        "Rolls: the ICO moves a last day on a weekend or bank holiday of the controller's "
        "nation to the next working day (laws.md §2.2)."
    ),
    notes=(
        "No statutory acknowledgement deadline for rights requests (UNVERIFIED for the "
        "post-DUAA text).",
    ),
)


# --- California CCPA/CPRA (laws.md §3) ----------------------------------------------------------

CCPA_PERIOD = Period(
    45,
    "calendar days",
    "Cal. Civ. Code §1798.130(a)(2)(A); 11 CCR §7021(b); Code Civ. Proc. §12a",
    rolls=True,
)
CCPA_NO_ACCOUNT = (
    "The business may not require the consumer to create an account or give more information "
    "than is necessary to act on the request (Cal. Civ. Code §1798.135(c)(1))."
)
CCPA_EXTENSION = Extension(
    90, "Cal. Civ. Code §1798.130(a)(2)(A); 11 CCR §7021(b)", "45 more days (90 in total)"
)
CCPA_ACK = Period(
    10,
    "business days",
    "11 CCR §7021(a)",
    rolls=True,
    unverified="the CCPA does not define 'business day' (laws.md §3.3)",
)


def _ccpa_rule(right: Right, citation: str) -> RightRule:
    return RightRule(right, citation, CCPA_PERIOD, CCPA_EXTENSION, acknowledgement=CCPA_ACK)


CCPA = Regime(
    code="ccpa",
    name="CCPA",
    title="California Consumer Privacy Act, as amended by the CPRA (Cal. Civ. Code §1798.100 et seq.)",
    places="california",
    pauses="ignored",
    clock_note="the clock runs from receipt even while verification is pending (11 CCR §7021(b))",
    region="CA",
    rights={
        "access": _ccpa_rule("access", "Cal. Civ. Code §§1798.100, 1798.110, 1798.115"),
        "delete": _ccpa_rule("delete", "Cal. Civ. Code §1798.105"),
        "correct": _ccpa_rule("correct", "Cal. Civ. Code §1798.106"),
        "opt-out-sale": RightRule(
            "opt-out-sale",
            "Cal. Civ. Code §1798.120",
            Period(
                15,
                "business days",
                "11 CCR §7026(f)(1)",
                rolls=True,
                unverified="the CCPA does not define 'business day' (laws.md §3.3)",
            ),
            note="No acknowledgement step and no verification for opt-outs.",
            statements=(
                CCPA_NO_ACCOUNT,
                "An opt-out request need not be a verifiable consumer request (11 CCR §7026).",
            ),
            unverified="the subsection of 11 CCR §7026 that waives verification is UNVERIFIED",
        ),
        "limit-sensitive": RightRule(
            "limit-sensitive",
            "Cal. Civ. Code §1798.121; 11 CCR §7027",
            Period(
                15,
                "business days",
                "11 CCR §7027(g)(1)",
                rolls=True,
                unverified=(
                    "15 business days for a request to limit comes from secondary sources; the "
                    "wording of §7027(g)(1) is UNVERIFIED (laws.md §7A.4)"
                ),
            ),
            note="No acknowledgement step and no verification for requests to limit.",
            statements=(
                CCPA_NO_ACCOUNT,
                "A request to limit need not be a verifiable consumer request, and no account may "
                "be required for it (11 CCR §7027(d), (e)).",
            ),
        ),
    },
    not_granted={
        "object": (
            "The CCPA has no general right to object (e.g. to AI training); use delete or "
            "opt-out-sale instead."
        ),
        "opt-out-targeted-ads": (
            "The CCPA's opt-out of sale and sharing (Cal. Civ. Code §1798.120) is the opt-out that "
            "covers sharing for advertising; use opt-out-sale."
        ),
        "opt-out-profiling": (
            "The CCPA's automated decision-making rights (11 CCR §7221) cover significant "
            "decisions only, from 1 Jan 2027; there is no general opt-out of profiling."
        ),
        "automated-decisions": (
            "The CCPA's automated decision-making rights (11 CCR §7221) cover significant "
            "decisions only, from 1 Jan 2027."
        ),
    },
    authorities=(
        Authority(
            "California Privacy Protection Agency (CalPrivacy)",
            "US",
            complaint_url="https://cppa.ca.gov/webapplications/complaint",
            info_url="https://privacy.ca.gov/tips/submit-complaint",
            note=(
                "The agency does not represent individual consumers and cannot make a business "
                "satisfy an individual request."
            ),
        ),
        Authority(
            "California Attorney General",
            "US",
            complaint_url="https://oag.ca.gov/contact/consumer-complaint-against-business-or-company",
            source="S",
            unverified="URL from a secondary source; UNVERIFIED that it is current",
        ),
    ),
    roll_note="counting every holiday California's calendars may add",
    roll_rule=(
        "Rolls: Code Civ. Proc. §12a extends a period whose last day is a Saturday or holiday to "
        "the next day that is not, for every period set by a code or regulation (laws.md §7A.2)."
    ),
    notes=(
        "The 45-day roll counts the same California holidays as the business days; CCP §12a "
        "names the judicial holidays of CCP §135 (Saturdays, §6700 holidays other than Admission "
        "Day, the day after Thanksgiving), so the latest reading adds every reported holiday.",
    ),
    appeal_unavailable="The CCPA has no appeal step; complain to the CPPA or the Attorney General.",
)


# --- Other US states (laws.md §5) ---------------------------------------------------------------

_US_RIGHTS_UNVERIFIED = (
    "our reference does not list this state's rights one by one; access, deletion, correction "
    "and the sale opt-out are common to the state laws it covers (check the statute)"
)
_US_NO_OBJECT = (
    "US state privacy laws give opt-outs (sale, targeted advertising, profiling), not a general "
    "right to object; use delete or opt-out-sale instead."
)


@dataclass(frozen=True)
class _State:
    region: str
    name: str
    law: str
    citation: str
    days: int = 45
    extension: int | None = 45
    extension_unverified: str = ""
    appeal_days: int | None = 60
    appeal_extension: int | None = None
    appeal_plausible: int | None = None
    appeal_unverified: str = "UNVERIFIED (laws.md §5)"
    source: str = "P"
    roll_note: str = ""
    authority: Authority | None = None
    # Does the state's general computation statute roll a last day off a weekend or holiday?
    # True/False with its source (laws.md §7A.2); None when no statute was found (UNVERIFIED).
    rolls: bool | None = None
    roll_source: str = ""
    # Opt-outs of targeted advertising and profiling: the citation, "" to use the law's, or None
    # when the law gives no such opt-out (with the reason in ``not_granted``).
    targeted_ads: str | None = ""
    profiling: str | None = ""
    opt_out_unverified: str = (
        "that this state's law gives this opt-out is UNVERIFIED per state (laws.md §7A.1)"
    )
    correct_from: date | None = None
    correct_from_reason: str = ""
    not_granted: Mapping[str, str] = field(default_factory=dict)
    coverage: Coverage | None = None


_NOT_FOUND_ROLL = (
    "No general computation statute for this state was found in our reference (laws.md §7A.2): "
    "whether a last day on a weekend or holiday moves is UNVERIFIED."
)
_ROLLS = "Rolls: {source} moves a last day on a Saturday, Sunday or legal holiday to the next day that is not (laws.md §7A.2)."
_DOES_NOT_ROLL = "Does not roll: {source} (laws.md §7A.2)."


_GENERIC_EXTENSION = (
    "+45 days is what these laws generally allow; UNVERIFIED per state (laws.md §5)"
)
_GENERIC_APPEAL = "generally 45–60 days; UNVERIFIED per state (laws.md §5)"

US_STATES: tuple[_State, ...] = (
    _State(
        "VA",
        "Virginia",
        "Virginia Consumer Data Protection Act (VCDPA)",
        "Va. Code §59.1-577",
        roll_note="if a last day on a weekend or holiday moves to the next business day",
        rolls=False,
        roll_source=(
            "Va. Code §1-210(A) excludes the day of the request; its subsections B, C and E move a "
            "last day only for court proceedings, actions brought and acts at a closed government "
            "office"
        ),
        targeted_ads="Va. Code §59.1-577(A)(5)",
        profiling="Va. Code §59.1-577(A)(5)",
        opt_out_unverified="",
    ),
    _State(
        "CO",
        "Colorado",
        "Colorado Privacy Act (CPA)",
        "C.R.S. §6-1-1306(1)",
        appeal_days=45,
        appeal_extension=60,
        source="S",
        rolls=True,
        roll_source="C.R.S. §2-4-108(2)",
    ),
    _State(
        "CT",
        "Connecticut",
        "Connecticut Data Privacy Act (CTDPA)",
        "Conn. Gen. Stat. §42-518(c)",
        targeted_ads="Conn. Gen. Stat. §42-518(a)(5)",
        profiling="Conn. Gen. Stat. §42-518(a)(5)",
        opt_out_unverified="",
    ),
    _State(
        "UT",
        "Utah",
        "Utah Consumer Privacy Act (UCPA)",
        "Utah Code §13-61-203",
        appeal_days=None,
        rolls=True,
        roll_source="Utah Code §68-3-7(2)",
        profiling=None,
        correct_from=date(2026, 7, 1),
        correct_from_reason=(
            "Utah's right to correct applies only to requests received from 1 July 2026 "
            "(2025 Gen. Sess. ch. 468, HB 418); before then, ask for deletion instead."
        ),
        not_granted={
            "opt-out-profiling": (
                "The Utah Consumer Privacy Act gives opt-outs of sale and targeted advertising, "
                "not of profiling (laws.md §7A.1)."
            ),
        },
    ),
    _State(
        "TX",
        "Texas",
        "Texas Data Privacy and Security Act (TDPSA)",
        "Tex. Bus. & Com. Code §541.052",
        appeal_unverified="§541.053, 60 days: UNVERIFIED (laws.md §5)",
        rolls=True,
        roll_source=(
            "Tex. Gov't Code §311.014(b) (from a secondary source; that the Code Construction Act "
            "governs Bus. & Com. Code ch. 541 is UNVERIFIED)"
        ),
        authority=Authority(
            "Texas Attorney General",
            "US",
            complaint_url="https://texasattorneygeneral.gov/consumer-protection/file-consumer-complaint/consumer-privacy-rights/texas-data-privacy-and-security-act",
            note="The TDPSA requires the Attorney General to run an online complaint mechanism (§541.152).",
        ),
    ),
    _State(
        "OR",
        "Oregon",
        "Oregon Consumer Privacy Act (OCPA)",
        "ORS 646A.576",
        appeal_days=45,
        appeal_unverified="",
        rolls=False,
        roll_source=(
            "ORS 174.120(1) covers only the civil and criminal procedure statutes and ORS 174.125 "
            "only filings with public offices"
        ),
        authority=Authority(
            "Oregon Department of Justice",
            "US",
            contact="oregonprivacy@doj.oregon.gov",
            note="No complaint page in our reference; write to the address given.",
        ),
    ),
    _State(
        "IA",
        "Iowa",
        "Iowa Consumer Data Protection Act (ICDPA)",
        "Iowa Code ch. 715D",
        days=90,
        extension_unverified="",
        source="S",
        targeted_ads=None,
        profiling=None,
        not_granted={
            "correct": (
                "Iowa's law gives no right to correct: Iowa Code §715D.3(1) lists access, deletion "
                "of data you provided, portability and the opt-out of sale only (laws.md §7A.1)."
            ),
            "opt-out-targeted-ads": (
                "Iowa Code §715D.3(1)(d) gives an opt-out of sale only, not of targeted "
                "advertising (laws.md §7A.1)."
            ),
            "opt-out-profiling": (
                "Iowa Code §715D.3(1) gives no opt-out of profiling (laws.md §7A.1)."
            ),
        },
    ),
    *(
        _State(
            region,
            name,
            f"{name}'s comprehensive consumer privacy law",
            f"{name} comprehensive privacy law (section not in our reference)",
            extension_unverified=_GENERIC_EXTENSION,
            appeal_days=45,
            appeal_plausible=60,
            appeal_unverified=_GENERIC_APPEAL,
            source="S",
            targeted_ads="RSA 507-H:4, I(e)" if region == "NH" else "",
        )
        for region, name in (
            ("MT", "Montana"),
            ("NE", "Nebraska"),
            ("NH", "New Hampshire"),
            ("NJ", "New Jersey"),
            ("TN", "Tennessee"),
            ("MD", "Maryland"),
            ("IN", "Indiana"),
        )
    ),
    _State(
        "KY",
        "Kentucky",
        "Kentucky's comprehensive consumer privacy law",
        "Kentucky comprehensive privacy law (section not in our reference)",
        extension_unverified=_GENERIC_EXTENSION,
        appeal_days=45,
        appeal_plausible=60,
        appeal_unverified=_GENERIC_APPEAL,
        source="S",
        rolls=True,
        roll_source="KRS 446.030(1)(a) (from a municipal code reproducing it)",
        targeted_ads="Ky. Acts 2024 ch. 72 (HB 15) §3(1)(e)",
    ),
    _State(
        "FL",
        "Florida",
        "Florida Digital Bill of Rights (Fla. Stat. §501.701 et seq.)",
        "Fla. Stat. §501.706",
        extension=15,
        extension_unverified="",
        appeal_days=45,
        appeal_plausible=60,
        appeal_unverified=_GENERIC_APPEAL,
        source="S",
        coverage=Coverage(
            summary=(
                "Applies only to companies with more than $1 billion in global annual revenue "
                "that also make at least half of it from online advertising, run a smart speaker "
                "and voice assistant service, or run an app store offering at least 250,000 apps "
                "(and to companies they control or that control them)."
            ),
            conditions=(
                "does business in Florida and decides why and how personal data is processed",
                "global gross annual revenues over $1 billion",
                "at least 50% of global revenue from selling online advertising, or",
                "operates a consumer smart speaker and voice command service, or",
                "operates an app store or digital distribution platform with at least 250,000 apps",
            ),
            citation="Fla. Stat. §501.702 (controller)",
            unverified="thresholds from secondary sources (laws.md §7A.1)",
        ),
    ),
    _State(
        "DE",
        "Delaware",
        "Delaware's comprehensive consumer privacy law",
        "Delaware comprehensive privacy law (section not in our reference)",
        extension_unverified=_GENERIC_EXTENSION,
        appeal_days=45,
        appeal_plausible=60,
        appeal_unverified=_GENERIC_APPEAL,
        source="S",
        targeted_ads="6 Del. C. §12D-104(a)(6)",
        profiling="6 Del. C. §12D-104(a)(6)",
        opt_out_unverified="",
    ),
    _State(
        "MN",
        "Minnesota",
        "Minnesota's comprehensive consumer privacy law",
        "Minnesota comprehensive privacy law (section not in our reference)",
        extension_unverified=_GENERIC_EXTENSION,
        appeal_days=45,
        appeal_plausible=60,
        appeal_unverified=_GENERIC_APPEAL,
        source="S",
        rolls=True,
        roll_source="Minn. Stat. §645.15",
    ),
    _State(
        "RI",
        "Rhode Island",
        "Rhode Island Data Transparency and Privacy Protection Act (RIDTPPA)",
        "RIDTPPA (section not in our reference)",
        profiling="",
        extension_unverified=(
            "our reference found no extension for Rhode Island; the usual +45 days is assumed "
            "so that no request is called overdue early (UNVERIFIED)"
        ),
        appeal_days=45,
        appeal_plausible=60,
        appeal_unverified=_GENERIC_APPEAL,
        source="S",
    ),
)


def _us_state_regime(state: _State) -> Regime:
    unverified_source = "" if state.source == "P" else "days from the Mayer Brown tracker [S]"
    if state.rolls is True:
        roll_rule = _ROLLS.format(source=state.roll_source)
    elif state.rolls is False:
        roll_rule = _DOES_NOT_ROLL.format(source=state.roll_source)
    else:
        roll_rule = _NOT_FOUND_ROLL
    period = Period(
        state.days,
        "calendar days",
        state.citation,
        rolls=bool(state.rolls),
        unverified=unverified_source,
    )
    extension = (
        Extension(
            state.days + state.extension,
            state.citation,
            f"{state.extension} more days ({state.days + state.extension} in total)",
            unverified=state.extension_unverified,
        )
        if state.extension
        else None
    )
    rights: dict[str, RightRule] = {
        right: RightRule(right, state.citation, period, extension, unverified=_US_RIGHTS_UNVERIFIED)
        for right in ("access", "delete", "correct", "opt-out-sale")
        if right not in state.not_granted
    }
    if state.correct_from and "correct" in rights:
        rights["correct"] = replace(
            rights["correct"],
            available_from=state.correct_from,
            before_reason=state.correct_from_reason,
        )
    for right, citation in (
        ("opt-out-targeted-ads", state.targeted_ads),
        ("opt-out-profiling", state.profiling),
    ):
        if citation is None or right in state.not_granted:
            continue
        rights[right] = RightRule(
            right,  # type: ignore[arg-type]
            citation or state.citation,
            period,
            extension,
            unverified=state.opt_out_unverified if not citation else "",
        )
    appeal = None
    if state.appeal_days:
        appeal_period = Period(
            state.appeal_days,
            "calendar days",
            f"{state.citation} (appeal)",
            rolls=bool(state.rolls),
            unverified=state.appeal_unverified,
        )
        appeal_extension = (
            Extension(
                state.appeal_days + state.appeal_extension,
                f"{state.citation} (appeal)",
                f"{state.appeal_extension} more days",
                unverified=state.appeal_unverified,
            )
            if state.appeal_extension
            else None
        )
        appeal = AppealRule(appeal_period, appeal_extension, state.appeal_plausible)
    authority = state.authority or Authority(
        f"{state.name} Attorney General",
        "US",
        unverified="our reference gives no complaint page for this Attorney General",
        source="",
    )
    return Regime(
        code=f"us-{state.region.lower()}",
        name=state.law.rsplit("(", 1)[-1].rstrip(")")
        if "(" in state.law and not state.law.endswith("seq.)")
        else (
            state.law.split(" (")[0] if state.law.endswith("seq.)") else f"{state.name} privacy law"
        ),
        title=state.law,
        places="us-state",
        pauses="unknown",
        region=state.region,
        rights=rights,
        not_granted={"object": _US_NO_OBJECT, **state.not_granted},
        authorities=(authority,),
        appeal=appeal,
        appeal_unavailable=(
            ""
            if appeal
            else f"{state.name}'s law gives no appeal; complain to the Attorney General."
        ),
        roll_note=state.roll_note
        or "if a last day on a weekend or holiday moves to the next business day",
        roll_rule=roll_rule,
        notes=(
            "No statutory acknowledgement deadline in our reference.",
            *([roll_rule] if state.rolls is None else []),
        ),
        coverage=state.coverage,
    )


# --- Canada (laws.md §4) ------------------------------------------------------------------------

PIPEDA_PERIOD = Period(
    30,
    "calendar days",
    "PIPEDA s.8(3); Interpretation Act s.26, s.35",
    rolls=True,
)
PIPEDA_EXTENSION = Extension(60, "PIPEDA s.8(4)(a)", "up to 30 more days")

PIPEDA = Regime(
    code="pipeda",
    name="PIPEDA",
    title="Personal Information Protection and Electronic Documents Act, S.C. 2000, c. 5",
    places="canada",
    pauses="unknown",
    rights={
        "access": RightRule(
            "access",
            "PIPEDA s.8; Sch. 1 cl. 4.9",
            PIPEDA_PERIOD,
            PIPEDA_EXTENSION,
            note="The request must be made in writing (s.8(1)). No response is a deemed refusal (s.8(5)).",
        ),
        "correct": RightRule(
            "correct",
            "PIPEDA Sch. 1 cl. 4.9.5; s.8",
            PIPEDA_PERIOD,
            PIPEDA_EXTENSION,
            unverified="that the s.8 time limits cover correction requests (cl. 4.9.5) is UNVERIFIED",
        ),
        "object": RightRule(
            "object",
            "PIPEDA Sch. 1 cl. 4.3.8 (withdrawal of consent)",
            None,
            no_period_reason="PIPEDA sets no period for acting on a withdrawal of consent",
        ),
    },
    not_granted={
        "delete": (
            "PIPEDA has no GDPR-style right to erasure (UNVERIFIED beyond principles 4.5 and "
            "4.9); withdraw consent (object) or ask for correction instead."
        ),
        "opt-out-sale": "PIPEDA has no opt-out of sale; withdraw consent (object) instead.",
    },
    authorities=(
        Authority(
            "Office of the Privacy Commissioner of Canada (OPC)",
            "CA",
            complaint_url="https://www.priv.gc.ca/en/report-a-concern/",
            note=(
                "Silence past the time limit is a deemed refusal (s.8(5)); complain within six "
                "months after the refusal or after the time limit expired (s.11(3))."
            ),
            unverified="the complaint URL is UNVERIFIED",
        ),
    ),
    appeal_unavailable="PIPEDA has no appeal step; complain to the Privacy Commissioner.",
    roll_rule=(
        "Rolls off a holiday: the Interpretation Act s.35 list (Sundays, New Year's Day, Good "
        "Friday, Easter Monday, Victoria Day, Canada Day, Labour Day, the National Day for Truth "
        "and Reconciliation, Remembrance Day, Christmas Day, proclaimed days, and the province's "
        "own holidays); Saturday is not a holiday (laws.md §7A.2)."
    ),
    notes=(
        "Provincial holidays and civic holidays also count under s.35 (a) and (b); the latest "
        "reading counts the province's holidays and Thanksgiving.",
    ),
)

QUEBEC_PERIOD = Period(
    30,
    "calendar days",
    "CQLR c. P-39.1 s.32",
    unverified="30 days from a secondary source (conforme.ca); counting rules not in our reference",
)

QUEBEC = Regime(
    code="quebec",
    name="Quebec Law 25",
    title="Act respecting the protection of personal information in the private sector (CQLR c. P-39.1)",
    places="quebec",
    pauses="unknown",
    region="QC",
    rights={
        "access": RightRule("access", "CQLR c. P-39.1 s.27", QUEBEC_PERIOD),
        "correct": RightRule("correct", "CQLR c. P-39.1 s.28", QUEBEC_PERIOD),
        "delete": RightRule(
            "delete",
            "CQLR c. P-39.1 s.28",
            QUEBEC_PERIOD,
            note="Deletion of information whose collection or retention the law does not authorise.",
        ),
    },
    not_granted={
        "object": (
            "Our reference lists no general right to object under Quebec's private-sector Act "
            "(access, rectification and deletion, and de-indexing under s.28.1)."
        ),
        "opt-out-sale": "Quebec's private-sector Act has no opt-out of sale in our reference.",
    },
    authorities=(
        Authority(
            "Commission d'accès à l'information du Québec (CAI)",
            "CA",
            info_url="https://www.cai.gouv.qc.ca/",
            note="Ask the CAI to examine the disagreement, usually within 30 days of the refusal.",
            unverified="the URL and the 30-day window are UNVERIFIED; that silence is a deemed refusal is UNVERIFIED",
        ),
    ),
    roll_note="if Quebec's Interpretation Act moves a deadline off a holiday (not in our reference)",
    appeal_unavailable="Quebec's Act has no appeal step; ask the CAI to examine the disagreement.",
)


# --- Brazil, Switzerland, Australia (laws.md §6, §7) --------------------------------------------

LGPD_NO_PERIOD = (
    "the LGPD sets no number of days for this right: the controller must act immediately or "
    "say why it cannot (Art. 18 §§3–5)"
)

LGPD = Regime(
    code="lgpd",
    name="LGPD",
    title="Lei Geral de Proteção de Dados Pessoais (Lei nº 13.709/2018)",
    places="brazil",
    pauses="unknown",
    rights={
        "access": RightRule(
            "access",
            "LGPD Art. 18(II); Art. 19",
            Period(15, "calendar days", "LGPD Art. 19(II); Civil Code art. 132 §1", rolls=True),
            note="In simplified format immediately (Art. 19(I)), or a full statement within 15 days.",
        ),
        "correct": RightRule(
            "correct",
            "LGPD Art. 18(III)",
            None,
            courtesy_days=15,
            no_period_reason=LGPD_NO_PERIOD,
        ),
        "delete": RightRule(
            "delete",
            "LGPD Art. 18(IV), (VI)",
            None,
            courtesy_days=15,
            no_period_reason=LGPD_NO_PERIOD,
        ),
        "object": RightRule(
            "object",
            "LGPD Art. 18 §2",
            None,
            courtesy_days=15,
            no_period_reason=LGPD_NO_PERIOD,
            note="Revocation of consent: Art. 18(IX).",
        ),
    },
    not_granted={
        "opt-out-sale": "The LGPD has no opt-out of sale; object (Art. 18 §2) or revoke consent (Art. 18(IX)) instead.",
    },
    authorities=(
        Authority(
            "Autoridade Nacional de Proteção de Dados (ANPD)",
            "BR",
            info_url="https://www.gov.br/anpd/",
            note="Petição de titular.",
            source="S",
            unverified="the URL comes from secondary references; the form's path is UNVERIFIED",
        ),
    ),
    roll_note="counting the holidays of every Brazilian state",
    roll_rule=(
        "Rolls: Civil Code art. 132 §1 extends a period whose last day is a holiday to the next "
        "working day (dia útil); weekends are not working days (laws.md §7A.2)."
    ),
    appeal_unavailable="The LGPD has no appeal step; petition the ANPD.",
    notes=(
        "Small processing agents may have double the time limits (CD/ANPD Resolution 2/2022, UNVERIFIED).",
    ),
)

FADP_NO_PERIOD = (
    "the FADP sets no period for this right; it is enforced through the civil courts (Art. 32)"
)

FADP = Regime(
    code="fadp",
    name="FADP",
    title="Swiss Federal Act on Data Protection (FADP), SR 235.1",
    places="switzerland",
    pauses="unknown",
    rights={
        "access": RightRule(
            "access",
            "FADP Art. 25",
            Period(30, "calendar days", "FADP Art. 25(7); DPO Art. 18"),
            Extension(
                None,
                "DPO Art. 18",
                "a later date the controller names",
                unverified="DPO Art. 18 wording is UNVERIFIED",
            ),
            note=(
                "'In general' within 30 days. With a fee contribution (max CHF 300), the 30 days "
                "start only after the 10-day reflection period (DPO Art. 19 [S])."
            ),
        ),
        "correct": RightRule("correct", "FADP Art. 32", None, no_period_reason=FADP_NO_PERIOD),
        "delete": RightRule("delete", "FADP Art. 32", None, no_period_reason=FADP_NO_PERIOD),
        "object": RightRule(
            "object",
            "FADP Art. 32 (prohibition of processing)",
            None,
            no_period_reason=FADP_NO_PERIOD,
        ),
    },
    not_granted={"opt-out-sale": "The FADP has no opt-out of sale; object (Art. 32) instead."},
    authorities=(
        Authority(
            "Federal Data Protection and Information Commissioner (FDPIC)",
            "CH",
            info_url="https://www.edoeb.admin.ch/",
            note=(
                "Complaint processing is free. Individual rights are enforced in the civil "
                "courts; the FDPIC investigates at its own discretion (UNVERIFIED)."
            ),
        ),
    ),
    roll_note="if a Swiss rule moves a deadline off a weekend or holiday (not in our reference)",
    appeal_unavailable="The FADP has no appeal step; go to the civil courts or the FDPIC.",
)

AU_PRIVACY = Regime(
    code="au-privacy",
    name="Privacy Act (Australia)",
    title="Privacy Act 1988 (Cth), Australian Privacy Principles",
    places="australia",
    pauses="unknown",
    rights={
        "access": RightRule(
            "access",
            "APP 12",
            Period(
                30,
                "calendar days",
                "APP 12.4(a); OAIC guidance",
                unverified=(
                    "organisations must answer within 'a reasonable period'; guidance says "
                    "usually no more than 30 days (exact OAIC paragraph UNVERIFIED)"
                ),
            ),
        ),
        "correct": RightRule(
            "correct",
            "APP 13",
            None,
            no_period_reason="our reference gives no period for correction requests",
        ),
    },
    not_granted={
        "delete": (
            "The Privacy Act has no general right to erasure; entities must destroy or "
            "de-identify information they no longer need (APP 11.2)."
        ),
        "object": (
            "The Privacy Act has no general right to object; APP 7 lets you opt out of direct "
            "marketing only."
        ),
        "opt-out-sale": "The Privacy Act has no opt-out of sale.",
    },
    authorities=(
        Authority(
            "Office of the Australian Information Commissioner (OAIC)",
            "AU",
            complaint_url="https://www.oaic.gov.au/privacy/privacy-complaints",
            note="Usually complain to the entity first and allow about 30 days.",
            unverified="the complaint URL is UNVERIFIED",
        ),
    ),
    roll_note="if a last day on a weekend or holiday moves to the next working day (not in our reference)",
    appeal_unavailable="The Privacy Act has no appeal step; complain to the OAIC.",
    notes=(
        "Most businesses with turnover of AUD 3m or less are not covered (small-business exemption).",
    ),
)


# --- Laws added with issue 15 (laws.md §7A.5) ---------------------------------------------------

_NO_COMPLAINT_PAGE = "our reference gives no complaint page for this authority"


def _courtesy(right: Right, citation: str, days: int, reason: str, **extra: object) -> RightRule:
    """A right the law grants whose period our reference could not confirm: the letter asks for a
    reply within ``days`` (a courtesy period) and says the statutory one is unverified."""
    return RightRule(
        right,
        citation,
        None,
        courtesy_days=days,
        no_period_reason=reason,
        unverified=(
            f"the statutory period is not confirmed (UNVERIFIED): the reply date asked for is a "
            f"{days}-day courtesy period"
        ),
        **extra,  # type: ignore[arg-type]
    )


def _period_rule(
    right: Right, citation: str, period: Period, extension: Extension | None = None, **extra: object
) -> RightRule:
    return RightRule(right, citation, period, extension, **extra)  # type: ignore[arg-type]


APPI_REASON = (
    "the APPI says 'without delay' and sets no number of days (laws.md §7.3); the statutory "
    "period is not confirmed"
)
APPI = Regime(
    code="appi",
    name="APPI",
    title="Act on the Protection of Personal Information (Japan, Act No. 57 of 2003)",
    places="country",
    calendar_country="JP",
    pauses="unknown",
    rights={
        "access": _courtesy("access", "APPI Art. 33", 14, APPI_REASON),
        "correct": _courtesy("correct", "APPI Art. 34", 14, APPI_REASON),
        "delete": _courtesy("delete", "APPI Arts. 34, 35", 14, APPI_REASON),
        "object": _courtesy("object", "APPI Art. 35 (cease use)", 14, APPI_REASON),
    },
    not_granted={},
    authorities=(
        Authority(
            "Personal Information Protection Commission (PPC)",
            "JP",
            info_url="https://www.ppc.go.jp/en/",
            source="S",
            unverified=_NO_COMPLAINT_PAGE,
        ),
    ),
    appeal_unavailable="The APPI has no appeal step; contact the PPC.",
    notes=(
        "A person may reportedly sue two weeks after the request arrived unless it was refused "
        "(APPI Art. 39, UNVERIFIED).",
    ),
)

KR_REASON = (
    "PIPA Art. 35(3) leaves the period to the Enforcement Decree, reported as 10 days; the "
    "statutory period is not confirmed (laws.md §7A.5)"
)
KR_PIPA = Regime(
    code="kr-pipa",
    name="PIPA (Korea)",
    title="Personal Information Protection Act (Republic of Korea)",
    places="country",
    calendar_country="KR",
    pauses="unknown",
    rights={
        "access": _courtesy("access", "PIPA Art. 35", 10, KR_REASON),
        "portability": _courtesy("portability", "PIPA Art. 35-2", 10, KR_REASON),
        "correct": _courtesy("correct", "PIPA Art. 36", 10, KR_REASON),
        "delete": _courtesy("delete", "PIPA Art. 36", 10, KR_REASON),
        "object": _courtesy("object", "PIPA Art. 37 (suspension of processing)", 10, KR_REASON),
        "restrict": _courtesy("restrict", "PIPA Art. 37 (suspension of processing)", 10, KR_REASON),
        "automated-decisions": _courtesy("automated-decisions", "PIPA Art. 37-2", 10, KR_REASON),
    },
    not_granted={},
    authorities=(
        Authority(
            "Personal Information Protection Commission (PIPC)",
            "KR",
            source="",
            unverified=_NO_COMPLAINT_PAGE,
        ),
    ),
    appeal_unavailable="PIPA has no appeal step in our reference; contact the PIPC.",
)

NZ_PERIOD = Period(
    20,
    "business days",
    "Privacy Act 2020 (NZ) s.44",
    rolls=True,
    unverified="20 working days from a secondary source (laws.md §7A.5)",
)
NZ_EXTENSION = Extension(
    None,
    "Privacy Act 2020 (NZ) s.48",
    "a reasonable extension, notified within the 20 working days",
)
NZ_PRIVACY = Regime(
    code="nz-privacy",
    name="Privacy Act 2020 (NZ)",
    title="Privacy Act 2020 (New Zealand)",
    places="country",
    calendar_country="NZ",
    pauses="unknown",
    rights={
        "access": _period_rule(
            "access", "Privacy Act 2020 (NZ) IPP 6; s.44", NZ_PERIOD, NZ_EXTENSION
        ),
        "correct": _period_rule(
            "correct",
            "Privacy Act 2020 (NZ) IPP 7; ss.62–63",
            replace(NZ_PERIOD, citation="Privacy Act 2020 (NZ) ss.62–63"),
            replace(NZ_EXTENSION, citation="Privacy Act 2020 (NZ) s.65"),
        ),
    },
    not_granted={
        "delete": "The Privacy Act 2020 gives no standalone right to deletion; agencies may not keep information longer than needed (IPP 9).",
        "object": "The Privacy Act 2020 gives no general right to object.",
        "opt-out-sale": "The Privacy Act 2020 has no opt-out of sale.",
    },
    authorities=(
        Authority(
            "Office of the Privacy Commissioner (New Zealand)",
            "NZ",
            source="",
            unverified=_NO_COMPLAINT_PAGE,
        ),
    ),
    appeal_unavailable="The Privacy Act 2020 has no appeal step; complain to the Privacy Commissioner.",
    roll_rule="Working days: business days (weekends and New Zealand public holidays excluded).",
)

SG_PERIOD = Period(
    30,
    "calendar days",
    "PDPA (Singapore) s.21; Personal Data Protection Regulations 2021",
    unverified="the 30-day rule from a secondary source on the Regulations (laws.md §7A.5)",
)
SG_EXTENSION = Extension(
    None,
    "Personal Data Protection Regulations 2021",
    "a later time the organisation names, told within the 30 days",
)
SG_PDPA = Regime(
    code="sg-pdpa",
    name="PDPA (Singapore)",
    title="Personal Data Protection Act 2012 (Singapore)",
    places="country",
    calendar_country="SG",
    pauses="unknown",
    rights={
        "access": _period_rule("access", "PDPA (Singapore) s.21", SG_PERIOD, SG_EXTENSION),
        "correct": _period_rule(
            "correct",
            "PDPA (Singapore) s.22",
            replace(
                SG_PERIOD,
                citation="PDPA (Singapore) s.22; Personal Data Protection Regulations 2021",
            ),
            SG_EXTENSION,
        ),
    },
    not_granted={
        "delete": "The PDPA gives no right to deletion in our reference.",
        "object": "The PDPA lets you withdraw consent; our reference lists no general right to object.",
        "opt-out-sale": "The PDPA has no opt-out of sale.",
    },
    authorities=(
        Authority(
            "Personal Data Protection Commission (PDPC)",
            "SG",
            source="",
            unverified=_NO_COMPLAINT_PAGE,
        ),
    ),
    appeal_unavailable="The PDPA has no appeal step; complain to the PDPC.",
)

IN_FROM = date(2027, 5, 13)
IN_BEFORE = (
    "The DPDP Act's rights provisions apply only to requests from 13 May 2027, 18 months after "
    "the DPDP Rules were notified on 13 November 2025 (laws.md §7A.5)."
)
IN_REASON = "the grievance period (reported as 90 days) is not confirmed (laws.md §7.4)"
IN_DPDP = Regime(
    code="in-dpdp",
    name="DPDP Act",
    title="Digital Personal Data Protection Act 2023 (India) and DPDP Rules 2025",
    places="country",
    calendar_country="IN",
    pauses="unknown",
    rights={
        right: _courtesy(
            right, citation, 30, IN_REASON, available_from=IN_FROM, before_reason=IN_BEFORE
        )
        for right, citation in (
            ("access", "DPDP Act s.11"),
            ("correct", "DPDP Act s.12"),
            ("delete", "DPDP Act s.12"),
            ("object", "DPDP Act s.6(4) (withdrawal of consent)"),
        )
    },
    not_granted={
        "opt-out-sale": "The DPDP Act has no opt-out of sale; withdraw consent (s.6(4)) instead."
    },
    authorities=(
        Authority(
            "Data Protection Board of India",
            "IN",
            note="Only after the company's own grievance process (DPDP Act s.13).",
            source="S",
            unverified="section and complaint page UNVERIFIED",
        ),
    ),
    appeal_unavailable="Use the company's grievance process, then the Data Protection Board.",
    notes=("Some sources give 14 May 2027 as the commencement date.",),
)

TR_PERIOD = Period(
    30,
    "calendar days",
    "KVKK (Law No. 6698) Art. 13(2)",
    unverified="Art. 13(2) quoted by secondary sources (laws.md §7A.5); whether a last day on a holiday moves is UNVERIFIED",
)
TR_KVKK = Regime(
    code="tr-kvkk",
    name="KVKK",
    title="Law on the Protection of Personal Data No. 6698 (Türkiye)",
    places="country",
    calendar_country="TR",
    pauses="unknown",
    rights={
        right: _period_rule(right, citation, TR_PERIOD)
        for right, citation in (
            ("access", "KVKK Art. 11(1)(a)–(d)"),
            ("correct", "KVKK Art. 11(1)(d)"),
            ("delete", "KVKK Art. 11(1)(e); Art. 7"),
            ("automated-decisions", "KVKK Art. 11(1)(g)"),
        )
    },
    not_granted={
        "object": "KVKK lets you object only to an adverse result of automated analysis (automated-decisions, Art. 11(1)(g)).",
        "opt-out-sale": "KVKK has no opt-out of sale.",
    },
    authorities=(
        Authority(
            "Personal Data Protection Board (Kişisel Verileri Koruma Kurulu)",
            "TR",
            note=(
                "Complain within 30 days of the answer, and in any case within 60 days of your "
                "application (KVKK Art. 14)."
            ),
            source="P",
            unverified=_NO_COMPLAINT_PAGE,
        ),
    ),
    appeal_unavailable="KVKK has no appeal step; complain to the Board (Art. 14).",
    roll_note="if a last day on a holiday moves to the next working day",
)

ZA_REASON = "POPIA s.23 says 'within a reasonable time' and sets no number of days"
ZA_POPIA = Regime(
    code="za-popia",
    name="POPIA",
    title="Protection of Personal Information Act 4 of 2013 (South Africa)",
    places="country",
    calendar_country="ZA",
    pauses="unknown",
    rights={
        "access": _courtesy("access", "POPIA s.23", 30, ZA_REASON),
        "correct": _courtesy("correct", "POPIA s.24", 30, ZA_REASON),
        "delete": _courtesy("delete", "POPIA s.24", 30, ZA_REASON),
        "object": _courtesy("object", "POPIA s.11(3)", 30, ZA_REASON),
    },
    not_granted={"opt-out-sale": "POPIA has no opt-out of sale; object (s.11(3)) instead."},
    authorities=(
        Authority(
            "Information Regulator (South Africa)",
            "ZA",
            website="inforegulator.org.za",
            note="A written complaint on Form 5 (POPIA Regulations 2018, reg. 7).",
            source="P",
            unverified=_NO_COMPLAINT_PAGE,
        ),
    ),
    appeal_unavailable="POPIA has no appeal step; complain to the Information Regulator.",
    notes=("Requests for records under PAIA s.56 have a 30-day period (laws.md §7A.5).",),
)

AR_PERIOD = Period(5, "business days", "Ley 25.326 art. 16.2", rolls=True)
AR_PDP = Regime(
    code="ar-pdp",
    name="Ley 25.326",
    title="Ley 25.326 de Protección de los Datos Personales (Argentina)",
    places="country",
    calendar_country="AR",
    pauses="unknown",
    rights={
        "access": _courtesy(
            "access",
            "Ley 25.326 art. 14",
            10,
            "art. 14's period (reported as 10 calendar days) is not confirmed (laws.md §7A.5)",
        ),
        "correct": _period_rule("correct", "Ley 25.326 art. 16", AR_PERIOD),
        "delete": _period_rule("delete", "Ley 25.326 art. 16", AR_PERIOD),
    },
    not_granted={
        "object": "Our reference lists no general right to object under Ley 25.326.",
        "opt-out-sale": "Ley 25.326 has no opt-out of sale.",
    },
    authorities=(
        Authority(
            "The Argentine data protection authority",
            "AR",
            source="",
            unverified="the authority's name and complaint page are not in our reference",
        ),
    ),
    appeal_unavailable="Ley 25.326 has no appeal step; a failure lets you bring habeas data (art. 16.3).",
)

MX_REASON = "the 2025 LFPDPPP's response periods are not confirmed (laws.md §7A.5)"
MX_LFPDPPP = Regime(
    code="mx-lfpdppp",
    name="LFPDPPP",
    title="Ley Federal de Protección de Datos Personales en Posesión de los Particulares (Mexico, 2025)",
    places="country",
    calendar_country="MX",
    pauses="unknown",
    rights={
        "access": _courtesy("access", "LFPDPPP 2025 (ARCO: access)", 20, MX_REASON),
        "correct": _courtesy("correct", "LFPDPPP 2025 (ARCO: rectification)", 20, MX_REASON),
        "delete": _courtesy("delete", "LFPDPPP 2025 (ARCO: cancellation)", 20, MX_REASON),
        "object": _courtesy("object", "LFPDPPP 2025 (ARCO: opposition)", 20, MX_REASON),
    },
    not_granted={
        "opt-out-sale": "The LFPDPPP has no opt-out of sale; oppose the processing (ARCO) instead."
    },
    authorities=(
        Authority(
            "Secretaría Anticorrupción y Buen Gobierno",
            "MX",
            note="It took over the INAI's data protection functions on 21 March 2025.",
            source="S",
            unverified=_NO_COMPLAINT_PAGE,
        ),
    ),
    appeal_unavailable="The LFPDPPP has no appeal step in our reference; contact the Secretaría.",
)

_PROVINCIAL_NOTE = (
    "Provincial laws treated as substantially similar govern organisations within the province; "
    "PIPEDA still covers information crossing provincial or national borders. The exemption "
    "orders are not in our reference, so both laws are cited (laws.md §7A.5)."
)
_PROVINCE_EXTENSION = Extension(
    None,
    "the province's Act",
    "a further period the organisation names",
    unverified="the extension's length is UNVERIFIED (laws.md §7A.5)",
)
AB_PERIOD = Period(45, "calendar days", "PIPA (Alberta) s.28")
AB_PIPA = Regime(
    code="ab-pipa",
    name="PIPA (Alberta)",
    title="Personal Information Protection Act, S.A. 2003, c. P-6.5 (Alberta)",
    places="country",
    calendar_country="CA",
    region="AB",
    pauses="unknown",
    rights={
        "access": _period_rule("access", "PIPA (Alberta) s.24", AB_PERIOD, _PROVINCE_EXTENSION),
        "correct": _period_rule("correct", "PIPA (Alberta) s.25", AB_PERIOD, _PROVINCE_EXTENSION),
    },
    not_granted={
        "delete": "Alberta's PIPA gives access and correction; our reference lists no right to deletion.",
        "object": "Alberta's PIPA lets you withdraw consent; our reference lists no general right to object.",
        "opt-out-sale": "Alberta's PIPA has no opt-out of sale.",
    },
    authorities=(
        Authority(
            "Office of the Information and Privacy Commissioner of Alberta",
            "CA",
            source="",
            unverified=_NO_COMPLAINT_PAGE,
        ),
    ),
    appeal_unavailable="Alberta's PIPA has no appeal step; ask the Commissioner for a review.",
    notes=(_PROVINCIAL_NOTE,),
)
BC_PERIOD = Period(
    30,
    "business days",
    "PIPA (British Columbia) s.29; s.1 ('day' excludes Saturdays and holidays)",
    rolls=True,
)
BC_PIPA = Regime(
    code="bc-pipa",
    name="PIPA (British Columbia)",
    title="Personal Information Protection Act, S.B.C. 2003, c. 63 (British Columbia)",
    places="country",
    calendar_country="CA",
    region="BC",
    pauses="unknown",
    rights={
        "access": _period_rule("access", "PIPA (BC) s.23", BC_PERIOD, _PROVINCE_EXTENSION),
        "correct": _period_rule("correct", "PIPA (BC) s.24", BC_PERIOD, _PROVINCE_EXTENSION),
    },
    not_granted={
        "delete": "British Columbia's PIPA gives access and correction; our reference lists no right to deletion.",
        "object": "British Columbia's PIPA lets you withdraw consent; our reference lists no general right to object.",
        "opt-out-sale": "British Columbia's PIPA has no opt-out of sale.",
    },
    authorities=(
        Authority(
            "Office of the Information and Privacy Commissioner for British Columbia",
            "CA",
            note="Ask for a review within 30 days of being told of the refusal.",
            source="S",
            unverified=_NO_COMPLAINT_PAGE,
        ),
    ),
    appeal_unavailable="British Columbia's PIPA has no appeal step; ask the Commissioner for a review.",
    roll_rule="Days exclude Saturdays and holidays (s.1), so the period is counted in working days.",
    notes=(_PROVINCIAL_NOTE,),
)

NEW_COUNTRY_REGIMES: Mapping[str, str] = {
    "JP": "appi",
    "KR": "kr-pipa",
    "NZ": "nz-privacy",
    "SG": "sg-pdpa",
    "IN": "in-dpdp",
    "TR": "tr-kvkk",
    "ZA": "za-popia",
    "AR": "ar-pdp",
    "MX": "mx-lfpdppp",
}
CANADIAN_PROVINCE_REGIMES: Mapping[str, str] = {"QC": "quebec", "AB": "ab-pipa", "BC": "bc-pipa"}


def _complete(regime: Regime) -> Regime:
    """Every right is granted or explained: rights our reference does not list under a regime get
    a plain reason (the original five are always explained by hand)."""
    missing = {
        right: f"Our reference lists no right to {RIGHT_LABELS[right]} under {regime.name}."
        for right in RIGHTS
        if right not in regime.rights and right not in regime.not_granted
    }
    return replace(regime, not_granted={**regime.not_granted, **missing}) if missing else regime


# --- Everyone else ------------------------------------------------------------------------------

NO_STATUTE = "no statutory deadline applies"

NONE = Regime(
    code="none",
    name="No statutory deadline",
    title="No privacy law with a response deadline covers this request",
    places="none",
    pauses="ignored",
    statutory=False,
    rights={right: RightRule(right, "", None, no_period_reason=NO_STATUTE) for right in RIGHTS},
    not_granted={},
    appeal_unavailable="No statute gives an appeal.",
)


REGIMES: Mapping[str, Regime] = {
    regime.code: _complete(regime)
    for regime in (
        GDPR,
        UK_GDPR,
        CCPA,
        *(_us_state_regime(state) for state in US_STATES),
        PIPEDA,
        QUEBEC,
        LGPD,
        FADP,
        AU_PRIVACY,
        APPI,
        KR_PIPA,
        NZ_PRIVACY,
        SG_PDPA,
        IN_DPDP,
        TR_KVKK,
        ZA_POPIA,
        AR_PDP,
        MX_LFPDPPP,
        AB_PIPA,
        BC_PIPA,
        NONE,
    )
}

US_STATE_REGIMES: Mapping[str, str] = {"CA": "ccpa"} | {
    state.region: f"us-{state.region.lower()}" for state in US_STATES
}
