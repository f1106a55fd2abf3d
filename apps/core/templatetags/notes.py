"""Research notes as a person reads them: ``{% include "partials/research_notes.html" %}``.

The deadlines engine's ``notes`` (and the letter's) keep the reference's own markers: points it
could not confirm say "UNVERIFIED" in capitals, and some cite laws.md's sections. Those markers
are for us. On a page the same sentence reads calmly: "not confirmed", with a small "Not
confirmed" label, and without pointers into our research files. The engine is not changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django import template

register = template.Library()

_UNVERIFIED = re.compile(r"\bUNVERIFIED\b")
# "(laws.md §2.4)", "(laws.md E7)", "(laws.md §3.3)": where in our research, not for readers.
_REFERENCE = re.compile(r"\s*\(laws\.md[^)]*\)")


@dataclass(frozen=True)
class Note:
    text: str
    unconfirmed: bool


@register.filter
def calm(text: str) -> str:
    """The sentence with "UNVERIFIED" as "not confirmed" and no pointers into laws.md."""
    calmer = _UNVERIFIED.sub("not confirmed", _REFERENCE.sub("", str(text)))
    calmer = re.sub(r"\s+([.,;:])", r"\1", calmer).strip()
    return calmer[:1].upper() + calmer[1:]


@register.filter
def as_note(text: str) -> Note:
    return Note(text=calm(text), unconfirmed=bool(_UNVERIFIED.search(str(text))))
