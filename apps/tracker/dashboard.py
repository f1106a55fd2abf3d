"""The dashboard: every request of a person with its one next action, most urgent first.

One query for the requests (with their platform), whatever their number: each row's state is
read from the stored derived columns (``services.state_from_columns``, what ``stored_state``
uses), never replayed from events; the letter's text is never loaded.
"""

from __future__ import annotations

import functools
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any
from urllib.parse import urlencode

from django.core.cache import cache
from django.urls import reverse

from apps.catalog.vocabulary import RIGHTS
from apps.deadlines import get_regime

from .lifecycle import CLOSED, STATUS_LABELS, WAITING, DueDate, NextAction, RequestState, Status
from .models import PrivacyRequest
from .services import DERIVED_FIELDS, state_from_columns

# The filters beyond the statuses themselves.
OVERDUE = "overdue"
OPEN = "open"
CLOSED_FILTER = "closed"
# Requests to companies outside the catalog: all of them (``custom``), or one company
# (``custom:<name>``, the name as the letter was addressed, case aside).
CUSTOM = "custom"


# Rows per page: the counts, filters and urgency order cover every request; a page shows these.
PAGE_SIZE = 50

# The columns a row needs: the derived ones, and what names the request. Never the letter.
_COLUMNS = (
    "pk",
    "code",
    "rights",
    "regime",
    "recipient",
    "platform__name",
    "platform__slug",
    *DERIVED_FIELDS,
)


@dataclass(frozen=True)
class Row:
    pk: int
    url: str
    state: RequestState
    platform: str
    platform_slug: str
    rights_codes: tuple[str, ...]
    regime: str
    overdue: bool
    urgency: tuple[int, int]
    today: date

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.state.status]

    # What only the rows on the page need, worked out when the page shows them.
    @cached_property
    def rights(self) -> str:
        return ", ".join(RIGHTS.get(r, r) for r in self.rights_codes)

    @cached_property
    def law(self) -> str:
        return _law(self.regime)

    @cached_property
    def next_action(self) -> NextAction:
        return self.state.next_action(self.today)

    @cached_property
    def days_left(self) -> int | None:
        return self.state.days_left(self.today)

    @cached_property
    def days_overdue(self) -> int:
        return self.state.days_overdue(self.today)

    @cached_property
    def next_due(self) -> DueDate | None:
        """The soonest deadline still to come (a request can have several)."""
        return self.state.next_due(self.today)

    @cached_property
    def next_due_days(self) -> int | None:
        return None if self.next_due is None else (self.next_due.on - self.today).days

    @cached_property
    def later_due(self) -> tuple[DueDate, ...]:
        return self.state.later_due(self.today)

    @cached_property
    def action_url(self) -> str:
        """Where the next step is taken: the follow-up's page when one is due, else the
        request's page (a complaint is drafted from there, with its authority chosen)."""
        if self.next_action.code in {"follow-up", "follow-up-partial"}:
            return f"{self.url}follow-up/"
        return self.url

    @property
    def filter_key(self) -> str:
        return self.platform_slug or custom_key(self.platform)

    @cached_property
    def time_used(self) -> int | None:
        """Percent of the response period used, capped at 100 for the bar."""
        share = self.state.time_used(self.today)
        return None if share is None else min(100, round(share * 100))


@dataclass(frozen=True)
class Board:
    rows: list[Row]  # this page's
    total: int
    shown: int  # matching the filters, on every page
    counts: dict[str, int]
    status_choices: list[tuple[str, str, int]]
    platform_choices: list[tuple[str, str]]
    status: str = ""
    platform: str = ""
    page: int = 1
    pages: int = 1

    @property
    def filtered(self) -> bool:
        return bool(self.status or self.platform)

    def page_query(self, page: int) -> str:
        return urlencode(
            {k: v for k, v in (("status", self.status), ("platform", self.platform)) if v}
            | {"page": page}
        )

    @property
    def previous_query(self) -> str:
        return self.page_query(self.page - 1) if self.page > 1 else ""

    @property
    def next_query(self) -> str:
        return self.page_query(self.page + 1) if self.page < self.pages else ""


@functools.cache
def _law(code: str) -> str:
    try:
        return get_regime(code).name
    except ValueError:
        return code


