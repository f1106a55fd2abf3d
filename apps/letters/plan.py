"""Which legal ground each requested right rests on, under each regime, and the dates that follow.

A person asks for rights in plain words ("stop training on my data", "delete my data"…); each
regime that covers them grants some of those rights directly, grants a neighbouring right that
does the job (the CCPA has no general objection, so a training opt-out becomes deletion plus the
opt-out of sale and sharing), or grants nothing, in which case the request rests on the
platform's own promises. :func:`plan_request` works that out and computes, with the deadline
engine, every date the company must meet, counted from the day it receives the request.

The tracker (issue 6) calls :func:`plan_request` with the stored inputs to recompute the same
dates the letter states, so the letter and the tracker never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from apps.deadlines import RIGHTS, Deadline, compute_deadline, get_regime
from apps.deadlines.rules import RIGHT_LABELS

Basis = Literal["granted", "mapped", "policy"]

# A right a regime does not grant, and the granted rights that do its job there (in order).
# Only where the reference (laws.md) says so: §3.2 and §5 (US: delete plus the opt-outs), §4.1
# (PIPEDA: withdraw consent), §1.1/§2.1 (GDPR/UK: object or withdraw consent instead of an
# opt-out of sale), §6 (LGPD: object or revoke consent), §7.1 (FADP: object).
SUBSTITUTES: dict[str, tuple[str, ...]] = {
    "object": ("delete", "opt-out-sale"),
    "opt-out-sale": ("object",),
    "delete": ("object",),
}


@dataclass(frozen=True)
class Ground:
    """How ``right`` is exercised under ``regime``: ``granted`` (the right itself), ``mapped``
    (through ``effective`` rights the regime grants, ``reason`` says why) or ``policy`` (the
    regime gives nothing usable: the request rests on the company's own commitments)."""

    regime: str
    right: str
    basis: Basis
    effective: tuple[str, ...] = ()
    reason: str = ""


@dataclass
class DeadlineLine:
    deadline: Deadline
    rights: list[str]


@dataclass(frozen=True)
class RequestPlan:
    rights: tuple[str, ...]
    regimes: tuple[str, ...]
    received_on: date
    grounds: tuple[Ground, ...]
    # (regime, effective right) → its deadline, for every ground that is granted or mapped.
    deadlines: dict[tuple[str, str], Deadline] = field(default_factory=dict)
    # Requested rights no cited regime grants in any form: the courtesy reply date applies.
    courtesy: dict[str, Deadline] = field(default_factory=dict)

    @property
    def regime(self) -> str:
        """The regime whose deadline the tracker follows: the first (strongest) cited regime
        that sets a statutory date for any part of the request; else the first one the request
        rests on at all; else the first regime."""
        for code in self.regimes:
            if any(d.due_on for (r, _), d in self.deadlines.items() if r == code):
                return code
        for code in self.regimes:
            if any(r == code for (r, _) in self.deadlines):
                return code
        return self.regimes[0]

    @property
    def statutory(self) -> bool:
        return any(d.due_on for d in self.deadlines.values())

    def grounds_for(self, right: str) -> tuple[Ground, ...]:
        return tuple(g for g in self.grounds if g.right == right)

    def grounds_under(self, regime: str) -> tuple[Ground, ...]:
        return tuple(g for g in self.grounds if g.regime == regime)

    def deadlines_under(self, regime: str) -> list[Deadline]:
        return [d for (r, _), d in self.deadlines.items() if r == regime]

    @property
    def due_on(self) -> date | None:
        """The earliest statutory date under the governing regime (None: no statute)."""
        dates = [d.due_on for d in self.deadlines_under(self.regime) if d.due_on]
        return min(dates) if dates else None

    @property
    def reply_by(self) -> date:
        """The date the letter asks the company to answer by: the earliest statutory date under
        the governing regime, else the earliest courtesy date."""
        if self.due_on:
            return self.due_on
        dates = [
            d.courtesy_reply_by
            for d in [*self.deadlines.values(), *self.courtesy.values()]
            if d.courtesy_reply_by
        ]
        return min(dates)

    def summary(self) -> list[DeadlineLine]:
        """The governing deadlines for a page: rights that share a date on one line."""
        lines: dict[tuple, DeadlineLine] = {}
        for deadline in self.governing:
            key = (deadline.regime, deadline.due_on, deadline.courtesy_reply_by)
            if key in lines:
                lines[key].rights.append(RIGHT_LABELS.get(deadline.right, deadline.right))
            else:
                lines[key] = DeadlineLine(
                    deadline=deadline, rights=[RIGHT_LABELS.get(deadline.right, deadline.right)]
                )
        return list(lines.values())

    @property
    def governing(self) -> list[Deadline]:
        """The deadlines of the governing regime, earliest first (the tracker's dates)."""
        found = self.deadlines_under(self.regime) or list(self.courtesy.values())
        return sorted(found, key=lambda d: d.due_on or d.courtesy_reply_by or d.received_on)


def ground(
    regime_code: str, right: str, cited: Sequence[str] = (), on: date | None = None
) -> Ground:
    """How ``right`` is exercised under ``regime_code`` (``cited``: all regimes of the letter)
    for a request received ``on`` (some rights exist only from a date, e.g. Utah's right to
    correct from 1 July 2026)."""
    regime = get_regime(regime_code)
    if not regime.statutory:
        return Ground(regime_code, right, "policy")
    if regime.grants(right, on):
        return Ground(regime_code, right, "granted", (right,))
    reason = regime.not_granted.get(right, "")
    if not reason and right in regime.rights:
        reason = regime.rights[right].before_reason
    effective = tuple(r for r in SUBSTITUTES.get(right, ()) if regime.grants(r, on))
    if effective:
        return Ground(regime_code, right, "mapped", effective, reason)
    return Ground(regime_code, right, "policy", (), reason)


def plan_request(
    rights: Sequence[str],
    regimes: Sequence[str],
    received_on: date,
    *,
    country: str = "",
    region: str = "",
    company_country: str | None = None,
) -> RequestPlan:
    """The grounds and deadlines for a request of ``rights`` under ``regimes`` (strongest
    first, as :func:`apps.deadlines.applicable_regimes` gives them), received on
    ``received_on``.

    A right granted directly by one cited regime is not also "mapped" under another: a Quebec
    resident's objection rests on PIPEDA's withdrawal of consent, not on a substitute under
    Quebec's Act, which lists no objection.
    """
    rights = tuple(dict.fromkeys(rights))
    regimes = tuple(dict.fromkeys(regimes)) or ("none",)
    unknown = [r for r in rights if r not in RIGHTS]
    if unknown or not rights:
        raise ValueError(f"rights must be among {', '.join(RIGHTS)}; got {list(rights)}")
    grounds: list[Ground] = []
    for right in rights:
        found = [ground(code, right, regimes, received_on) for code in regimes]
        if any(g.basis == "granted" for g in found):
            found = [g for g in found if g.basis == "granted"]
        elif any(g.basis == "mapped" for g in found):
            found = [g for g in found if g.basis == "mapped"]
        grounds += found
    place = {"country": country, "region": region, "company_country": company_country}
    deadlines: dict[tuple[str, str], Deadline] = {}
    for g in grounds:
        for effective in g.effective:
            key = (g.regime, effective)
            if key not in deadlines:
                deadlines[key] = compute_deadline(g.regime, effective, received_on, **place)
    courtesy: dict[str, Deadline] = {}
    for right in rights:
        if all(g.basis == "policy" for g in grounds if g.right == right):
            courtesy[right] = compute_deadline("none", right, received_on)
    return RequestPlan(
        rights=rights,
        regimes=regimes,
        received_on=received_on,
        grounds=tuple(grounds),
        deadlines=deadlines,
        courtesy=courtesy,
    )
