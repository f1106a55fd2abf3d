from django_q.models import Schedule

from apps.core.schedules import ScheduleSpec

SCHEDULES = [
    ScheduleSpec(
        name="watch-policies",
        func="apps.watch.tasks.watch_policies",
        schedule_type=Schedule.WEEKLY,
    ),
]
