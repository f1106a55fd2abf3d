"""The policy watch as one service: fetch every watched document, record what each check found.

``run_watch()`` is what ``manage.py watch_policies`` and the weekly task call. It fetches the
documents concurrently (``apps.watch.fetch``, in a background thread running the event loop)
and records each result in this thread as it arrives, so the database is only touched from
ordinary synchronous code and the caller sees progress document by document:

- a failure (timeout, HTTP error, too large, blocked address, redirect loop, selector matching
  nothing, no readable text…) is a ``Check`` with its error, never a snapshot;
- a 304 or text whose SHA-256 equals the latest version's is a successful ``Check`` confirming
  that version;
- different text is a new ``Snapshot``. The first one is the document's baseline; when the
  watched address, its selector or the extraction rules changed since the latest version, the
  new one is a fresh baseline too (the text changed for a reason other than the policy).
  Otherwise it is a change: alerts are planned for ``people_to_alert(platform)`` in the same
  transaction, and it waits in the catalog admins' review queue.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import F, Max, OuterRef, QuerySet, Subquery
from django.utils import timezone

from apps.catalog.models import Document, Platform

from .audience import people_to_alert
from .diffing import word_diff
from .extract import (
    EXTRACTOR_VERSION,
    EmptyText,
    SelectorNotFound,
    UnreadablePage,
    UnsupportedContent,
    readable_text,
    text_sha256,
)
from .fetch import FetchConfig, FetchRequest, FetchResult, Outcome, fetch_all
from .guard import Resolver, system_resolver
from .models import Check, Follow, PolicyAlert, Snapshot

logger = logging.getLogger(__name__)

SKIPPED = "skipped"

_UNREADABLE = {
    SelectorNotFound: Check.Outcome.SELECTOR_NOT_FOUND,
    UnsupportedContent: Check.Outcome.UNSUPPORTED,
    EmptyText: Check.Outcome.EMPTY,
}


@dataclass(frozen=True)
class DocumentOutcome:
    """What one document's check found, for progress lines and the run's summary."""

    document_id: int
    platform: str
    platform_name: str
    key: str
    title: str
    outcome: str  # a Check.Outcome value, or "skipped" (not requested: time budget spent)
    seconds: float = 0.0
    error: str = ""
    version: int | None = None
    words_added: int = 0
    words_removed: int = 0

    @property
    def changed(self) -> bool:
        return self.outcome == Check.Outcome.CHANGED

    @property
    def failed(self) -> bool:
        return self.outcome != SKIPPED and self.outcome not in Check.SUCCESSES

    @property
    def label(self) -> str:
        if self.outcome == SKIPPED:
            return "skipped (time budget spent)"
        return Check.Outcome(self.outcome).label


@dataclass
class WatchReport:
    outcomes: list[DocumentOutcome] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def counts(self) -> Counter[str]:
        return Counter(o.outcome for o in self.outcomes)

    @property
    def changes(self) -> list[DocumentOutcome]:
        return [o for o in self.outcomes if o.changed]

    @property
    def failures(self) -> list[DocumentOutcome]:
        return [o for o in self.outcomes if o.failed]

    @property
    def skipped(self) -> int:
        return self.counts[SKIPPED]

    def summary(self) -> str:
        counts = self.counts
        checked = len(self.outcomes) - counts[SKIPPED]
        parts = [
            f"{counts[Check.Outcome.CHANGED]} changed",
            f"{counts[Check.Outcome.UNCHANGED] + counts[Check.Outcome.NOT_MODIFIED]} unchanged",
            f"{counts[Check.Outcome.BASELINE]} baseline",
            f"{len(self.failures)} failed",
        ]
        if counts[SKIPPED]:
            parts.append(f"{counts[SKIPPED]} left for the next run")
        text = f"{checked} document(s) checked in {self.seconds:.1f}s: " + ", ".join(parts)
        failed = Counter(o.label for o in self.failures)
        if failed:
            text += " (" + ", ".join(f"{n} {label.lower()}" for label, n in failed.items()) + ")"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "seconds": round(self.seconds, 3),
            "counts": dict(self.counts),
            "changed": [f"{o.platform}/{o.key}" for o in self.changes],
            "failed": {f"{o.platform}/{o.key}": o.error for o in self.failures},
        }


# --- Which documents, and what to ask for -----------------------------------------------------


def watched_documents(*, platform: str | None = None) -> QuerySet[Document]:
    """The catalog's watched documents, those checked least recently first."""
    documents = Document.objects.filter(watch=True).exclude(url="").select_related("platform")
    if platform is not None:
        documents = documents.filter(platform__slug=platform)
    return documents.annotate(last_checked_at=Max("checks__checked_at")).order_by(
        F("last_checked_at").asc(nulls_first=True), "platform__slug", "position", "pk"
    )


