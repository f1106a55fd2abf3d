from datetime import timedelta

import pytest
from django.db import DatabaseError
from django.utils import timezone

from apps.core.models import Heartbeat
from apps.core.tasks import QUEUE_HEARTBEAT, heartbeat

pytestmark = pytest.mark.django_db


def test_it_reports_a_queue_that_never_ran(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == {"status": "ok"}
    assert body["queue"]["status"] == "never"
    assert body["queue"]["last_heartbeat"] is None
    assert body["status"] == "degraded"


def test_it_reports_the_last_heartbeat_of_the_scheduled_task(client):
    stamp = heartbeat()
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["queue"]["status"] == "ok"
    assert body["queue"]["last_heartbeat"] == stamp
    assert body["queue"]["age_seconds"] == 0
    assert body["queue"]["broker"] == "orm"


def test_it_calls_an_old_heartbeat_stale(client, settings):
    settings.HEARTBEAT_STALE_AFTER_SECONDS = 60
    Heartbeat.objects.create(name=QUEUE_HEARTBEAT, beat_at=timezone.now() - timedelta(minutes=5))
    body = client.get("/healthz").json()
    assert body["queue"]["status"] == "stale"
    assert body["queue"]["age_seconds"] >= 300


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
