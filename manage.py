#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    if sys.version_info < (3, 12):  # noqa: UP036 -- the point: a clear message on an old python3
        sys.exit(
            f"Rightsdesk needs Python 3.12 or newer; this is {sys.version.split()[0]}. "
            "Use bin/serve or bin/test, which pick a suitable interpreter and virtualenv."
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
