"""A logging filter that keeps people's email addresses out of every log line.

Logs go to operators and log stores we do not control as tightly as the database. Anything that
looks like an email address is masked in the final message, whichever code logged it (ours,
Django's, allauth's or django-q2's). Letter bodies and identifiers are never passed to a logger
in the first place; this filter is the safety net for addresses.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from django.http import HttpRequest
from django.views.debug import SafeExceptionReporterFilter

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
        if record.exc_info and not record.exc_text:
            # Format the traceback now (formatters reuse exc_text), so the exception's own
            # message, e.g. an SMTP error naming the recipient, is masked too.
            record.exc_text = _formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


_formatter = logging.Formatter()


class PrivateExceptionReporterFilter(SafeExceptionReporterFilter):
    """Error reports (the emails Django sends to ADMINS) without what people typed.

    Django's default filter hides only passwords and settings that look secret. A request to
    this app can carry a letter body, account identifiers or a requester's address in its POST
    data or in a view's local variables, so with DEBUG off every POST value and every local
    variable in the traceback is replaced by stars; the field and variable names stay, which is
    what an operator needs to find the bug.
    """

    def get_post_parameters(self, request: HttpRequest | None) -> dict[str, Any]:
        if request is None or not self.is_active(request):
            return super().get_post_parameters(request)
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_traceback_frame_variables(
        self, request: HttpRequest | None, tb_frame: Any
    ) -> list[tuple[str, Any]]:
        variables = super().get_traceback_frame_variables(request, tb_frame)
        if not self.is_active(request):
            return variables
        return [(name, self.cleansed_substitute) for name, _value in variables]
