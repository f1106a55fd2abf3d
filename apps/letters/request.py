"""The request letter: what the person asks for, on which legal grounds, by when.

:func:`compose_request` is plain Python: from the recipient, the rights, the regimes the deadline
engine found, the requester and today's date it writes the whole letter (subject, greeting,
body blocks, closing) and the notes the app shows beside it. Every output (text, ``mailto:``,
``.eml``, PDF) renders this one :class:`~apps.letters.content.Letter`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from apps.deadlines import get_regime

from .content import (
    Block,
    Letter,
    PolicyQuote,
    Requester,
    reference_for,
    usable_quotes,
    weekday_date,
)
from .laws import NOT_IN_REFERENCE, law_text, reply_within
from .plan import RequestPlan, plan_request

# The order rights appear in a letter: what to stop or remove first, then what to be told.
LETTER_ORDER = ("object", "delete", "opt-out-sale", "access", "correct")

HEADINGS = {
    "object": "Stop using my data for AI training",
    "delete": "Delete my data",
    "opt-out-sale": "Stop selling or sharing my data",
    "access": "Tell me what you hold about me and give me a copy",
    "correct": "Correct my data",
}
SUBJECT_WORDS = {
    "object": "stop using my data for AI training",
    "delete": "delete my data",
    "opt-out-sale": "stop selling or sharing my data",
    "access": "access to my data",
    "correct": "correct my data",
}
ASKS = {
    "object": (
        "I do not want my personal data (my prompts, conversations, uploads and anything you "
        "generated for me) used to train, fine-tune or otherwise develop your AI models. "
        "Please stop using it for that purpose."
    ),
    "delete": (
        "Please delete all personal data you hold about me, including my prompts, "
        "conversations, uploads, the content you generated for me and my account data."
    ),
    "opt-out-sale": (
        "Please stop selling my personal data and stop sharing it with third parties."
    ),
    "access": (
        "Please confirm whether you hold personal data about me and, if you do, give me a copy "
        "of it, including my prompts, conversations and uploads, and tell me whether any of it "
        "has been used to train AI models."
    ),
    "correct": (
        "Some of the personal data you hold about me is inaccurate or incomplete, as described "
        "below."
    ),
}
TRAINING_QUESTIONS = (
    "which legal basis you rely on to use my data for training;",
    "whether my data that has already been used for training will be removed from your "
    "training datasets, and when;",
    "what happens to AI models already trained on my data: whether they will be retrained or "
    "otherwise changed, and what you do to stop them reproducing my data;",
    "whether my choice covers all your products and services.",
)

if TYPE_CHECKING:
    from apps.catalog.recipients import Recipient

# Which catalog topics a quotation may come from, per right (most useful first).
QUOTE_TOPICS = {
    "object": ("opt-out", "training-inputs", "training-outputs"),
    "delete": ("deletion", "retention"),
    "opt-out-sale": ("sharing",),
    "access": (),
    "correct": (),
}
MAX_QUOTES = 2
US_STYLE = frozenset({"US", "CA"})


def compose_request(
    *,
    recipient: Recipient,
    rights: Sequence[str],
    regimes: Sequence[str],
    requester: Requester,
    today: date,
    company_country: str | None = None,
    quotes: Sequence[PolicyQuote] = (),
) -> Letter:
    """The request letter. ``regimes``: :func:`apps.deadlines.applicable_regimes` for the
    requester (strongest first); ``today``: the date the letter is written, taken as the day the
    company receives it for the dates it states (each is said to count from receipt)."""
    ordered = tuple(r for r in LETTER_ORDER if r in rights)
    plan = plan_request(
        ordered,
        regimes,
        today,
        country=requester.country,
        region=requester.region,
        company_country=company_country,
    )
    cited = cited_regimes(plan)
    chosen_quotes = _quotes(ordered, quotes)
    blocks: list[Block] = [_opening(recipient, cited)]
    for n, right in enumerate(ordered, 1):
        blocks += _right_blocks(n, right, plan, requester)
    if "object" in ordered:
        blocks.append(
            Block(text="About AI training, please also tell me:", items=TRAINING_QUESTIONS)
        )
    blocks += _quote_blocks(chosen_quotes, statutory=bool(cited))
    blocks.append(Block(text=_deadlines(plan, cited, today)))
    blocks.append(Block(text=_identity(requester, cited)))
    blocks.append(_identifiers(requester))
    reference = reference_for(
        recipient.name,
        recipient.legal_entity,
        ordered,
        plan.regimes,
        requester.identifiers(),
        today,
    )
    blocks.append(Block(text=f"Please quote the reference {reference} in your reply."))
    return Letter(
        kind="request",
        subject=_subject(ordered, cited, reference),
        reference=reference,
        dated=today,
        recipient=recipient,
        requester=requester,
        greeting="Dear privacy team,",
        blocks=tuple(blocks),
        closing="Sincerely," if requester.country.upper() in US_STYLE else "Yours faithfully,",
        notes=_notes(plan, cited),
        regimes=plan.regimes,
        rights=ordered,
        extra={"plan": plan, "quotes": chosen_quotes, "cited": cited},
    )


def _opening(recipient: Recipient, cited: tuple[str, ...]) -> Block:
    about = "I am writing about the personal data you hold about me"
    if not recipient.is_custom:
        about += f" as a user of {recipient.name}"
    if cited:
        laws = [law_text(code).name for code in cited]
        joined = laws[0] if len(laws) == 1 else ", ".join(laws[:-1]) + " and " + laws[-1]
        return Block(text=f"{about}, to exercise my rights under {joined}.")
    return Block(
        text=(
            f"{about}. I am not relying on a privacy law that sets you a deadline here: I ask "
            "you to honour the choices your own policies give me."
        )
    )


def _right_blocks(n: int, right: str, plan: RequestPlan, requester: Requester) -> list[Block]:
    with_object = "object" in plan.rights
    grounds = [
        law_text(g.regime).exercise(g, with_object=with_object) for g in plan.grounds_for(right)
    ]
    sentences = [ASKS[right], *(s for s in dict.fromkeys(grounds) if s)]
    blocks = [Block(text=f"{n}. {HEADINGS[right]}. " + " ".join(sentences))]
    if right == "correct" and requester.correction:
        blocks.append(Block(text=f"What is wrong, and what it should say:\n{requester.correction}"))
    return blocks


def _quotes(rights: tuple[str, ...], quotes: Sequence[PolicyQuote]) -> tuple[PolicyQuote, ...]:
    usable = usable_quotes(list(quotes))
    chosen: list[PolicyQuote] = []
    for right in rights:
        for topic in QUOTE_TOPICS[right]:
            for quote in usable:
                if quote.topic == topic and quote not in chosen and len(chosen) < MAX_QUOTES:
                    chosen.append(quote)
    return tuple(chosen)


def _quote_blocks(quotes: tuple[PolicyQuote, ...], *, statutory: bool) -> list[Block]:
    blocks = []
    for i, quote in enumerate(quotes):
        text = (
            f"In your own words, from “{quote.source_title}”:"
            if i == 0
            else (f"And from “{quote.source_title}”:")
        )
        if i == 0 and not statutory:
            text = f"I rely on what you have published. {text}"
        blocks.append(Block(text=text, quote=" ".join(quote.text.split()), source=quote.source_url))
    return blocks


def _deadlines(plan: RequestPlan, cited: tuple[str, ...], today: date) -> str:
    sentences = []
    for code in cited:
        deadlines = plan.deadlines_under(code)
        if deadlines:
            sentence = law_text(code).deadline(code, deadlines, today, plan.rights)
            if sentence:
                sentences.append(sentence)
    if plan.courtesy:
        courtesy = min(d.courtesy_reply_by for d in plan.courtesy.values() if d.courtesy_reply_by)
        if any(weekday_date(courtesy) in sentence for sentence in sentences):
            sentences.append(
                "No law sets a period for the rest of this request; please answer it by the "
                "same date."
            )
        elif sentences:
            sentences.append(
                "No law sets a period for the rest of this request; please reply "
                f"{reply_within(30, today, courtesy)}."
            )
        else:
            sentences.append(f"Please reply {reply_within(30, today, courtesy)}.")
    sentences.append(
        "Please confirm in writing what you have done about each part of this request."
    )
    return " ".join(sentences)


def _identity(requester: Requester, cited: tuple[str, ...]) -> str:
    text = (
        "The details below identify me and my account. If you need more to confirm my "
        "identity, please ask only for what is necessary"
    )
    prefixes = [p for code, p in (("gdpr", "GDPR"), ("uk-gdpr", "UK GDPR")) if code in cited]
    if prefixes:
        text += f" (Art. 12(6) {prefixes[0]})"
    text += "."
    if requester.account_email:
        text += f" Please send your reply to {requester.account_email}."
    return text


def _identifiers(requester: Requester) -> Block:
    items = [f"Name: {requester.full_name}"]
    if requester.account_email:
        items.append(f"Email address of my account: {requester.account_email}")
    if requester.username:
        items.append(f"Username or account ID: {requester.username}")
    return Block(text="Details to identify me:", items=tuple(items))


def _subject(rights: tuple[str, ...], cited: tuple[str, ...], reference: str) -> str:
    names = [get_regime(code).name for code in cited]
    law = " and ".join(names) + " request" if names else "Privacy request"
    asked = ", ".join(SUBJECT_WORDS[r] for r in rights)
    return f"{law}: {asked} (ref. {reference})"


def cited_regimes(plan: RequestPlan) -> tuple[str, ...]:
    """The regimes the letter cites: those at least one right rests on."""
    return tuple(
        code for code in plan.regimes if any(g.basis != "policy" for g in plan.grounds_under(code))
    )


def plan_notes(plan: RequestPlan) -> tuple[str, ...]:
    """The notes shown beside a letter, recomputed from its plan (for a saved request)."""
    return _notes(plan, cited_regimes(plan))


def _notes(plan: RequestPlan, cited: tuple[str, ...]) -> tuple[str, ...]:
    """What the app shows beside the letter: why a right became another, what the letter
    could not cite, and every point the reference marks as unverified."""
    notes: list[str] = []
    for g in plan.grounds:
        if g.basis == "mapped" and g.reason:
            notes.append(f"{get_regime(g.regime).name}: {g.reason}")
        if g.basis == "policy" and g.reason:
            notes.append(f"{get_regime(g.regime).name}: {g.reason}")
    for code in cited:
        for rule in get_regime(code).rights.values():
            if NOT_IN_REFERENCE in rule.citation:
                notes.append(
                    f"The letter names {law_text(code).name} without a section number: our "
                    "reference does not give it. Check the statute before you rely on it."
                )
                break
    if not plan.statutory:
        notes.append(
            "No statutory deadline applies to this request. The letter asks for a reply within "
            "30 days: a courtesy date, not a legal deadline."
        )
    for deadline in plan.deadlines.values():
        notes += deadline.notes
    return tuple(dict.fromkeys(notes))
