"""A throwaway Django for a benchmark: a temporary ``var/`` and SQLite database, debug settings.

Scripts under ``bench/`` import it as ``from _throwaway import throwaway_django`` (the script's
folder is first on ``sys.path`` when run as ``python bench/<script>.py``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def throwaway_django(**extra_env: str) -> tuple[Path, dict[str, str]]:
    """Point the settings at a new temporary folder and SQLite file, then ``django.setup()``.

    Returns the folder and the variables it set (``extra_env`` included), for a script that
    starts other processes on the same database. Migrating is left to the script."""
    workdir = Path(tempfile.mkdtemp(prefix="rightsdesk-bench-"))
    env = {
        "DEBUG": "1",
        "RIGHTSDESK_VAR_DIR": str(workdir),
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        **extra_env,
    }
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    return workdir, env