def latest_snapshots(documents: Iterable[Document]) -> dict[int, Snapshot]:
    """Each document's latest version (without its text), by document id, in one query."""
    ids = [d.pk for d in documents]
    latest = Snapshot.objects.filter(document=OuterRef("document")).order_by("-number")
    return {
        s.document_id: s
        for s in Snapshot.objects.filter(document_id__in=ids)
        .filter(pk=Subquery(latest.values("pk")[:1]))
        .defer("text")
    }


def _same_declaration(snapshot: Snapshot, document: Document) -> bool:
    """The latest version was read the way the catalog declares the document today."""
    return (
        snapshot.source_url == document.url
        and snapshot.css_selector == document.css_selector
        and snapshot.extractor_version == EXTRACTOR_VERSION
    )


def fetch_request(document: Document, latest: Snapshot | None) -> FetchRequest:
    """A conditional request when the latest version was read as the document is declared now
    (a 304 then means that version is still current)."""
    if latest is None or not _same_declaration(latest, document):
        return FetchRequest(url=document.url, key=document.pk)
    return FetchRequest(
        url=document.url,
        etag=latest.etag,
        last_modified=latest.last_modified,
        validators_url=latest.final_url,
        key=document.pk,
    )


# --- Recording one result -------------------------------------------------------------------


def _report(document: Document, outcome: str, **extra: Any) -> DocumentOutcome:
    return DocumentOutcome(
        document_id=document.pk,
        platform=document.platform.slug,
        platform_name=document.platform.name,
        key=document.key,
        title=document.title,
        outcome=outcome,
        **extra,
    )


def plan_alerts(snapshot: Snapshot, *, now: datetime) -> int:
    """One pending alert per person concerned (a second call adds nobody twice)."""
    people = people_to_alert(snapshot.document.platform).values_list("pk", flat=True)
    created = PolicyAlert.objects.bulk_create(
        [
            PolicyAlert(snapshot=snapshot, user_id=pk, due_at=now, next_attempt_at=now)
            for pk in people
        ],
        ignore_conflicts=True,
    )
    return len(created)


def _store_version(
    document: Document, latest: Snapshot | None, text: str, sha: str, result: FetchResult, now
) -> Snapshot:
    if latest is None:
        kind = Snapshot.Kind.BASELINE
    elif _same_declaration(latest, document):
        kind = Snapshot.Kind.CHANGE
    else:
        kind = Snapshot.Kind.REBASELINE
    added = removed = 0
    if latest is not None:
        diff = word_diff(latest.text, text)
        added, removed = diff.words_added, diff.words_removed
    return Snapshot.objects.create(
        document=document,
        number=(latest.number + 1) if latest else 1,
        kind=kind,
        text=text,
        sha256=sha,
        words=len(text.split()),
        words_added=added,
        words_removed=removed,
        fetched_at=now,
        last_seen_at=now,
        source_url=document.url,
        final_url=result.final_url,
        css_selector=document.css_selector,
        extractor_version=EXTRACTOR_VERSION,
        etag=result.etag[:300],
        last_modified=result.last_modified[:100],
    )


def record_result(
    *, document: Document, result: FetchResult, now: datetime | None = None
) -> DocumentOutcome:
    """Record what fetching ``document`` gave: a check, and a new version when the text changed."""
    if result.outcome is Outcome.SKIPPED:
        return _report(document, SKIPPED)
    now = now or timezone.now()
    check = Check(
        document=document,
        checked_at=now,
        url=document.url,
        final_url=result.final_url[:2000],
        http_status=result.status,
        seconds=result.seconds,
    )
    with transaction.atomic():
        # One writer per document at a time, so two runs never number a version twice.
        Document.objects.select_for_update().filter(pk=document.pk).exists()
        latest = document.snapshots.order_by("-number").first()
        if result.outcome is Outcome.NOT_MODIFIED and latest is not None:
            latest.last_seen_at = now
            latest.save(update_fields=["last_seen_at"])
            check.outcome, check.snapshot = Check.Outcome.NOT_MODIFIED, latest
        elif result.outcome is Outcome.NOT_MODIFIED:
            check.outcome = Check.Outcome.HTTP_ERROR
            check.error = "HTTP 304 Not Modified, but no version is stored to compare with"
        elif not result.ok:
            check.outcome = Check.Outcome(result.outcome.value)
            check.error = result.error[:500]
        else:
            try:
                text = readable_text(result.body, result.content_type, document.css_selector)
            except UnreadablePage as exc:
                check.outcome, check.error = _UNREADABLE[type(exc)], str(exc)[:500]
            else:
                sha = text_sha256(text)
                if latest is not None and latest.sha256 == sha:
                    # The same text: the version stands, and these validators now describe it.
                    latest.last_seen_at = now
                    latest.final_url = result.final_url[:2000]
                    latest.etag = result.etag[:300]
                    latest.last_modified = result.last_modified[:100]
                    latest.source_url = document.url
                    latest.css_selector = document.css_selector
                    latest.extractor_version = EXTRACTOR_VERSION
                    latest.save()
                    check.outcome, check.snapshot = Check.Outcome.UNCHANGED, latest
                else:
                    snapshot = _store_version(document, latest, text, sha, result, now)
                    check.snapshot = snapshot
                    if snapshot.is_change:
                        check.outcome = Check.Outcome.CHANGED
                        plan_alerts(snapshot, now=now)
                    else:
                        check.outcome = Check.Outcome.BASELINE
        check.save()
    snapshot = check.snapshot
    extra: dict[str, Any] = {"seconds": check.seconds, "error": check.error}
    if snapshot is not None:
        extra["version"] = snapshot.number
        if check.outcome == Check.Outcome.CHANGED:
            extra.update(words_added=snapshot.words_added, words_removed=snapshot.words_removed)
    if check.ok:
        logger.info("watch %s/%s: %s", document.platform.slug, document.key, check.outcome)
    else:
        logger.warning(
            "watch %s/%s failed (%s): %s",
            document.platform.slug,
            document.key,
            check.outcome,
            check.error,
        )
    return _report(document, check.outcome, **extra)


