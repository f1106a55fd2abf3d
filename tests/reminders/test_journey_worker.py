"""End to end: a real ``qcluster`` worker, started as in production, fires the reminders'
schedule against the test database and the reminder arrives at a real SMTP server.

django-q2's scheduler first looks at the schedules about 30 seconds after the cluster starts,
so this test takes that long; it polls for the email and gives up after ``TIMEOUT`` seconds.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_q.models import Schedule

from apps.reminders.models import Reminder
from tests.letters.factories import saved_request

TIMEOUT = 150  # seconds


def database_url() -> str:
    """The test database as a DATABASE_URL the subprocess's settings understand."""
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def stop(process: subprocess.Popen) -> None:
    """Ask the cluster to stop (SIGTERM, as a process manager would), then make sure its whole
    process group (the workers it forked) is gone."""
    if process.poll() is None:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=30)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # our own session: only what we started
    process.wait(timeout=10)


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_fires_the_schedule_and_the_reminder_arrives(alice, smtp_server):
    if connection.settings_dict["NAME"] == ":memory:" or "mode=memory" in str(
        connection.settings_dict["NAME"]
    ):
        pytest.fail("the test database must be a file (config/test_settings.py) for a subprocess")
    saved_request(alice, today=timezone.now().date() - timedelta(days=4))  # a forgotten draft
    call_command("setup_schedules", verbosity=0)
    assert Schedule.objects.filter(name="rightsdesk:reminders-sweep").exists()

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.test_settings",
        "RIGHTSDESK_TEST_QCLUSTER": "1",
        "DATABASE_URL": database_url(),
        "DB_CONN_MAX_AGE": "0",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_server.port),
        "EMAIL_USE_TLS": "0",
        "EMAIL_TIMEOUT": "10",
        "REDIS_URL": "",
    }
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + TIMEOUT
            while not smtp_server.messages and time.monotonic() < deadline:
                if process.poll() is not None:
                    break
                time.sleep(0.25)
        finally:
            stop(process)
            log.seek(0)
            output = log.read().decode(errors="replace")[-4000:]

    assert smtp_server.messages, f"no reminder arrived within {TIMEOUT}s; worker said:\n{output}"
    assert len(smtp_server.messages) == 1
    assert "is not sent yet" in " ".join(str(smtp_server.messages[0]["Subject"]).split())
    assert smtp_server.envelopes[0][1] == ["alice@example.org"]
    reminder = Reminder.objects.get()
    assert reminder.kind == "draft"
    assert reminder.status == Reminder.Status.SENT
