"""``manage.py deadline``: JSON on stdout; one line on stderr and exit status 2 when refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> dict:
    out = StringIO()
    call_command("deadline", *args, stdout=out)
    return json.loads(out.getvalue())


def test_it_prints_the_issues_example_as_json():
    data = run("gdpr", "2026-01-31", "--country", "IE")
    assert data["regime"] == "gdpr"
    assert data["right"] == "access"
    assert data["received_on"] == "2026-01-31"
    assert data["due_on"] == "2026-03-02"
    assert data["extended_due_on"] == "2026-04-30"
    assert data["acknowledge_by"] is None
    assert data["overdue_after"] == "2026-03-02"
    assert data["explanation"].startswith("Received Sat 31 Jan 2026 → one month → 28 Feb 2026")
    assert data["authorities"][0]["name"] == "Data Protection Commission (DPC)"


def test_it_takes_the_right_the_state_and_the_extension():
    data = run("ccpa", "2026-11-02", "--right", "delete", "--state", "CA", "--extended")
    assert data["due_on"] == "2026-12-17"
    # Sun 31 Jan 2027 rolls to Mon 1 Feb: Code Civ. Proc. §12a (laws.md §7A.2, issue 15).
    assert data["extended_due_on"] == "2027-02-01"
    assert data["acknowledge_by"] == "2026-11-17"
    assert data["overdue_after"] == "2027-02-01"


def test_it_gives_null_where_the_law_has_no_extension_or_acknowledgement():
    data = run("lgpd", "2026-11-16")
    assert data["due_on"] == "2026-12-01"
    assert data["extended_due_on"] is None
    assert data["acknowledge_by"] is None


def test_it_gives_only_a_courtesy_date_without_a_statute():
    data = run("none", "2026-03-02", "--right", "object")
    assert data["due_on"] is None
    assert data["courtesy_reply_by"] == "2026-04-01"
    assert data["statutory"] is False


def test_it_takes_a_business_day_calendar_pauses_and_appeals():
    assert (
        run("ccpa", "2026-09-04", "--right", "opt-out-sale", "--calendar", "federal")["due_on"]
        == "2026-09-28"
    )
    paused = run("uk-gdpr", "2026-03-02", "--pause", "clarification:2026-03-04:2026-03-11")
    assert paused["due_on"] == "2026-04-10"
    appeal = run("us-co", "2026-06-01", "--appeal", "--extended")
    assert appeal["kind"] == "appeal"
    assert appeal["extended_due_on"] == "2026-09-14"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ("gdpr", "2026-02-30", "--country", "IE"), "Not a date: '2026-02-30'", id="bad-date"
        ),
        pytest.param(("eu", "2026-01-31"), "Unknown regime 'eu'", id="unknown-regime"),
        pytest.param(
            ("ccpa", "2026-01-31", "--right", "object"),
            "CCPA does not grant the right 'object'",
            id="right-not-granted",
        ),
        pytest.param(
            ("gdpr", "2026-01-31", "--right", "erase", "--country", "IE"),
            "Unknown right 'erase'",
            id="unknown-right",
        ),
        pytest.param(
            ("gdpr", "2026-01-31"),
            "give the person's or the company's country",
            id="gdpr-needs-a-state",
        ),
        pytest.param(
            ("lgpd", "2026-01-31", "--extended"), "allows no extension", id="no-extension"
        ),
        pytest.param(
            ("uk-gdpr", "2026-01-31", "--pause", "id:2026-02-01"), "Not a pause", id="bad-pause"
        ),
        pytest.param(("us-ut", "2026-01-31", "--appeal"), "no appeal", id="no-appeal"),
    ],
)
def test_it_refuses_with_one_line_and_status_2(args, message):
    with pytest.raises(CommandError) as raised:
        call_command("deadline", *args, stdout=StringIO())
    assert raised.value.returncode == 2
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def manage(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.test_settings"}
    env.pop("DATABASE_URL", None)  # the command needs no database
    return subprocess.run(
        [sys.executable, "manage.py", "deadline", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_prints_json_and_exits_0_from_the_shell():
    result = manage("gdpr", "2026-01-31", "--country", "IE")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["due_on"] == "2026-03-02"
    assert result.stderr == ""


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("gdpr", "31-01-2026", "--country", "IE"), id="bad-date"),
        pytest.param(("nope", "2026-01-31"), id="unknown-regime"),
        pytest.param(("pipeda", "2026-01-31", "--right", "delete"), id="right-not-granted"),
    ],
)
def test_it_exits_2_with_one_line_on_stderr_from_the_shell(args):
    result = manage(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("CommandError: ")


def test_the_engine_imports_and_runs_without_django_or_a_database():
    code = (
        "import sys, datetime; import apps.deadlines as d; "
        "print(d.compute_deadline('uk-gdpr', 'access', datetime.date(2026, 9, 3)).due_on); "
        "print(any(m.startswith('django') for m in sys.modules))"
    )
    env = {
        k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2026-10-05", "False"]
