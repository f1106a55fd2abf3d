from django.core.management.base import BaseCommand

from apps.core.schedules import sync_schedules


class Command(BaseCommand):
    help = "Create or update the django-q2 schedules the apps declare (idempotent)."

    def handle(self, *args: object, **options: object) -> None:
        report = sync_schedules()
        for action, names in report.items():
            for name in names:
                self.stdout.write(f"{action:>9}  {name}")
