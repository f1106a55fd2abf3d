from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "apps.reminders"
    label = "reminders"
    verbose_name = "Reminders"

    def ready(self) -> None:
        from apps.notifications.registry import register

        from . import export
        from .models import Reminder

        register(Reminder, own_schedule=True)  # swept by the reminders-sweep schedule
        export.register()
