"""Which concrete notification models the sweep delivers. Apps register in ``AppConfig.ready``.

A queue registered with ``own_schedule=True`` is left out of the shared ``notifications-sweep``:
its app declares its own schedule that sweeps it (``delivery.sweep(models=[Model])``), e.g.
reminders, which run on their own cadence.
"""

from __future__ import annotations

from .models import Notification

_queues: list[type[Notification]] = []
_own_schedule: set[type[Notification]] = set()


def register(model: type[Notification], *, own_schedule: bool = False) -> type[Notification]:
    if not issubclass(model, Notification) or model._meta.abstract:
        raise TypeError(f"{model!r} is not a concrete Notification model")
    if model not in _queues:
        _queues.append(model)
    if own_schedule:
        _own_schedule.add(model)
    return model


def queues(*, shared_only: bool = False) -> list[type[Notification]]:
    """Every registered queue; ``shared_only``: those the shared sweep delivers."""
    return [model for model in _queues if not (shared_only and model in _own_schedule)]
