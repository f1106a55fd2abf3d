"""A logging filter that keeps people's email addresses out of every log line.

Logs go to operators and log stores we do not control as tightly as the database. Anything that
looks like an email address is masked in the final message, whichever code logged it (ours,
Django's, allauth's or django-q2's). Letter bodies and identifiers are never passed to a logger
in the first place; this filter is the safety net for addresses.
"""

from __future__ import annotations

import logging
import re

_EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")


def redact(text: str) -> str:
    """``alice@example.org`` → ``a…@example.org``: enough to tell domains apart, nothing more."""
    return _EMAIL.sub(lambda m: m.group(0)[0] + "…@" + m.group(0).split("@", 1)[1], text)


class RedactPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not lose the log line
            return True
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True
