"""The follow-up letter: a request went unanswered past its deadline (or the reply left things
out). Plain Python, no models: the tracker passes the original letter, the date it was sent and
the deadlines in force; the follow-up cites them and reuses every output of ``apps.letters``.

    compose_followup(*, original, sent_on, deadlines, today, answered_on=None,
                     incomplete=False) -> Letter

Every date and provision comes from the deadline engine (``Deadline.citation``, the dates it
computed), so the follow-up never states a deadline the request letter did not.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from apps.deadlines import Deadline

from .content import Block, Letter, long_date, weekday_date

RIGHT_WORDS = {
    "access": "access to my personal data",
    "delete": "erasure of my personal data",
    "object": "my objection to the use of my personal data (including for AI training)",
    "opt-out-sale": "opting out of the sale or sharing of my personal data",
    "correct": "correction of my personal data",
}


def deadline_lines(deadlines: Sequence[Deadline]) -> tuple[str, ...]:
    """One line per statutory deadline: the right, the provision, the date in force."""
    lines = []
    for deadline in deadlines:
        due = deadline.effective_due_on
        if due is None:
            continue
        what = RIGHT_WORDS.get(deadline.right, deadline.right)
        extended = " (as extended)" if deadline.extended else ""
        lines.append(f"{what}: due by {weekday_date(due)}{extended} ({deadline.citation})")
    return tuple(dict.fromkeys(lines))


def authority_names(deadlines: Sequence[Deadline]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a.name for d in deadlines for a in d.authorities))


def compose_followup(
    *,
    original: Letter,
    sent_on: date,
    deadlines: Sequence[Deadline],
    today: date,
    answered_on: date | None = None,
    incomplete: bool = False,
) -> Letter:
    """A follow-up to ``original`` (sent on ``sent_on``). ``incomplete``: the company replied on
    ``answered_on`` but did not answer in full; otherwise no answer came by the deadline."""
    lines = deadline_lines(deadlines)
    opening = (
        f"On {long_date(sent_on)} I sent you a request about my personal data, under the "
        f"reference {original.reference} and with the subject “{original.subject}”."
    )
    blocks: list[Block] = [Block(text=opening)]
    if incomplete and answered_on is not None:
        blocks.append(
            Block(
                text=(
                    f"Your reply of {long_date(answered_on)} does not answer everything I asked "
                    "for. Please complete it: answer each point of my request, and tell me "
                    "which parts you refuse and on what legal ground."
                )
            )
        )
    if lines:
        intro = (
            "The law required your answer by these dates:"
            if not incomplete
            else "The law required a full answer by these dates:"
        )
        blocks.append(Block(text=intro, items=lines))
        if not incomplete:
            blocks.append(
                Block(
                    text=(
                        f"As of today, {long_date(today)}, I have not received your answer, and "
                        "I have received no valid notice extending the deadline."
                    )
                )
            )
    elif not incomplete:
        blocks.append(
            Block(text=f"As of today, {long_date(today)}, I have not received your answer.")
        )
    blocks.append(
        Block(
            text=(
                "Please answer my request in full without further delay, and confirm in writing "
                "what you have done."
            )
        )
    )
    authorities = authority_names(deadlines)
    if authorities:
        blocks.append(
            Block(
                text=(
                    "If I do not receive a complete answer, I intend to complain to "
                    f"{_joined(authorities)}."
                )
            )
        )
    blocks.append(Block(text=f"Please quote the reference {original.reference} in your reply."))
    return Letter(
        kind="follow-up",
        subject=f"Follow-up: {original.subject}",
        reference=original.reference,
        dated=today,
        recipient=original.recipient,
        requester=original.requester,
        greeting="Dear privacy team,",
        blocks=tuple(blocks),
        closing="Sincerely,"
        if original.requester.country.upper() in {"US", "CA"}
        else ("Yours faithfully,"),
        regimes=original.regimes,
        rights=original.rights,
        notes=(
            ()
            if lines
            else ("No statute sets a deadline for this request: the letter cites none.",)
        ),
    )


def _joined(names: Sequence[str]) -> str:
    names = list(names)
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " or " + names[-1]
