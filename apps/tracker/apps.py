from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "apps.tracker"
    label = "tracker"
    verbose_name = "Request tracker"

    def ready(self) -> None:
        from . import export, signals

        export.register()
        signals.connect()
