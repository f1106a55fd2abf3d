"""``manage.py watch_policies`` and the weekly task: the same service, each with its own shape."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django_q.models import Schedule

from apps.core.schedules import PREFIX, sync_schedules
from apps.watch import tasks
from apps.watch.models import Check, Snapshot
from tests.watch.conftest import make_document, make_platform, policy_html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_watch")]


@pytest.fixture
def two_platforms(policy_site):
    acme, other = make_platform("acme-ai", "Acme AI"), make_platform("other-ai", "Other AI")
    policy_site.page("/acme/privacy", policy_html("Acme keeps prompts."))
    policy_site.page("/acme/terms", policy_html("Acme terms."))
    policy_site.page("/other/privacy", policy_html("Other keeps nothing."))
    make_document(acme, "privacy-policy", policy_site.url("/acme/privacy"), title="Privacy Policy")
    make_document(acme, "terms", policy_site.url("/acme/terms"), title="Terms of Use")
    make_document(other, "privacy-policy", policy_site.url("/other/privacy"), title="Privacy")
    return acme, other


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("watch_policies", *args, stdout=out, no_color=True)
    return out.getvalue()


def test_the_command_prints_a_line_per_document_as_it_finishes_and_a_summary(
    two_platforms, policy_site
):
    output = run()
    lines = output.strip().splitlines()
    assert lines[0].startswith("Checking 3 document(s), 4 at a time")
    progress = lines[1:-1]
    assert len(progress) == 3
    assert {re.match(r"\[\d/3\] (\S+) · (.+?) · ", line).groups() for line in progress} == {
        ("acme-ai", "Privacy Policy"),
        ("acme-ai", "Terms of Use"),
        ("other-ai", "Privacy"),
    }
    assert all("baseline v1 stored, not a change" in line for line in progress)
    assert all(re.search(r" · \d+\.\ds$", line) for line in progress)
    assert re.match(
        r"3 document\(s\) checked in \d+\.\ds: 0 changed, 0 unchanged, 3 baseline, 0 failed$",
        lines[-1],
    )

    policy_site.page("/acme/terms", policy_html("Acme terms, now with training."))
    policy_site.routes["/other/privacy"] = lambda h: h.send_error(500)
    lines = run().strip().splitlines()
    by_document = {line.split(" · ")[1]: line for line in lines[1:-1]}
    assert "CHANGED v2 (+4 −1 words)" in by_document["Terms of Use"]
    assert "not modified (304) v1, no change" in by_document["Privacy Policy"]
    assert "FAILED http error: HTTP 500" in by_document["Privacy"]
    assert re.match(
        r"3 document\(s\) checked in .*: 1 changed, 1 unchanged, 0 baseline, 1 failed "
        r"\(1 http error\)$",
        lines[-1],
    )


def test_platform_limits_the_run_to_one_platform(two_platforms, policy_site):
    output = run("--platform", "other-ai")
    assert "Checking 1 document(s)" in output
    assert Check.objects.get().document.platform.slug == "other-ai"
    assert policy_site.hits == {"/other/privacy": 1}


def test_an_unknown_platform_is_an_error_naming_it(two_platforms):
    with pytest.raises(CommandError, match="No platform 'nope' in the catalog"):
        run("--platform", "nope")


def test_nothing_to_watch_says_so(db):
    make_platform("quiet-ai", "Quiet AI")
    assert "Nothing to watch" in run("--platform", "quiet-ai")


def test_the_weekly_schedule_calls_the_task(db):
    sync_schedules()
    schedule = Schedule.objects.get(name=PREFIX + "watch-policies")
    assert schedule.func == "apps.watch.tasks.watch_policies"
    assert schedule.schedule_type == Schedule.WEEKLY
    assert schedule.repeats == -1


def test_the_task_runs_through_the_queue_and_records_every_document(two_platforms):
    from django_q.tasks import async_task, result

    task_id = async_task("apps.watch.tasks.watch_policies")  # sync in tests: the real worker code
    outcome = result(task_id)
    assert outcome["counts"] == {"baseline": 3}
    assert Snapshot.objects.count() == 3


def test_a_task_out_of_time_queues_itself_to_check_only_what_is_left(two_platforms, monkeypatch):
    budgets = iter([0, 60])  # the first round starts nothing, the second has time
    monkeypatch.setattr(tasks, "task_budget", lambda config=None: next(budgets))
    report = tasks.watch_policies()
    assert report["counts"] == {"skipped": 3}
    # The second round ran inline (sync queue in tests): each document checked exactly once.
    assert Check.objects.count() == 3
    assert sorted(Check.objects.values_list("outcome", flat=True)) == ["baseline"] * 3


def test_a_continued_run_leaves_out_documents_checked_since_it_began(two_platforms):
    from django.utils import timezone

    started = timezone.now()
    call_command("watch_policies", "--platform", "acme-ai", stdout=io.StringIO())
    report = tasks.watch_policies(started.isoformat(), 2)
    assert report["counts"] == {"baseline": 1}  # only other-ai's document was left


def test_the_task_budget_leaves_room_for_the_documents_in_flight(settings):
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "timeout": 120}
    settings.WATCH_TOTAL_TIMEOUT = 30
    assert tasks.task_budget() == 120 - 30 - tasks.MARGIN_SECONDS
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "timeout": 40}
    assert tasks.task_budget() == 30  # never less than one document's deadline


def test_check_now_checks_the_chosen_documents(two_platforms):
    acme, _other = two_platforms
    ids = list(acme.documents.values_list("pk", flat=True))
    report = tasks.check_documents(ids)
    assert report["counts"] == {"baseline": 2}
    assert set(Check.objects.values_list("document", flat=True)) == set(ids)


def test_invalid_watch_settings_fail_the_system_check(settings):
    from apps.watch.checks import watch_settings

    settings.WATCH_CONCURRENCY = 0
    [error] = watch_settings()
    assert error.id == "watch.E001"
    assert "concurrency must be at least 1" in error.msg


def test_failures_are_printed_once_not_logged_again_unless_asked(
    two_platforms, policy_site, caplog
):
    policy_site.error("/other/privacy", 500)
    output = run("--platform", "other-ai")
    assert "FAILED http error: HTTP 500" in output
    assert not [r for r in caplog.records if r.name == "apps.watch.services"]
    call_command("watch_policies", "--platform", "other-ai", verbosity=2, stdout=io.StringIO())
    assert [r.levelname for r in caplog.records if r.name == "apps.watch.services"] == ["WARNING"]
