from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.catalog.files import CatalogError
from apps.catalog.loader import default_directory, load_catalog


class Command(BaseCommand):
    help = (
        "Load the platform catalog (catalog/platforms/*.yaml) into the database. Idempotent: "
        "re-running updates rows in place, never duplicates, and removes what the files no "
        "longer hold. A malformed file stops it with the file, the field and the problem, and "
        "nothing is loaded."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--directory",
            type=Path,
            default=None,
            help=f"Directory of catalog files (default: {default_directory()}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = load_catalog(options["directory"])
        except CatalogError as exc:
            count = len(exc.problems)
            raise CommandError(
                f"The catalog was not loaded: {count} problem{'s' if count != 1 else ''}.\n{exc}"
            ) from exc
        if options["verbosity"] >= 1:
            self.stdout.write(report.summary())
