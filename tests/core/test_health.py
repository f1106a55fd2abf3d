from datetime import timedelta

import pytest
import time_machine
from django.db import DatabaseError
from django.utils import timezone

from apps.core.models import Heartbeat
from apps.core.tasks import QUEUE_HEARTBEAT, heartbeat

pytestmark = pytest.mark.django_db


def test_it_answers_503_for_a_queue_that_never_ran(client):
    # A monitor must see a worker or scheduler that never started (issue 14).
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["database"] == {"status": "ok"}
    assert body["queue"]["status"] == "never"
    assert body["queue"]["last_heartbeat"] is None
    assert body["status"] == "degraded"


def test_it_reports_the_last_heartbeat_of_the_scheduled_task(client):
    stamp = heartbeat()
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["queue"]["status"] == "ok"
    assert body["queue"]["last_heartbeat"] == stamp
    assert body["queue"]["age_seconds"] == 0
    assert body["queue"]["broker"] == "orm"


def test_it_calls_an_old_heartbeat_stale_and_answers_503(client, settings):
    settings.HEARTBEAT_STALE_AFTER_SECONDS = 60
    Heartbeat.objects.create(name=QUEUE_HEARTBEAT, beat_at=timezone.now() - timedelta(minutes=5))
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded"
    assert body["queue"]["status"] == "stale"
    assert body["queue"]["age_seconds"] >= 300


@pytest.mark.parametrize(
    ("age", "status"),
    [
        pytest.param(timedelta(seconds=179), 200, id="two-beats-late-is-still-alive"),
        pytest.param(timedelta(seconds=181), 503, id="three-intervals-without-a-beat-is-stale"),
    ],
)
def test_stale_means_three_intervals_of_the_heartbeat_schedule(client, age, status):
    from apps.core.schedules import SCHEDULES

    [spec] = [s for s in SCHEDULES if s.name == "heartbeat"]
    assert spec.minutes == 1  # the figures below are three of its intervals
    with time_machine.travel(timezone.now(), tick=False):
        Heartbeat.objects.create(name=QUEUE_HEARTBEAT, beat_at=timezone.now() - age)
        response = client.get("/healthz")
    assert response.status_code == status
    assert response.json()["queue"]["stale_after_seconds"] == 180


def test_head_answers_like_get(client):
    assert client.head("/healthz").status_code == 503
    heartbeat()
    response = client.head("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def test_it_answers_503_when_the_database_is_unreachable(client, monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"]["status"] == "error"


def test_it_is_never_cached(client):
    response = client.get("/healthz")
    assert "no-cache" in response["Cache-Control"]


def test_heartbeat_keeps_one_row_however_often_it_runs():
    heartbeat()
    heartbeat()
    assert Heartbeat.objects.filter(name=QUEUE_HEARTBEAT).count() == 1
