"""Recurring tasks, declared by each app and written to django-q2's Schedule table idempotently.

An app declares ``SCHEDULES: list[ScheduleSpec]`` in its own ``schedules.py``. ``sync_schedules``
(run by ``manage.py setup_schedules``, which ``bin/serve`` runs at every start) creates or updates
one Schedule row per name and deletes rows of ours that are no longer declared, so restarting or
deploying never duplicates a schedule.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django_q.models import Schedule

PREFIX = "rightsdesk:"


@dataclass(frozen=True)
class ScheduleSpec:
    name: str  # stable identifier, without the prefix
    func: str  # dotted path of a task function
    schedule_type: str = Schedule.MINUTES
    minutes: int | None = None
    cron: str | None = None

    @property
    def full_name(self) -> str:
        return PREFIX + self.name


SCHEDULES = [
    ScheduleSpec(name="heartbeat", func="apps.core.tasks.heartbeat", minutes=1),
]


def declared_schedules() -> list[ScheduleSpec]:
    specs: list[ScheduleSpec] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("apps."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.schedules")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.schedules":
                raise
            continue
        specs.extend(getattr(module, "SCHEDULES", []))
    names = [spec.name for spec in specs]
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise ValueError(f"Schedule names declared twice: {sorted(duplicates)}")
    return specs


@transaction.atomic
def sync_schedules() -> dict[str, list[str]]:
    """Make the Schedule table match the declarations. Returns what was created/updated/removed."""
    report: dict[str, list[str]] = {"created": [], "updated": [], "unchanged": [], "removed": []}
    declared = declared_schedules()
    for spec in declared:
        wanted = {
            "func": spec.func,
            "schedule_type": spec.schedule_type,
            "minutes": spec.minutes,
            "cron": spec.cron,
            "repeats": -1,
        }
        existing = Schedule.objects.select_for_update().filter(name=spec.full_name).first()
        if existing is None:
            Schedule.objects.create(name=spec.full_name, next_run=timezone.now(), **wanted)
            report["created"].append(spec.full_name)
        elif any(getattr(existing, field) != value for field, value in wanted.items()):
            for field, value in wanted.items():
                setattr(existing, field, value)
            existing.save()
            report["updated"].append(spec.full_name)
        else:
            report["unchanged"].append(spec.full_name)
    stale = Schedule.objects.filter(name__startswith=PREFIX).exclude(
        name__in=[spec.full_name for spec in declared]
    )
    report["removed"] = list(stale.values_list("name", flat=True))
    stale.delete()
    return report
