from django_q.models import Schedule

from apps.core.schedules import ScheduleSpec

SCHEDULES = [
    ScheduleSpec(
        name="accounts-retention",
        func="apps.accounts.tasks.enforce_retention",
        schedule_type=Schedule.DAILY,
    ),
]
