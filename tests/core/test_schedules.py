import pytest
from django.core.management import call_command
from django_q.models import Schedule

from apps.core.schedules import PREFIX, ScheduleSpec, declared_schedules, sync_schedules

pytestmark = pytest.mark.django_db


def test_setup_schedules_creates_each_declared_schedule_once_however_often_it_runs():
    call_command("setup_schedules")
    call_command("setup_schedules")
    call_command("setup_schedules")
    names = list(Schedule.objects.values_list("name", flat=True))
    assert sorted(names) == sorted({spec.full_name for spec in declared_schedules()})
    assert len(names) == len(set(names))


def test_the_heartbeat_runs_every_minute_and_forever():
    sync_schedules()
    heartbeat = Schedule.objects.get(name=PREFIX + "heartbeat")
    assert heartbeat.func == "apps.core.tasks.heartbeat"
    assert heartbeat.schedule_type == Schedule.MINUTES
    assert heartbeat.minutes == 1
    assert heartbeat.repeats == -1
    assert heartbeat.next_run is not None


def test_a_changed_declaration_updates_the_row_instead_of_adding_one(monkeypatch):
    sync_schedules()
    changed = [ScheduleSpec(name="heartbeat", func="apps.core.tasks.heartbeat", minutes=5)]
    monkeypatch.setattr("apps.core.schedules.declared_schedules", lambda: changed)
    report = sync_schedules()
    assert report["updated"] == [PREFIX + "heartbeat"]
    assert Schedule.objects.get(name=PREFIX + "heartbeat").minutes == 5


def test_schedules_no_longer_declared_are_removed_but_foreign_ones_are_kept():
    Schedule.objects.create(name=PREFIX + "retired", func="apps.core.tasks.heartbeat")
    Schedule.objects.create(name="someone-elses", func="apps.core.tasks.heartbeat")
    report = sync_schedules()
    assert report["removed"] == [PREFIX + "retired"]
    assert Schedule.objects.filter(name="someone-elses").exists()


def test_the_scheduled_heartbeat_task_runs_through_the_queue():
    from django_q.tasks import async_task, result

    task_id = async_task("apps.core.tasks.heartbeat")  # sync in tests: runs the real worker code
    assert result(task_id) is not None
