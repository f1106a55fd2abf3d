from django_q.models import Schedule

from apps.core.schedules import ScheduleSpec

SCHEDULES = [
    ScheduleSpec(
        name="reminders-sweep",
        func="apps.reminders.tasks.sweep",
        schedule_type=Schedule.MINUTES,
        minutes=5,
    ),
]
