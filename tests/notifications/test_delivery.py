"""The exactly-once email queue, over a real SMTP server on loopback.

``Ping`` (tests/testapp) is the smallest concrete notification; reminders and policy-change
alerts build on the same machinery.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django_q.models import Schedule

from apps.notifications import delivery
from apps.notifications.models import Notification
from apps.notifications.registry import queues, register
from tests.testapp.models import Ping

Status = Notification.Status
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def ping(key: str, *, due: datetime = NOW, **fields: object) -> Ping:
    return Ping.objects.create(key=key, to=f"{key}@example.org", due_at=due, **fields)


@pytest.fixture
def at_now():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


pytestmark = pytest.mark.django_db


def test_a_due_notification_is_sent_once_and_marked_sent(smtp_server, at_now):
    item = ping("alpha")
    report = delivery.sweep()
    item.refresh_from_db()
    assert item.status == Status.SENT
    assert item.sent_at == NOW
    assert item.attempts == 1
    assert not item.late
    assert smtp_server.subjects == ["ping alpha"]
    assert smtp_server.envelopes[0][1] == ["alpha@example.org"]
    assert report.sent == 1


def test_sweeping_again_sends_nothing_more(smtp_server, at_now):
    ping("alpha")
    delivery.sweep()
    delivery.sweep()
    assert smtp_server.subjects == ["ping alpha"]


def test_a_notification_waits_until_it_is_due(smtp_server, at_now):
    item = ping("later", due=NOW + timedelta(hours=1))
    delivery.sweep()
    assert smtp_server.messages == []
    at_now.shift(timedelta(hours=1))
    delivery.sweep()
    item.refresh_from_db()
    assert item.status == Status.SENT
    assert smtp_server.subjects == ["ping later"]


def test_a_failed_send_is_released_and_retried_after_its_backoff(smtp_server, at_now, settings):
    settings.NOTIFICATIONS_BACKOFF = [300, 900]
    item = ping("flaky")
    smtp_server.fail_next = 1

    report = delivery.sweep()
    item.refresh_from_db()
    assert report.retrying == 1
    assert item.status == Status.PENDING
    assert item.next_attempt_at == NOW + timedelta(seconds=300)
    assert "451" in item.last_error
    assert item.claimed_at is None

    at_now.shift(timedelta(seconds=299))
    delivery.sweep()
    assert smtp_server.messages == []  # still backing off

    at_now.shift(timedelta(seconds=1))
    delivery.sweep()
    item.refresh_from_db()
    assert item.status == Status.SENT
    assert item.attempts == 2
    assert item.last_error == ""
    assert smtp_server.subjects == ["ping flaky"]


def test_after_the_last_attempt_it_is_recorded_as_failed_with_the_reason(
    smtp_server, at_now, settings
):
    settings.NOTIFICATIONS_BACKOFF = [60, 60]
    item = ping("doomed")
    smtp_server.stop()  # the mail server is down
    for _ in range(3):
        delivery.sweep()
        at_now.shift(timedelta(seconds=60))
    item.refresh_from_db()
    assert item.status == Status.FAILED
    assert item.attempts == 3
    assert "ConnectionRefusedError" in item.last_error

    smtp_server.start()  # back up: a failed notification is not retried on its own
    at_now.shift(timedelta(days=1))
    delivery.sweep()
    assert smtp_server.messages == []


def test_an_unreachable_server_fails_each_item_without_stranding_the_batch(smtp_server, at_now):
    items = [ping(f"item{n}") for n in range(3)]
    smtp_server.stop()
    report = delivery.sweep()
    assert report.retrying == 3
    for item in items:
        item.refresh_from_db()
        assert item.status == Status.PENDING
        assert item.attempts == 1


def test_the_recorded_error_never_contains_the_recipients_address(smtp_server, at_now):
    item = ping("refused")
    smtp_server.refuse_recipients = True
    delivery.sweep()
    item.refresh_from_db()
    assert "SMTPRecipientsRefused" in item.last_error
    assert "refused@example.org" not in item.last_error
    assert "r…@example.org" in item.last_error


def test_a_notification_that_no_longer_applies_is_cancelled_not_sent(smtp_server, at_now):
    item = ping("moot", still_wanted=False)
    report = delivery.sweep()
    item.refresh_from_db()
    assert item.status == Status.CANCELLED
    assert report.cancelled == 1
    assert smtp_server.messages == []


def test_a_notification_missed_while_the_worker_was_down_is_sent_once_and_marked_late(
    smtp_server, at_now
):
    item = ping("missed", due=NOW - timedelta(days=3))
    on_time = ping("fresh", due=NOW - timedelta(minutes=2))
    report = delivery.sweep()
    delivery.sweep()
    item.refresh_from_db()
    on_time.refresh_from_db()
    assert item.status == Status.SENT
    assert item.late
    assert not on_time.late
    assert report.late == 1
    assert sorted(smtp_server.subjects) == ["ping fresh", "ping missed (late)"]


def test_an_abandoned_claim_is_taken_back_after_its_lease(smtp_server, at_now, settings):
    settings.NOTIFICATIONS_LEASE_SECONDS = 900
    stale = ping(
        "stale", status=Status.SENDING, claimed_at=NOW - timedelta(seconds=901), attempts=1
    )
    held = ping("held", status=Status.SENDING, claimed_at=NOW - timedelta(seconds=60), attempts=1)
    delivery.sweep()
    stale.refresh_from_db()
    held.refresh_from_db()
    assert stale.status == Status.SENT
    assert stale.attempts == 2
    assert held.status == Status.SENDING  # another worker is still on it
    assert smtp_server.subjects == ["ping stale"]


def test_an_outcome_is_not_written_over_a_claim_that_changed_hands(at_now):
    item = ping("contested")
    [claimed] = delivery.claim_batch(Ping, now=NOW, limit=10)
    Ping.objects.filter(pk=item.pk).update(claimed_at=NOW + timedelta(minutes=20))  # re-claimed
    assert delivery._settle(claimed, status=Status.SENT) is False
    item.refresh_from_db()
    assert item.status == Status.SENDING


def test_the_sweep_stops_claiming_when_its_time_budget_is_spent(smtp_server, at_now):
    for n in range(5):
        ping(f"n{n}")
    delivery.sweep(batch_size=2, time_budget=0)
    assert smtp_server.messages == []
    assert Ping.objects.filter(status=Status.PENDING).count() == 5
    delivery.sweep(batch_size=2)
    assert len(smtp_server.messages) == 5


def test_the_queue_is_swept_in_batches_until_nothing_is_due(smtp_server, at_now):
    for n in range(7):
        ping(f"b{n}")
    report = delivery.sweep(batch_size=3)
    assert report.sent == 7
    assert report.by_queue == {"testapp.Ping": {"sent": 7}}


def test_only_concrete_notification_models_can_be_registered():
    with pytest.raises(TypeError):
        register(Notification)
    assert Ping in queues()


def test_a_queue_with_a_schedule_of_its_own_is_left_out_of_the_shared_sweep(smtp_server, at_now):
    from apps.reminders.models import Reminder

    assert Reminder in queues()
    assert Reminder not in queues(shared_only=True)
    assert Ping in queues(shared_only=True)


def test_a_sweep_can_be_limited_to_some_queues(smtp_server, at_now):
    ping("chosen")
    assert delivery.sweep(models=[]).sent == 0
    assert delivery.sweep(models=[Ping]).sent == 1
    assert smtp_server.subjects == ["ping chosen"]


def test_the_sweep_runs_every_two_minutes_as_a_schedule():
    call_command("setup_schedules")
    schedule = Schedule.objects.get(name="rightsdesk:notifications-sweep")
    assert schedule.func == "apps.notifications.tasks.sweep"
    assert schedule.minutes == 2


def test_the_scheduled_task_sweeps_through_the_task_queue(smtp_server, at_now):
    from django_q.tasks import async_task, result

    ping("queued")
    task_id = async_task("apps.notifications.tasks.sweep")  # sync in tests: the real worker code
    assert result(task_id)["sent"] == 1
    assert smtp_server.subjects == ["ping queued"]


# --- Concurrency (PostgreSQL: real row locks) ----------------------------------------------------


def _in_thread(target, results: list, index: int) -> threading.Thread:
    def run() -> None:
        try:
            results[index] = target()
        finally:
            connection.close()

    return threading.Thread(target=run)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_sweeps_running_at_once_deliver_each_notification_exactly_once(smtp_server):
    for n in range(40):
        ping(f"c{n}", due=datetime.now(UTC) - timedelta(minutes=1))
    smtp_server.delay = 0.02  # each message takes a while, so the sweeps overlap
    results: list = [None, None]
    threads = [_in_thread(lambda: delivery.sweep(batch_size=5), results, i) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    subjects = smtp_server.subjects
    assert len(subjects) == 40
    assert len(set(subjects)) == 40
    assert Ping.objects.filter(status=Status.SENT, attempts=1).count() == 40
    assert results[0].sent + results[1].sent == 40
    assert results[0].sent > 0
    assert results[1].sent > 0  # both really worked, on different rows


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_claim_in_progress_hides_its_rows_from_another_claimer():
    from django.db import transaction

    now = datetime.now(UTC)
    for n in range(4):
        ping(f"l{n}", due=now - timedelta(minutes=1))
    locked = threading.Event()
    release = threading.Event()
    first: list = [None]

    def hold_two_rows() -> None:
        try:
            with transaction.atomic():
                rows = list(Ping.objects.select_for_update(skip_locked=True).order_by("pk")[:2])
                first[0] = [row.key for row in rows]
                locked.set()
                release.wait(10)
        finally:
            connection.close()

    holder = threading.Thread(target=hold_two_rows)
    holder.start()
    assert locked.wait(10)
    claimed = delivery.claim_batch(Ping, now=now, limit=10)
    release.set()
    holder.join(10)
    assert sorted(item.key for item in claimed) == ["l2", "l3"]
    assert first[0] == ["l0", "l1"]
