"""One coding for one meaning: the rules every catalog answer follows.

A provision answers its topic's question with a value (yes, no, partly…), says what that means
for the person (the verdict) and how sure the catalog is (the confidence, shown as a badge).
The same claim must be coded the same way on every platform, or the comparison tables lie:
"kept as long as necessary, no fixed period" cannot be a "No" on one platform and a "Partly"
on the next. These rules say, per topic:

- which **claims** (recognised by their wording in the reading or the quote) force a value and
  a verdict: ``CLAIMS``;
- otherwise, which verdict each value carries: ``VERDICTS``;
- which confidence each grade allows, and when a primary answer is only "medium": when it is an
  inference (the reading says so: "Probably", "Apparently", "as far as stated"…), read in a
  translation, or unclear (value ``unknown``/``not_documented`` read from a primary document);
- which badge the pages show beside the answer: :func:`badge`.

Plain Python, no database: ``tests/catalog/test_coding.py`` holds every catalog file to
:func:`problems`, and the pages take their badges from :func:`badge`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import vocabulary as v

# --- Verdicts ------------------------------------------------------------------------------------

# "Yes" is bad for you: it trains on your data, it is public, people read it, it is shared.
_YES_IS_BAD = {
    "yes": "high",
    "partial": "medium",
    "no": "good",
    "unknown": "unknown",
    "not_documented": "unknown",
    "not_applicable": "good",
}
# "Yes" is good for you: you can opt out, you can delete.
_YES_IS_GOOD = {
    "yes": "good",
    "partial": "medium",
    "no": "high",
    "unknown": "unknown",
    "not_documented": "unknown",
    "not_applicable": "good",
}

VERDICTS: Mapping[str, Mapping[str, str]] = {
    "training-inputs": _YES_IS_BAD,
    "training-outputs": _YES_IS_BAD,
    "public-by-default": _YES_IS_BAD,
    # A private option you have to choose (often on a paid plan) lowers the risk; private by
    # default is good (a claim below). Nothing public at all: nothing to hide from.
    "private-generation": {
        "yes": "low",
        "partial": "medium",
        "no": "high",
        "unknown": "unknown",
        "not_documented": "unknown",
        "not_applicable": "low",
    },
    "opt-out": _YES_IS_GOOD,
    # Any retention that is stated (30 days, 5 years) or not (as long as needed) leaves your data
    # with them for a while: the difference is in the reading, not the risk level.
    "retention": {
        "yes": "medium",
        "partial": "medium",
        "no": "medium",
        "unknown": "unknown",
        "not_documented": "unknown",
        "not_applicable": "low",
    },
    "human-review": _YES_IS_BAD,
    # Passing data to vendors and service providers is ordinary; it is still your data elsewhere.
    "sharing": {
        "yes": "medium",
        "partial": "medium",
        "no": "good",
        "unknown": "unknown",
        "not_documented": "unknown",
        "not_applicable": "good",
    },
    "deletion": _YES_IS_GOOD,
    # A licence to run and improve the service is "medium"; a perpetual or irrevocable one is
    # "high" (a claim below).
    "content-licence": {
        "yes": "medium",
        "partial": "medium",
        "no": "good",
        "unknown": "unknown",
        "not_documented": "unknown",
        "not_applicable": "good",
    },
}


@dataclass(frozen=True)
class Claim:
    """A meaning recognised by its wording, and the one coding it gets everywhere."""

    key: str
    topic: str
    meaning: str  # what the claim says, in the catalog's words
    pattern: re.Pattern[str]  # searched in the reading and the quote
    value: str
    verdict: str
    values: tuple[str, ...] = ()  # only provisions with one of these values (empty: any)
    ignore: re.Pattern[str] | None = None  # wording removed before matching (negations)


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(alternatives), re.IGNORECASE)


CLAIMS: tuple[Claim, ...] = (
    Claim(
        "no-fixed-period",
        "retention",
        "Kept as long as necessary (or as long as it decides it needs), with no fixed period",
        _words(
            r"(?:as|so) long as (?:it is |is )?(?:reasonably )?"
            r"(?:necessary|needed|we need|it (?:decides it )?needs)",
            r"as long as it decides",
            # "where we have an ongoing legitimate business need", "while it has a need for it"
            r"(?:while|where) (?:we|it) ha(?:ve|s) an? (?:ongoing )?(?:legitimate )?(?:business )?need",
            r"no fixed period",
        ),
        value="no",
        verdict="medium",
    ),
    Claim(
        "perpetual-licence",
        "content-licence",
        "A perpetual or irrevocable licence over what you put in or make",
        _words(r"\bperpetual\b", r"\birrevocable\b"),
        value="yes",
        verdict="high",
    ),
    Claim(
        "private-by-default",
        "private-generation",
        "What you make is private by default (it stays private unless you share it)",
        _words(
            r"\bby default\b",
            r"highest privacy setting",
            r"stays? private unless you",
            r"private unless you (?:choose to )?share",
        ),
        value="yes",
        verdict="good",
        values=("yes",),
    ),
    Claim(
        "shared-with-advertisers-or-trainers",
        "sharing",
        "Shared with advertisers or advertising partners, or with others who train AI on it",
        _words(
            r"\badvertising (?:and analytics )?partners\b",
            r"\badvertisers\b",
            r"content and research partners",
            r"(?:who|which|that) (?:may )?train (?:their|its) own",
            r"including (?:to )?AI platforms",
        ),
        value="yes",
        verdict="high",
        values=("yes",),
        # "it does not send your prompts to advertisers" says the opposite; aggregate statistics or
        # anonymous information given to advertisers are not your data
        ignore=_words(
            r"\b(?:not|never)\b[^.;]*",
            r"\b(?:aggregated?|anonymous|anonymi[sz]ed|de-identified)\b(?:\s+[\w-]+){0,4}\s+"
            r"(?:with|to)\s+(?:advertisers|advertising partners)\b",
        ),
    ),
)
CLAIMS_BY_TOPIC: dict[str, tuple[Claim, ...]] = {
    t.key: tuple(c for c in CLAIMS if c.topic == t.key) for t in v.TOPICS
}

# --- Confidence ----------------------------------------------------------------------------------

# Words that make an answer an inference from the document, not its plain statement.
HEDGES = _words(
    r"\bprobably\b",
    r"\bapparently\b",
    r"\bpossibly\b",
    r"\bunclear\b",
    r"\bit seems\b",
    r"\bsuggests?\b",
    r"\bimplies\b",
    r"\bour reading\b",
    r"as far as (?:stated|found|it says)",
    r"(?:secondary sources?|a third party|third-party guide|according to a)",
)
# Read in a translation of the document: the words are not the original's (reading or note).
TRANSLATED = _words(
    r"\btranslat\w*", r"\b(?:Chinese|French|Filipino|Hindi|zh-CN)(?:-language)? copy\b"
)
UNSURE_VALUES = frozenset({"unknown", "not_documented"})


def allowed_confidence(grade: str, value: str, reading: str, note: str = "") -> str:
    """The one confidence a provision may have, from its grade, value, reading and note."""
    if grade in v.WEAK_GRADES or grade == "NOT_FOUND":
        return "low"
    if value in UNSURE_VALUES or HEDGES.search(reading) or TRANSLATED.search(f"{reading} {note}"):
        return "medium"
    return "high"


# --- Checking -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Coding:
    value: str
    verdict: str
    confidence: str
    claim: Claim | None = None


def claim_of(provision: Mapping[str, Any]) -> Claim | None:
    """The claim a provision makes, recognised by its wording (the first that matches)."""
    text = " ".join((provision.get("reading") or "", provision.get("quote") or ""))
    for claim in CLAIMS_BY_TOPIC.get(provision["topic"], ()):
        if claim.values and provision["value"] not in claim.values:
            continue
        said = claim.ignore.sub(" ", text) if claim.ignore else text
        if claim.pattern.search(said):
            return claim
    return None


def expected(provision: Mapping[str, Any]) -> Coding:
    """How the rules code this provision (its value is kept unless a claim fixes it)."""
    claim = claim_of(provision)
    value = claim.value if claim else provision["value"]
    verdict = claim.verdict if claim else VERDICTS[provision["topic"]][value]
    confidence = allowed_confidence(
        provision["grade"], value, provision.get("reading") or "", provision.get("note") or ""
    )
    return Coding(value=value, verdict=verdict, confidence=confidence, claim=claim)


def problems(provision: Mapping[str, Any]) -> list[tuple[str, str]]:
    """[(field, message)] where the provision disagrees with the rules; [] when it follows them."""
    want = expected(provision)
    why = f" ({want.claim.meaning})" if want.claim else ""
    out = []
    for name in ("value", "verdict", "confidence"):
        if provision[name] != getattr(want, name):
            out.append(
                (
                    name,
                    f"is {provision[name]!r} but the rules code this answer {getattr(want, name)!r}"
                    f"{why}",
                )
            )
    return out


def file_problems(data: Mapping[str, Any]) -> list[str]:
    """Every rule a catalog file's provisions break, as 'provisions[i].field: message'."""
    return [
        f"provisions[{i}].{name}: {message}"
        for i, provision in enumerate(data["provisions"])
        for name, message in problems(provision)
    ]


# --- Badges -------------------------------------------------------------------------------------

BADGES: dict[str, str] = {
    "inferred": "Inferred",
    "unconfirmed": "Unconfirmed",
}
BADGE_HELP: dict[str, str] = {
    "inferred": "Our reading of the platform's own document, which does not say it in so many words.",
    "unconfirmed": "Rests on a secondary source, ConductAtlas or nothing we could verify.",
}


def badge(confidence: str, grade: str) -> str:
    """The badge beside an answer: "unconfirmed" (low confidence), "inferred" (medium), or ""
    (high confidence; and "Not documented" answers, which say so themselves)."""
    if grade == "NOT_FOUND":
        return ""
    if confidence == "low":
        return "unconfirmed"
    if confidence == "medium":
        return "inferred"
    return ""