def build_dashboard(
    user: Any, *, today: date, status: str = "", platform: str = "", page: int = 1
) -> Board:
    """Every request of ``user``, most urgent first, from one query of the stored columns."""
    values = PrivacyRequest.objects.filter(owner=user).order_by().values_list(*_COLUMNS, named=True)
    url = reverse("tracker:detail", kwargs={"code": _PLACEHOLDER})
    rows = []
    for v in values:
        state = state_from_columns(v)
        rows.append(
            Row(
                pk=v.pk,
                url=url.replace(str(_PLACEHOLDER), str(v.code)),
                state=state,
                platform=v.platform__name or v.recipient.get("name", ""),
                platform_slug=v.platform__slug or "",
                rights_codes=tuple(v.rights),
                regime=v.regime,
                overdue=state.is_overdue(today),
                urgency=state.urgency(today),
                today=today,
            )
        )
    counts: Counter[str] = Counter(row.state.status.value for row in rows)
    counts[OVERDUE] = sum(row.overdue for row in rows)
    counts[OPEN] = sum(row.state.status in WAITING for row in rows)
    counts["closed"] = sum(row.state.status in CLOSED for row in rows)
    names: dict[str, str] = {}
    for row in sorted(rows, key=lambda row: row.pk):  # a company typed twice: its first name
        names.setdefault(row.filter_key, row.platform or "Other")
    platforms = sorted(names.items(), key=lambda p: (p[1].lower(), p[0]))
    shown = [
        row for row in rows if _matches_status(row, status) and _matches_platform(row, platform)
    ]
    shown.sort(key=lambda row: (row.urgency, row.state.due_on or date.max, -row.pk))
    pages = max(1, -(-len(shown) // PAGE_SIZE))
    page = min(max(1, page), pages)
    status_choices = [
        (OVERDUE, "Overdue", counts[OVERDUE]),
        (OPEN, "Waiting for a reply", counts[OPEN]),
    ]
    status_choices += [(s.value, s.label, counts[s.value]) for s in Status if counts[s.value]]
    status_choices.append((CLOSED_FILTER, "Closed", counts["closed"]))
    return Board(
        rows=shown[(page - 1) * PAGE_SIZE : page * PAGE_SIZE],
        total=len(rows),
        shown=len(shown),
        counts=dict(counts),
        status_choices=status_choices,
        platform_choices=platforms,
        status=status,
        platform=platform,
        page=page,
        pages=pages,
    )


_PLACEHOLDER = uuid.UUID(int=0)


def _matches_status(row: Row, status: str) -> bool:
    if not status:
        return True
    if status == OVERDUE:
        return row.overdue
    if status == OPEN:
        return row.state.status in WAITING
    if status == CLOSED_FILTER:
        return row.state.status in CLOSED
    return row.state.status.value == status


def custom_key(name: str) -> str:
    """The filter value of one company outside the catalog: two custom companies are two
    filters, the same company typed twice with different capitals is one."""
    return f"{CUSTOM}:{' '.join(name.split()).casefold()}"


def _matches_platform(row: Row, platform: str) -> bool:
    if not platform:
        return True
    if platform == CUSTOM:
        return not row.platform_slug
    if platform.startswith(f"{CUSTOM}:"):
        platform = custom_key(platform.removeprefix(f"{CUSTOM}:"))
    return row.filter_key == platform


# --- The rendered list's cache key ------------------------------------------------------------
# Each person's list is cached with the "generation" it was built in; the generation is replaced
# whenever one of their requests or events is saved or deleted (signals in apps.tracker.signals),
# so a cached list never outlives a change. The day and the filters are part of the key.

_GENERATION = "tracker:dashboard-generation:{}"
# A generation outlives any list cached under it; when it expires, a new one simply starts.
GENERATION_SECONDS = 30 * 86400


def cached_list(user_id: int, subkey: str) -> tuple[str, str | None]:
    """The person's current generation and the list cached under ``subkey`` for it (None when
    there is none, or only one from an older generation), in one cache round trip."""
    generation_key = _GENERATION.format(user_id)
    list_key = f"tracker:dashboard:{user_id}:{subkey}"
    found = cache.get_many([generation_key, list_key])
    current = found.get(generation_key)
    if current is None:
        current = uuid.uuid4().hex
        cache.set(generation_key, current, GENERATION_SECONDS)
    stored = found.get(list_key)
    if stored is not None and stored[0] == current:
        return current, stored[1]
    return current, None


def cache_list(user_id: int, subkey: str, current: str, html: str, seconds: int) -> None:
    """Keep ``html`` as the list of generation ``current``: a change recorded meanwhile has
    already replaced the generation, so this copy is never served after it."""
    cache.set(f"tracker:dashboard:{user_id}:{subkey}", (current, html), seconds)


def changed(user_id: int) -> None:
    cache.set(_GENERATION.format(user_id), uuid.uuid4().hex, GENERATION_SECONDS)


def forget(user_id: int) -> None:
    """The account is gone: drop its generation, so no list cached for it can be served again
    (the lists themselves expire within ``DASHBOARD_CACHE_SECONDS``)."""
    cache.delete(_GENERATION.format(user_id))
