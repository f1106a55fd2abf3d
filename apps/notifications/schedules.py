from django_q.models import Schedule

from apps.core.schedules import ScheduleSpec

SCHEDULES = [
    ScheduleSpec(
        name="notifications-sweep",
        func="apps.notifications.tasks.sweep",
        schedule_type=Schedule.MINUTES,
        minutes=2,
    ),
]
