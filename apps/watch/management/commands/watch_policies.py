"""``manage.py watch_policies [--platform SLUG]``: check the watched policies now.

One line per document as it finishes (platform, document, outcome, whether it changed, time),
then a summary. The same service the weekly task runs (``apps.watch.services.run_watch``),
without its time budget: every document is checked.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.catalog.models import Platform
from apps.watch.fetch import FetchConfig
from apps.watch.models import Check
from apps.watch.services import DocumentOutcome, run_watch, watched_documents


class Command(BaseCommand):
    help = "Fetch every watched policy document, store what changed and queue the alerts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--platform", metavar="SLUG", help="Only this platform's documents.")

    def handle(self, *args: Any, platform: str | None = None, **options: Any) -> None:
        if platform is not None and not Platform.objects.filter(slug=platform).exists():
            raise CommandError(f"No platform {platform!r} in the catalog (see /platforms/).")
        total = watched_documents(platform=platform).count()
        if total == 0:
            self.stdout.write("Nothing to watch: no document is marked watch: true.")
            return
        config = FetchConfig.from_settings()
        self.stdout.write(
            f"Checking {total} document(s), {config.concurrency} at a time "
            f"(at most one request per host every {config.per_host_delay:g}s)…"
        )
        self._done = 0
        self._total = total
        self._width = len(str(total))
        # Each outcome is printed below; the service's log lines would say it twice.
        quiet = options.get("verbosity", 1) < 2
        service_log = logging.getLogger("apps.watch.services")
        level = service_log.level
        if quiet:
            service_log.setLevel(logging.ERROR)
        try:
            report = run_watch(platform=platform, config=config, on_outcome=self.progress)
        finally:
            service_log.setLevel(level)
        style = self.style.WARNING if report.failures else self.style.SUCCESS
        self.stdout.write(style(report.summary()))

    def progress(self, outcome: DocumentOutcome) -> None:
        self._done += 1
        if outcome.changed:
            what = self.style.WARNING(
                f"CHANGED v{outcome.version} (+{outcome.words_added} −{outcome.words_removed} words)"
            )
        elif outcome.failed:
            what = self.style.ERROR(f"FAILED {outcome.label.lower()}: {outcome.error}")
        elif outcome.outcome == Check.Outcome.BASELINE:
            what = f"baseline v{outcome.version} stored, not a change"
        else:
            version = f" v{outcome.version}" if outcome.version else ""
            what = f"{outcome.label.lower()}{version}, no change"
        counter = f"[{self._done:>{self._width}}/{self._total}]"
        self.stdout.write(
            f"{counter} {outcome.platform} · {outcome.title} · {what} · {outcome.seconds:.1f}s"
        )
