"""Which concrete notification models the sweep delivers. Apps register in ``AppConfig.ready``."""

from __future__ import annotations

from .models import Notification

_queues: list[type[Notification]] = []


def register(model: type[Notification]) -> type[Notification]:
    if not issubclass(model, Notification) or model._meta.abstract:
        raise TypeError(f"{model!r} is not a concrete Notification model")
    if model not in _queues:
        _queues.append(model)
    return model


def queues() -> list[type[Notification]]:
    return list(_queues)
