"""The statutory rules as data: regime → rights → periods, extensions, acknowledgements, pauses,
holiday calendars, citations and the authority to complain to.

Every fact here comes from ``/work/shared/reference/laws.md`` (section numbers in the comments).
Where laws.md marks something UNVERIFIED or secondary, the rule carries that text in an
``unverified`` field so the engine can show it and the UI can say "check this". No URL, address
or citation is added that laws.md does not give.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from apps.deadlines.counting import months_phrase

Right = Literal["access", "delete", "object", "opt-out-sale", "correct"]
RIGHTS: tuple[Right, ...] = ("access", "delete", "object", "opt-out-sale", "correct")
RIGHT_LABELS: Mapping[str, str] = {
    "access": "access",
    "delete": "deletion",
    "object": "objection",
    "opt-out-sale": "opt-out of sale or sharing",
    "correct": "correction",
}

Unit = Literal["months", "calendar days", "business days"]

# How a regime finds its holiday calendars (see engine._calendars).
Places = Literal[
    "eea-state", "uk", "california", "us-state", "canada", "quebec", "brazil", "switzerland",
    "australia", "none",
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

    def grants(self, right: str) -> bool:
        return right in self.rights

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
                }
                for right, rule in self.rights.items()
            },
            "not_granted": dict(self.not_granted),
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
    },
    not_granted={
        "opt-out-sale": (
            "The GDPR has no separate opt-out of sale; object (Art. 21) or withdraw consent "
            "(Art. 7(3)) instead."
        ),
    },
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
    notes=(
        "No statutory acknowledgement deadline for rights requests (UNVERIFIED for the "
        "post-DUAA text).",
    ),
)


# --- California CCPA/CPRA (laws.md §3) ----------------------------------------------------------

CCPA_PERIOD = Period(45, "calendar days", "Cal. Civ. Code §1798.130(a)(2)(A); 11 CCR §7021(b)")
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
        ),
    },
    not_granted={
        "object": (
            "The CCPA has no general right to object (e.g. to AI training); use delete or "
            "opt-out-sale instead."
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
    roll_note=(
        "if Gov. Code §6800 / Code Civ. Proc. §§12, 12a carry a deadline that ends on a weekend "
        "or holiday to the next business day (UNVERIFIED for the CCPA)"
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
        roll_note="if Va. Code §1-210 applies (from memory in our reference; UNVERIFIED)",
    ),
    _State(
        "CO",
        "Colorado",
        "Colorado Privacy Act (CPA)",
        "C.R.S. §6-1-1306(1)",
        appeal_days=45,
        appeal_extension=60,
        source="S",
    ),
    _State(
        "CT",
        "Connecticut",
        "Connecticut Data Privacy Act (CTDPA)",
        "Conn. Gen. Stat. §42-518(c)",
    ),
    _State(
        "UT",
        "Utah",
        "Utah Consumer Privacy Act (UCPA)",
        "Utah Code §13-61-203",
        appeal_days=None,
    ),
    _State(
        "TX",
        "Texas",
        "Texas Data Privacy and Security Act (TDPSA)",
        "Tex. Bus. & Com. Code §541.052",
        appeal_unverified="§541.053, 60 days: UNVERIFIED (laws.md §5)",
        roll_note="if Tex. Gov't Code §311.014 applies (from memory in our reference; UNVERIFIED)",
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
        extension_unverified="the 45-day extension is UNVERIFIED (laws.md §5)",
        source="S",
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
        )
        for region, name in (
            ("MT", "Montana"),
            ("NE", "Nebraska"),
            ("DE", "Delaware"),
            ("NH", "New Hampshire"),
            ("NJ", "New Jersey"),
            ("TN", "Tennessee"),
            ("MN", "Minnesota"),
            ("MD", "Maryland"),
            ("IN", "Indiana"),
            ("KY", "Kentucky"),
            ("FL", "Florida"),
        )
    ),
    _State(
        "RI",
        "Rhode Island",
        "Rhode Island Data Transparency and Privacy Protection Act (RIDTPPA)",
        "RIDTPPA (section not in our reference)",
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
    period = Period(state.days, "calendar days", state.citation, unverified=unverified_source)
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
    rights = {
        right: RightRule(right, state.citation, period, extension, unverified=_US_RIGHTS_UNVERIFIED)
        for right in ("access", "delete", "correct", "opt-out-sale")
    }
    appeal = None
    if state.appeal_days:
        appeal_period = Period(
            state.appeal_days,
            "calendar days",
            f"{state.citation} (appeal)",
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
        if "(" in state.law
        else f"{state.name} privacy law",
        title=state.law,
        places="us-state",
        pauses="unknown",
        region=state.region,
        rights=rights,
        not_granted={"object": _US_NO_OBJECT},
        authorities=(authority,),
        appeal=appeal,
        appeal_unavailable=(
            ""
            if appeal
            else f"{state.name}'s law gives no appeal; complain to the Attorney General."
        ),
        roll_note=state.roll_note
        or "if a state rule carries a deadline that ends on a weekend or holiday to the next business day (UNVERIFIED)",
        notes=("No statutory acknowledgement deadline in our reference.",),
    )


# --- Canada (laws.md §4) ------------------------------------------------------------------------

PIPEDA_PERIOD = Period(
    30,
    "calendar days",
    "PIPEDA s.8(3)",
    rolls=True,
    unverified=(
        "Interpretation Act: a last day on a holiday (Sundays included) moves to the next day; "
        "that Saturday is not a holiday is UNVERIFIED"
    ),
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
            Period(15, "calendar days", "LGPD Art. 19(II)"),
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
    roll_note="if Brazilian Civil Code art. 132 moves a deadline off a weekend or holiday (UNVERIFIED)",
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
    regime.code: regime
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
        NONE,
    )
}

US_STATE_REGIMES: Mapping[str, str] = {"CA": "ccpa"} | {
    state.region: f"us-{state.region.lower()}" for state in US_STATES
}
