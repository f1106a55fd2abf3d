"""The values a letter is made of, shared by every kind of letter (request now; follow-up and
complaint in issue 6) and by every output (text, ``mailto:``, ``.eml``, PDF)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

if TYPE_CHECKING:
    from apps.catalog.recipients import Recipient

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Countries whose paper is US Letter; everyone else gets A4.
LETTER_PAPER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "CR"})


def long_date(day: date) -> str:
    """``31 January 2026``: unambiguous wherever the letter is read."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def weekday_date(day: date) -> str:
    """``Monday 2 March 2026``, for deadlines."""
    return f"{WEEKDAYS[day.weekday()]} {long_date(day)}"


def paper_size(country: str) -> Literal["A4", "Letter"]:
    return "Letter" if country.upper() in LETTER_PAPER_COUNTRIES else "A4"


@dataclass(frozen=True)
class Requester:
    """The person writing, and what identifies them to the company. Only ``full_name`` is
    required; ``correction`` says what to correct (for a correction request)."""

    full_name: str
    account_email: str = ""
    username: str = ""
    postal_address: str = ""
    country: str = ""
    region: str = ""
    correction: str = ""

    IDENTIFIER_FIELDS = ("full_name", "account_email", "username", "postal_address", "correction")

    def identifiers(self) -> dict[str, str]:
        """What was given, and nothing else (stored on a saved request)."""
        return {name: getattr(self, name) for name in self.IDENTIFIER_FIELDS if getattr(self, name)}

    @classmethod
    def from_identifiers(
        cls, identifiers: dict[str, Any], *, country: str = "", region: str = ""
    ) -> Requester:
        values = {k: str(v) for k, v in identifiers.items() if k in cls.IDENTIFIER_FIELDS}
        return cls(**{"full_name": "", **values}, country=country, region=region)


@dataclass(frozen=True)
class PolicyQuote:
    """A clause from the platform's own document, as the catalog records it. Only grade ``P``
    (the company's own words) may appear in a letter; see :func:`usable_quotes`."""

    topic: str
    text: str
    source_title: str
    source_url: str = ""
    grade: str = "P"
    source_grade: str = "P"

    @property
    def is_primary(self) -> bool:
        return self.grade == "P" and self.source_grade == "P" and bool(self.text.strip())


def usable_quotes(quotes: tuple[PolicyQuote, ...] | list[PolicyQuote]) -> tuple[PolicyQuote, ...]:
    """Primary quotes only, each text once: a secondary, ConductAtlas or unverified quote is
    never presented as the platform's words."""
    seen: set[str] = set()
    out = []
    for quote in quotes:
        key = " ".join(quote.text.split())
        if quote.is_primary and key not in seen:
            seen.add(key)
            out.append(quote)
    return tuple(out)


@dataclass(frozen=True)
class Block:
    """One part of a letter's body: a paragraph, a list of ``items`` (introduced by ``text``
    when given) or a quotation (``quote`` with its ``source``)."""

    text: str = ""
    items: tuple[str, ...] = ()
    numbered: bool = False
    quote: str = ""
    source: str = ""

    def as_text(self) -> str:
        lines = [self.text] if self.text else []
        for n, item in enumerate(self.items, 1):
            lines.append(f"{n}. {item}" if self.numbered else f"- {item}")
        if self.quote:
            lines.append(f"“{self.quote}”")
            if self.source:
                lines.append(f"({self.source})")
        return "\n".join(lines)


@dataclass(frozen=True)
class Letter:
    """A finished letter: everything every output needs, and nothing computed later."""

    kind: str
    subject: str
    reference: str
    dated: date
    recipient: Recipient
    requester: Requester
    greeting: str
    blocks: tuple[Block, ...]
    closing: str
    # Shown next to the letter in the app (never in it): what to check, what rests on no law.
    notes: tuple[str, ...] = ()
    regimes: tuple[str, ...] = ()
    rights: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    # A letter rebuilt from a saved request carries its exact stored text instead of blocks.
    stored_body: str = ""

    @property
    def body(self) -> str:
        """The exact text of the letter (stored, hashed, emailed, printed)."""
        if self.stored_body:
            return self.stored_body
        parts = [self.greeting, *(b.as_text() for b in self.blocks), self.closing]
        return "\n\n".join(parts) + f"\n{self.requester.full_name}\n"

    @property
    def text(self) -> str:
        return f"Subject: {self.subject}\n\n{self.body}"

    @property
    def body_sha256(self) -> str:
        return body_sha256(self.body)

    @property
    def paper(self) -> Literal["A4", "Letter"]:
        return paper_size(self.requester.country)


def stored_letter(
    *,
    kind: str,
    subject: str,
    body: str,
    reference: str,
    dated: date,
    recipient: Recipient,
    requester: Requester,
) -> Letter:
    """A letter rebuilt from its saved text: every output renders exactly that text."""
    return Letter(
        kind=kind,
        subject=subject,
        reference=reference,
        dated=dated,
        recipient=recipient,
        requester=requester,
        greeting="",
        blocks=(),
        closing="",
        stored_body=body,
    )


def body_sha256(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def reference_for(*parts: object) -> str:
    """A short reference the company can quote back (``RD-20260131-4F2A``), the same for the
    same request on the same day, so every output of one letter carries one reference."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    day = next((p for p in parts if isinstance(p, date)), None)
    stamp = day.strftime("%Y%m%d") if day else "0"
    return f"RD-{stamp}-{digest[:4].upper()}"
