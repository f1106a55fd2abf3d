"""The complaint to a regulator: the company did not answer (or refused, or answered in part).
Plain Python, no models. The tracker passes the original letter, the timeline as dated lines,
the deadlines in force and the letters sent so far; the complaint states the facts in date
order, cites the provisions, lists the enclosed copies, and is addressed to the competent
authority:

    complaint_authorities(deadlines, recipient) -> tuple[Authority, ...]   # first = addressee
    compose_complaint(*, original, timeline, deadlines, authority, today, enclosures=(),
                      status_sentence="") -> Letter

Where to file (the authority's complaint page, its notes, what to check) comes from
``apps.deadlines`` (laws.md), never from here; it goes to ``Letter.notes`` and
``Letter.extra["authority"]`` for the page, not into the letter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from apps.deadlines import Authority, Deadline
from apps.deadlines.rules import SUPERVISORY_AUTHORITIES

from .content import Block, Letter, long_date
from .followup import deadline_lines

# Regimes whose complaints go to a supervisory authority where the lead authority may differ.
LEAD_AUTHORITY_REGIMES = frozenset({"gdpr"})


@dataclass(frozen=True)
class TimelineLine:
    """One fact of the complaint's chronology."""

    on: date
    text: str


def complaint_authorities(
    deadlines: Sequence[Deadline], recipient: object
) -> tuple[Authority, ...]:
    """Where the complaint can go, the addressee first: under the GDPR, the company's lead
    supervisory authority where the catalog knows it (``Recipient.lead_authority``), then the
    person's own and any other the engine names; elsewhere the authorities the deadline engine
    gives for the regime and place (ICO, CPPA/Attorney General, state Attorney General, OPC …)."""
    found: list[Authority] = []
    regimes = {d.regime for d in deadlines}
    lead = getattr(recipient, "lead_authority", "")
    lead_country = getattr(recipient, "lead_authority_country", "")
    if lead and regimes & LEAD_AUTHORITY_REGIMES:
        known = SUPERVISORY_AUTHORITIES.get(lead_country.upper())
        found.append(
            known
            if known is not None
            else Authority(
                lead,
                lead_country.upper(),
                note="The platform's lead supervisory authority, as our catalog records it.",
                source="",
                unverified="its complaint page is not in our reference",
            )
        )
    for deadline in deadlines:
        for authority in deadline.authorities:
            if all(authority.name != f.name for f in found):
                found.append(authority)
    return tuple(found)


def compose_complaint(
    *,
    original: Letter,
    timeline: Sequence[TimelineLine],
    deadlines: Sequence[Deadline],
    authority: Authority,
    today: date,
    enclosures: Sequence[str] = (),
    status_sentence: str = "",
) -> Letter:
    """A complaint about ``original``'s recipient to ``authority``. ``timeline``: what
    happened, in date order; ``enclosures``: the letters attached (described in words);
    ``status_sentence``: where things stand ("I have received no answer.")."""
    from apps.catalog.recipients import Recipient

    company = original.recipient
    who = company.legal_entity or company.name
    if company.legal_entity and company.name and company.name != company.legal_entity:
        who = f"{company.legal_entity} ({company.name})"
    blocks: list[Block] = [
        Block(
            text=(
                f"I wish to complain about {who}, which has not dealt with my request about my "
                "personal data as the law requires."
            )
        ),
        Block(
            text="What happened:",
            items=tuple(f"{long_date(line.on)}: {line.text}" for line in timeline),
        ),
    ]
    lines = deadline_lines(deadlines)
    if lines:
        blocks.append(Block(text="The deadlines the law set:", items=lines))
    if status_sentence:
        blocks.append(Block(text=status_sentence))
    blocks.append(
        Block(
            text=(
                "I ask you to examine my complaint and to require the company to answer my "
                "request in full. Please tell me what further information you need."
            )
        )
    )
    if enclosures:
        blocks.append(Block(text="Enclosed:", items=tuple(enclosures)))
    me = original.requester
    contact = [me.full_name]
    if me.postal_address:
        lines = (line.strip(" ,") for line in me.postal_address.splitlines())
        contact.append(", ".join(line for line in lines if line))
    if me.account_email:
        contact.append(me.account_email)
    blocks.append(Block(text="My details: " + ", ".join(c for c in contact if c) + "."))
    notes = [authority.note] if authority.note else []
    if authority.unverified:
        notes.append(f"Check this: {authority.unverified}.")
    return Letter(
        kind="complaint",
        subject=f"Complaint about {who}: request {original.reference} not answered",
        reference=original.reference,
        dated=today,
        recipient=Recipient(name=authority.name, country=authority.country),
        requester=original.requester,
        greeting="Dear Sir or Madam,",
        blocks=tuple(blocks),
        closing="Sincerely," if me.country.upper() in {"US", "CA"} else "Yours faithfully,",
        notes=tuple(notes),
        regimes=original.regimes,
        rights=original.rights,
        extra={"authority": authority},
    )
