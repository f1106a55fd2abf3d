from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """Models that exist only in the test database, to exercise abstract machinery."""

    name = "tests.testapp"
    label = "testapp"

    def ready(self) -> None:
        from apps.notifications.registry import register

        from .models import Ping

        register(Ping)
