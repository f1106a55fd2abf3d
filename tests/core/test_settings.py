"""Settings come from the environment; production settings pass Django's deployment checklist.

These run ``manage.py`` in a subprocess so the settings module is imported fresh with the
environment under test, exactly as a deployment would.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-secret-key-7c1f0e9b2d4a6c8e0f1a3b5d7e9f1a2b",
    "ALLOWED_HOSTS": "rightsdesk.example",
    "SITE_URL": "https://rightsdesk.example",
}


def manage(*args: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DJANGO_SETTINGS_MODULE",
            "DEBUG",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "REDIS_URL",
            "EMAIL_HOST",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    full_env = {
        **clean,
        "RIGHTSDESK_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_value(expression: str, env: dict[str, str], tmp_path: Path) -> str:
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        f"from django.conf import settings; print({expression})",
        env=env,
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_settings_pass_the_deployment_checklist_without_warnings(tmp_path):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION, tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_without_debug_a_missing_secret_key_is_a_clear_error(tmp_path):
    env = {**PRODUCTION, "SECRET_KEY": ""}
    result = manage("check", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY is not set. It is required when DEBUG is off" in result.stderr


def test_without_debug_missing_allowed_hosts_is_a_clear_error(tmp_path):
    env = {**PRODUCTION, "ALLOWED_HOSTS": ""}
    result = manage("check", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is empty" in result.stderr


def test_local_use_keeps_one_generated_secret_key_under_var(tmp_path):
    env = {"DEBUG": "1"}
    first = settings_value("settings.SECRET_KEY", env, tmp_path)
    second = settings_value("settings.SECRET_KEY", env, tmp_path)
    assert first == second
    assert len(first) >= 50
    assert (tmp_path / "secret_key").read_text().strip() == first


def test_the_embedded_default_is_sqlite_under_var_the_orm_broker_and_emails_in_files(tmp_path):
    env = {"DEBUG": "1"}
    assert settings_value("settings.DATABASES['default']['NAME']", env, tmp_path) == str(
        tmp_path / "rightsdesk.sqlite3"
    )
    assert settings_value("settings.Q_CLUSTER.get('orm')", env, tmp_path) == "default"
    assert settings_value(
        "settings.MAILERS['default']['OPTIONS']['file_path']", env, tmp_path
    ) == str(tmp_path / "mail")


def test_database_url_and_redis_url_switch_to_postgresql_and_redis(tmp_path):
    env = {
        **PRODUCTION,
        "DATABASE_URL": "postgres://app:pw@db.internal:5432/rightsdesk",
        "REDIS_URL": "redis://cache.internal:6379/0",
    }
    assert (
        settings_value("settings.DATABASES['default']['ENGINE']", env, tmp_path)
        == "django.db.backends.postgresql"
    )
    assert settings_value("settings.DATABASES['default']['HOST']", env, tmp_path) == "db.internal"
    assert (
        settings_value("settings.Q_CLUSTER.get('redis')", env, tmp_path)
        == "redis://cache.internal:6379/0"
    )
    assert settings_value("'orm' in settings.Q_CLUSTER", env, tmp_path) == "False"
    assert (
        settings_value("settings.CACHES['default']['BACKEND']", env, tmp_path)
        == "django.core.cache.backends.redis.RedisCache"
    )


def test_email_host_switches_to_smtp(tmp_path):
    env = {**PRODUCTION, "EMAIL_HOST": "smtp.example", "EMAIL_PORT": "2525"}
    assert (
        settings_value("settings.MAILERS['default']['BACKEND']", env, tmp_path)
        == "django.core.mail.backends.smtp.EmailBackend"
    )
    assert settings_value("settings.MAILERS['default']['OPTIONS']['port']", env, tmp_path) == "2525"


@pytest.mark.parametrize("value", ["flase", "maybe"])
def test_a_mistyped_debug_flag_stops_start_up(tmp_path, value):
    result = manage("check", env={**PRODUCTION, "DEBUG": value}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "is not a boolean" in result.stderr
