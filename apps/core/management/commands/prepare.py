from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Bring a database up to date for running the app: migrations, cache table, "
        "platform catalog and task schedules. Safe to run at every start."
    )

    def handle(self, *args: object, **options: object) -> None:
        verbosity = int(options.get("verbosity", 1))  # type: ignore[arg-type]
        call_command("migrate", interactive=False, verbosity=verbosity)
        call_command("createcachetable", verbosity=verbosity)
        call_command("load_catalog", verbosity=verbosity)
        call_command("setup_schedules", verbosity=verbosity)
