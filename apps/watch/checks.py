"""``manage.py check`` refuses a policy-watch configuration the fetcher could not run with."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, register


@register()
def watch_settings(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    from .fetch import FetchConfig

    try:
        FetchConfig.from_settings()
    except (TypeError, ValueError) as exc:
        return [
            Error(
                f"The policy watch settings are invalid: {exc}.",
                hint="See WATCH_* in the README's configuration table.",
                id="watch.E001",
            )
        ]
    return []
