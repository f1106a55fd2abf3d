"""The dashboard: every request of a person with its one next action, most urgent first.

One query for the requests (with their platform), whatever their number: each row's state is
read from the stored derived columns (``services.stored_state``), never replayed from events.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from apps.catalog.vocabulary import RIGHTS
from apps.deadlines import get_regime

from .lifecycle import CLOSED, STATUS_LABELS, WAITING, NextAction, RequestState, Status
from .models import PrivacyRequest
from .services import stored_state

# The filters beyond the statuses themselves.
OVERDUE = "overdue"
OPEN = "open"


@dataclass(frozen=True)
class Row:
    request: PrivacyRequest
    state: RequestState
    platform: str
    platform_slug: str
    rights: str
    law: str
    next_action: NextAction
    days_left: int | None
    days_overdue: int
    overdue: bool
    time_used: int | None  # percent, capped at 100 for the bar
    urgency: tuple[int, int]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.state.status]


@dataclass(frozen=True)
class Board:
    rows: list[Row]
    total: int
    counts: dict[str, int]
    status_choices: list[tuple[str, str, int]]
    platform_choices: list[tuple[str, str]]
    status: str = ""
    platform: str = ""
    filtered: bool = field(default=False)


def _law(code: str, cache: dict[str, str]) -> str:
    if code not in cache:
        try:
            cache[code] = get_regime(code).name
        except ValueError:
            cache[code] = code
    return cache[code]


def build_dashboard(user: Any, *, today: date, status: str = "", platform: str = "") -> Board:
    # The letter text is the bulk of a row and the list never shows it.
    requests = (
        PrivacyRequest.objects.filter(owner=user)
        .select_related("platform")
        .defer("body", "identifiers")
    )
    laws: dict[str, str] = {}
    rows = []
    for request in requests:
        state = stored_state(request)
        recipient = request.recipient
        name = request.platform.name if request.platform else recipient.get("name", "")
        share = state.time_used(today)
        rows.append(
            Row(
                request=request,
                state=state,
                platform=name,
                platform_slug=request.platform.slug if request.platform else "",
                rights=", ".join(RIGHTS.get(r, r) for r in request.rights),
                law=_law(request.regime, laws),
                next_action=state.next_action(today),
                days_left=state.days_left(today),
                days_overdue=state.days_overdue(today),
                overdue=state.is_overdue(today),
                time_used=None if share is None else min(100, round(share * 100)),
                urgency=state.urgency(today),
            )
        )
    counts: Counter[str] = Counter(row.state.status.value for row in rows)
    counts[OVERDUE] = sum(row.overdue for row in rows)
    counts[OPEN] = sum(row.state.status in WAITING for row in rows)
    counts["closed"] = sum(row.state.status in CLOSED for row in rows)
    platforms = sorted(
        {(row.platform_slug or "custom", row.platform or "Other") for row in rows},
        key=lambda p: p[1].lower(),
    )
    shown = [
        row
        for row in rows
        if _matches_status(row, status)
        and (not platform or (row.platform_slug or "custom") == platform)
    ]
    shown.sort(key=lambda row: (row.urgency, row.request.due_on or date.max, -row.request.pk))
    status_choices = [
        (OVERDUE, "Overdue", counts[OVERDUE]),
        (OPEN, "Waiting for a reply", counts[OPEN]),
    ]
    status_choices += [(s.value, s.label, counts[s.value]) for s in Status if counts[s.value]]
    return Board(
        rows=shown,
        total=len(rows),
        counts=dict(counts),
        status_choices=status_choices,
        platform_choices=platforms,
        status=status,
        platform=platform,
        filtered=bool(status or platform),
    )


def _matches_status(row: Row, status: str) -> bool:
    if not status:
        return True
    if status == OVERDUE:
        return row.overdue
    if status == OPEN:
        return row.state.status in WAITING
    return row.state.status.value == status
