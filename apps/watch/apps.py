from django.apps import AppConfig


class WatchConfig(AppConfig):
    name = "apps.watch"
    label = "watch"
    verbose_name = "Policy watch"

    def ready(self) -> None:
        from apps.notifications.registry import register

        from . import checks, export_sections  # noqa: F401  (registers the system check)
        from .models import PolicyAlert

        register(PolicyAlert)
        export_sections.register()