# --- A run ------------------------------------------------------------------------------------

_DONE = object()


def run_watch(
    *,
    platform: str | None = None,
    documents: Iterable[Document] | None = None,
    not_checked_since: datetime | None = None,
    config: FetchConfig | None = None,
    resolver: Resolver = system_resolver,
    budget_seconds: float | None = None,
    on_outcome: Callable[[DocumentOutcome], None] | None = None,
) -> WatchReport:
    """Check every watched document (of ``platform``, or ``documents``) once.

    ``not_checked_since``: leave out documents already checked since then (a run continued by
    the task after its time budget). ``budget_seconds``: start no new document after that long;
    the rest come back as skipped, with nothing recorded. ``on_outcome`` is called in this
    thread as each document's result is recorded.
    """
    started = time.monotonic()
    if documents is None:
        documents = watched_documents(platform=platform)
        if not_checked_since is not None:
            documents = documents.exclude(checks__checked_at__gte=not_checked_since)
    documents = list(documents)
    by_id = {d.pk: d for d in documents}
    latest = latest_snapshots(documents)
    requests = [fetch_request(d, latest.get(d.pk)) for d in documents]
    config = config or FetchConfig.from_settings()
    stop_at = started + budget_seconds if budget_seconds is not None else None

    results: queue.Queue[Any] = queue.Queue()

    def fetch_in_background() -> None:
        try:
            fetch_all(
                requests, config=config, resolver=resolver, on_result=results.put, stop_at=stop_at
            )
        except BaseException as exc:  # handed to the recording thread, raised there
            results.put(exc)
        finally:
            results.put(_DONE)

    report = WatchReport()
    failure: BaseException | None = None
    fetcher = threading.Thread(target=fetch_in_background, name="policy-watch-fetch", daemon=True)
    fetcher.start()
    while (item := results.get()) is not _DONE:
        if isinstance(item, BaseException):
            failure = failure or item
            continue
        try:
            outcome = record_result(document=by_id[item.request.key], result=item)
        except Exception as exc:  # keep recording the others; raised once the run is over
            logger.exception("recording the check of document %s failed", item.request.key)
            failure = failure or exc
            continue
        report.outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    fetcher.join()
    report.seconds = time.monotonic() - started
    if failure is not None:
        raise failure
    return report


# --- Review, follows ------------------------------------------------------------------------


def mark_reviewed(*, snapshots: Iterable[Snapshot], now: datetime | None = None) -> int:
    """Mark changes reviewed, with every earlier unreviewed change of the same documents (the
    provisions were checked against a later text). Returns how many were marked."""
    now = now or timezone.now()
    marked = 0
    for snapshot in snapshots:
        marked += Snapshot.objects.filter(
            document_id=snapshot.document_id,
            number__lte=snapshot.number,
            kind=Snapshot.Kind.CHANGE,
            reviewed_at__isnull=True,
        ).update(reviewed_at=now)
    return marked


def follow(*, user: Any, platform: Platform) -> Follow:
    follow, _created = Follow.objects.get_or_create(user=user, platform=platform)
    return follow


def unfollow(*, user: Any, platform: Platform) -> bool:
    """Stop following; True when there was something to stop. Pending alerts about the platform
    are cancelled at delivery (the person is no longer in the audience)."""
    deleted, _ = Follow.objects.filter(user=user, platform=platform).delete()
    return bool(deleted)
