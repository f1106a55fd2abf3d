"""Exactly once, on time or late but never lost: reminders through failures, outages and
concurrent sweeps, over a real SMTP server."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django_q.models import Schedule

from apps.notifications import delivery
from apps.reminders.models import Reminder
from apps.reminders.services import sweep_reminders
from tests.conftest import make_user

from .conftest import at, sent_request

pytestmark = pytest.mark.django_db
Status = Reminder.Status
WEEK_BEFORE = date(2026, 3, 26)


def test_a_failed_send_is_retried_after_its_backoff_and_delivered_once(
    person, smtp_server, sweep_at, settings
):
    settings.NOTIFICATIONS_BACKOFF = [600, 1800]
    sent_request(person)
    smtp_server.fail_next = 1

    first = sweep_at(at(WEEK_BEFORE, 8, 2))
    reminder = Reminder.objects.get()
    assert first.retrying == 1
    assert reminder.status == Status.PENDING
    assert reminder.next_attempt_at == at(WEEK_BEFORE, 8, 12)
    assert "451" in reminder.last_error

    sweep_at(at(WEEK_BEFORE, 8, 7))  # the next sweep, still within the backoff
    assert smtp_server.messages == []

    sweep_at(at(WEEK_BEFORE, 8, 12))
    sweep_at(at(WEEK_BEFORE, 8, 17))
    reminder.refresh_from_db()
    assert reminder.status == Status.SENT
    assert reminder.attempts == 2
    assert len(smtp_server.messages) == 1
    assert smtp_server.attempts == 2


def test_after_several_failures_it_is_recorded_failed_and_shown_on_the_request_page(
    person, smtp_server, sweep_at, settings, client
):
    settings.NOTIFICATIONS_BACKOFF = [300, 300]
    request = sent_request(person)
    smtp_server.stop()
    for minutes in (2, 7, 12, 17):
        sweep_at(at(WEEK_BEFORE, 8, minutes))
    reminder = Reminder.objects.get()
    assert reminder.status == Status.FAILED
    assert reminder.attempts == 3

    client.force_login(person)
    page = client.get(request.get_absolute_url()).content.decode()
    assert "Reminders</h2>" in page
    assert "7 days before the deadline:" in page
    assert "could not be sent" in page
    assert "after 3 attempts" in page


def test_the_request_page_lists_sent_and_planned_reminders(person, smtp_server, sweep_at, client):
    request = sent_request(person)
    sweep_at(at(WEEK_BEFORE, 9))
    client.force_login(person)
    page = " ".join(client.get(request.get_absolute_url()).content.decode().split())
    assert "7 days before the deadline: sent on 26 Mar 2026" in page
    assert "1 day before the deadline: planned for 1 Apr 2026" in page
    assert "On the due day: planned for 2 Apr 2026" in page
    assert "The day after the deadline passed: planned for 3 Apr 2026" in page


def test_the_request_page_says_when_reminders_are_off(person, client):
    request = sent_request(person)
    person.profile.reminders_enabled = False
    person.profile.save()
    client.force_login(person)
    page = client.get(request.get_absolute_url()).content.decode()
    assert "Reminder emails are off" in page
    assert "planned for" not in page


def test_a_worker_outage_delays_reminders_but_loses_none(person, smtp_server, sweep_at):
    sent_request(person)
    sweep_at(at(date(2026, 3, 20), 9))  # the last sweep before the worker went down
    # Down from 20 March until 27 March 10:00: the week-before reminder was never planned.
    report = sweep_at(at(date(2026, 3, 27), 10))
    sweep_at(at(date(2026, 3, 27), 10, 5))
    reminder = Reminder.objects.get()
    assert reminder.kind == "before_7"
    assert reminder.status == Status.SENT
    assert reminder.late
    assert reminder.due_at == at(WEEK_BEFORE)
    assert report.late == 1
    [message] = smtp_server.messages
    assert " ".join(str(message["Subject"]).split()) == (
        "Late reminder: ChatGPT must answer your request by 2 Apr 2026 (6 days left)"
    )
    assert "went out later than planned" in message.get_body(("plain",)).get_content()


def test_after_a_longer_outage_the_closest_reminder_speaks_for_the_ones_it_overtook(
    person, smtp_server, sweep_at
):
    sent_request(person)
    sweep_at(at(date(2026, 3, 20), 9))
    sweep_at(at(date(2026, 4, 1), 10))  # back on the day before the deadline
    rows = {r.kind: r for r in Reminder.objects.all()}
    assert rows["before_7"].status == Status.CANCELLED
    assert rows["before_1"].status == Status.SENT
    assert rows["before_1"].late  # due 08:00, sent 10:00
    assert [" ".join(str(m["Subject"]).split()) for m in smtp_server.messages] == [
        "Late reminder: ChatGPT must answer your request by 2 Apr 2026 (1 day left)"
    ]


def test_a_request_recorded_late_is_reminded_of_the_days_actually_left(
    person, smtp_server, sweep_at
):
    sweep_at(at(date(2026, 3, 28), 12))
    sent_request(person)  # recorded on 28 March as sent on 2 March: due in 5 days
    sweep_at(at(date(2026, 3, 28), 12, 5))
    # The first reminder it could have had goes out within minutes: on time, not "late".
    assert [" ".join(str(m["Subject"]).split()) for m in smtp_server.messages] == [
        "Reminder: ChatGPT must answer your request by 2 Apr 2026 (5 days left)"
    ]
    reminder = Reminder.objects.get()
    assert not reminder.late
    assert reminder.due_at == at(date(2026, 3, 28), 12)  # due from when the dates were known


def test_after_an_outage_past_the_deadline_only_the_missed_deadline_email_goes_out(
    person, smtp_server, sweep_at
):
    sent_request(person)
    sweep_at(at(date(2026, 3, 20), 9))
    sweep_at(at(date(2026, 4, 3), 9))  # back the day after the deadline
    sent = Reminder.objects.filter(status=Status.SENT).values_list("kind", flat=True)
    assert list(sent) == ["missed"]
    assert set(Reminder.objects.filter(status=Status.CANCELLED).values_list("kind", flat=True)) == {
        "before_1",
        "due",
    }  # (the week-before one is past the catch-up window: not planned)
    assert len(smtp_server.messages) == 1


def test_a_reminder_on_time_is_not_late(person, smtp_server, sweep_at):
    sent_request(person)
    sweep_at(at(WEEK_BEFORE, 8, 3))
    assert not Reminder.objects.get().late


def test_the_reminder_sweep_is_a_schedule_of_its_own_written_once(db):
    call_command("setup_schedules")
    call_command("setup_schedules")  # a restart
    schedule = Schedule.objects.get(name="rightsdesk:reminders-sweep")
    assert schedule.func == "apps.reminders.tasks.sweep"
    assert schedule.schedule_type == Schedule.MINUTES
    assert schedule.minutes == 5
    assert Schedule.objects.filter(func="apps.reminders.tasks.sweep").count() == 1


def test_the_shared_notifications_sweep_leaves_reminders_to_their_schedule(
    person, smtp_server, sweep_at
):
    sent_request(person)
    sweep_at(at(WEEK_BEFORE, 9))  # plans and sends
    Reminder.objects.update(status=Status.PENDING)
    assert Reminder not in delivery.queues(shared_only=True)
    assert delivery.sweep().sent == 0


def test_the_scheduled_task_sends_through_the_task_queue(person, smtp_server, clock):
    from django_q.tasks import async_task, result

    sent_request(person)
    clock.move_to(at(WEEK_BEFORE, 9))
    task_id = async_task("apps.reminders.tasks.sweep")  # sync in tests: the real worker code
    assert result(task_id)["sent"] == 1
    assert len(smtp_server.messages) == 1


def test_send_reminders_dry_run_prints_what_would_be_sent_and_sends_nothing(
    person, smtp_server, clock
):
    request = sent_request(person)
    clock.move_to(at(WEEK_BEFORE, 9))
    out = StringIO()
    call_command("send_reminders", "--dry-run", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split("\t") == [
        "new",
        f"request {request.code}",
        "before_7",
        "2026-04-02",
        "due 2026-03-26T08:00:00+00:00",
    ]
    assert lines[-1] == "1 reminder(s) would be sent (dry run)"
    assert smtp_server.messages == []
    assert not Reminder.objects.exists()


def test_send_reminders_plans_and_sends_now(person, smtp_server, clock):
    sent_request(person)
    clock.move_to(at(WEEK_BEFORE, 9))
    out = StringIO()
    call_command("send_reminders", stdout=out)
    assert out.getvalue().startswith("sent 1 (late 0)")
    assert len(smtp_server.messages) == 1
    out = StringIO()
    call_command("send_reminders", "--dry-run", stdout=out)
    assert out.getvalue().strip() == "0 reminder(s) would be sent (dry run)"


def test_deleting_the_request_deletes_its_reminders(person, smtp_server, sweep_at):
    request = sent_request(person)
    sweep_at(at(WEEK_BEFORE, 9))
    request.delete()
    assert not Reminder.objects.exists()


# --- Concurrency (PostgreSQL: real row locks) ----------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_deliver_each_reminder_exactly_once(smtp_server):
    sent_on = datetime.now(UTC).date() - timedelta(days=35)  # deadline missed days ago
    people = [make_user(f"c{n}@example.org") for n in range(30)]
    for user in people:
        sent_request(user, on=sent_on)
    smtp_server.delay = 0.02  # each message takes a while, so the sweeps overlap
    results: list = [None, None]

    def run(index: int) -> None:
        try:
            results[index] = sweep_reminders(batch_size=5)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    due = Reminder.objects.count()
    assert due >= 30  # at least the missed deadline of each request, maybe its earlier dates
    sent = Reminder.objects.filter(status=Status.SENT)
    assert sent.count() + Reminder.objects.filter(status=Status.CANCELLED).count() == due
    assert set(sent.values_list("attempts", flat=True)) == {1}
    assert len(smtp_server.messages) == sent.count() == results[0].sent + results[1].sent
    recipients = [rcpt for _, rcpts in smtp_server.envelopes for rcpt in rcpts]
    assert sorted(recipients) == sorted(sent.values_list("request__owner__email", flat=True))
    assert results[0].sent > 0
    assert results[1].sent > 0  # both really worked, on different rows
