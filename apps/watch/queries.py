"""Reading the watch for pages: a fixed number of queries, whatever the history's length."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max, OuterRef, Q, Subquery

from apps.catalog.models import Document, Platform

from .models import Check, Snapshot


def _latest_change_per_document() -> Subquery:
    return Subquery(
        Snapshot.objects.filter(document=OuterRef("document"), kind=Snapshot.Kind.CHANGE)
        .order_by("-number")
        .values("pk")[:1]
    )


def platform_changes(platform: Platform) -> list[Snapshot]:
    """The latest change of each of the platform's documents, newest first (one query)."""
    return list(
        Snapshot.objects.filter(document__platform=platform, kind=Snapshot.Kind.CHANGE)
        .filter(pk=_latest_change_per_document())
        .select_related("document__platform")
        .defer("text")
        .order_by("-fetched_at", "document__position")
    )


def latest_changes(platform_ids: Iterable[int]) -> dict[int, Snapshot]:
    """The most recent change of any document, per platform id (one query)."""
    latest: dict[int, Snapshot] = {}
    changes = (
        Snapshot.objects.filter(
            document__platform_id__in=list(platform_ids), kind=Snapshot.Kind.CHANGE
        )
        .filter(pk=_latest_change_per_document())
        .select_related("document__platform")
        .defer("text")
        .order_by("-fetched_at")
    )
    for change in changes:
        latest.setdefault(change.document.platform_id, change)
    return latest


@dataclass(frozen=True)
class CheckStatus:
    last: Check | None
    last_success_at: datetime | None

    @property
    def failing(self) -> bool:
        return self.last is not None and not self.last.ok


def check_status(document: Document) -> CheckStatus:
    """The latest check of the document, and when it was last read successfully."""
    last = document.checks.order_by("-checked_at", "-pk").first()
    if last is None or last.ok:
        return CheckStatus(last, last.checked_at if last else None)
    success = (
        document.checks.filter(outcome__in=Check.SUCCESSES)
        .order_by("-checked_at")
        .values_list("checked_at", flat=True)
        .first()
    )
    return CheckStatus(last, success)


@dataclass(frozen=True)
class DocumentRecord:
    """What the watch knows of one document: when it first stored a copy, when it last tried and
    last read it, and the changes it recorded (oldest first)."""

    first_recorded_at: datetime | None
    last_checked_at: datetime | None
    last_read_at: datetime | None
    changes: tuple[Snapshot, ...]


def document_records(documents: Iterable[Document]) -> dict[int, DocumentRecord]:
    """Each document's record, by id, in two queries whatever the documents' histories."""
    ids = [d.pk for d in documents]
    snapshots: dict[int, list[Snapshot]] = {}
    for snapshot in (
        Snapshot.objects.filter(document_id__in=ids)
        .select_related("document__platform")
        .defer("text")
        .order_by("document_id", "number")
    ):
        snapshots.setdefault(snapshot.document_id, []).append(snapshot)
    checks = {
        row["document"]: row
        for row in Check.objects.filter(document_id__in=ids)
        .values("document")
        .annotate(
            last_checked=Max("checked_at"),
            last_read=Max("checked_at", filter=Q(outcome__in=Check.SUCCESSES)),
        )
        .order_by()
    }
    out = {}
    for pk in ids:
        history = snapshots.get(pk, [])
        row = checks.get(pk, {})
        out[pk] = DocumentRecord(
            first_recorded_at=history[0].fetched_at if history else None,
            last_checked_at=row.get("last_checked"),
            last_read_at=row.get("last_read"),
            changes=tuple(s for s in history if s.kind == Snapshot.Kind.CHANGE),
        )
    return out
