"""Statutory response deadlines, computed the way each law counts them, with the reasoning shown.

Plain Python, no models: importing this package needs no database. The rules are data in
:mod:`apps.deadlines.rules` (from ``/work/shared/reference/laws.md``), the holiday calendars in
:mod:`apps.deadlines.calendars` (the ``holidays`` package plus the lists laws.md counts with),
the arithmetic in :mod:`apps.deadlines.counting` and the engine in :mod:`apps.deadlines.engine`.

Public API (other apps call exactly these; extend, never rename)::

    from apps.deadlines import (
        RIGHTS, REGIMES, get_regime, applicable_regimes, compute_deadline,
        compute_appeal_deadline, extension_claimed_in_time, is_overdue, parse_date,
        Deadline, Pause, DeadlineError, UnknownRegime, UnknownRight, RightNotGranted,
        InvalidDate, MissingPlace, UnknownCountry, NoExtension, NoAppeal, UnknownCalendar,
    )

- ``RIGHTS``: ``("access", "delete", "object", "opt-out-sale", "correct")`` (the original five,
  stable) then ``"restrict"``, ``"portability"``, ``"automated-decisions"``,
  ``"limit-sensitive"``, ``"opt-out-targeted-ads"``, ``"opt-out-profiling"`` (issue 15). A right
  may exist only from a date (``RightRule.available_from``: Utah's right to correct from
  1 July 2026): asking earlier raises ``RightNotGranted`` with the reason.
- ``get_regime(code) -> Regime``: ``gdpr``, ``uk-gdpr``, ``ccpa``, ``us-va`` … ``us-ri``,
  ``pipeda``, ``quebec``, ``lgpd``, ``fadp``, ``au-privacy``, ``none``. ``Regime.rights`` maps
  each granted right to its rule (citation, period, extension, acknowledgement);
  ``Regime.not_granted`` says why a right is missing; ``Regime.authorities`` where to complain
  (for the GDPR, per member state via ``Deadline.authorities``), each with an ``unverified``
  text the UI shows as "check this".
- ``applicable_regimes(country, region="", company_country=None) -> tuple[str, ...]``: the
  regimes covering a person, strongest first (a Quebec resident: ``("quebec", "pipeda")``);
  ``("none",)`` when none does. ``company_country``: pass it only when the company's EU/EEA or
  UK establishment is the controller for this person.
- ``compute_deadline(regime, right, received_on, *, country="", region="",
  company_country=None, company_region="", extended=False, calendar=None, pauses=(),
  channel=None, sent_on=None) -> Deadline``. ``company_region``: the controller's UK nation
  (``ENG``/``WLS``/``SCT``/``NIR``) or EU subdivision (German Land ``BY``…) whose holidays count.
  ``channel`` + ``sent_on`` (with ``received_on=None``) let the engine work out the day of receipt.
- ``received_on_for(sent_on, channel, *, regime="", country="", company_country=None,
  company_region="") -> Receipt`` (``received_on``, ``latest_on``, ``explanation``: "Counted
  from Mon 2 Mar 2026, the day you sent it by email."). Channels: ``CHANNELS`` = email,
  web-form, post, in-app; post counts from the second working day after posting (UK rule,
  UNVERIFIED elsewhere).
- ``compute_appeal_deadline(regime, received_on, *, right="", extended=False) -> Deadline``
  (US states' appeals).
- ``extension_claimed_in_time(deadline, notified_on) -> bool``: whether an extension notice came
  within the first period (benefit of the doubt to the company: by the latest plausible end).
- ``is_overdue(deadline, on) -> bool``: only after ``deadline.overdue_after``.
- ``parse_date("2026-01-31") -> date`` or ``InvalidDate``.

A :class:`Deadline` (frozen) carries ``regime``, ``right``, ``received_on``,
``clock_starts_on``, ``due_on`` (None without a statutory period), ``extended_due_on`` (None
where the law has no extension or lets the company name the date), ``extension_notice_by``,
``acknowledge_by`` (None where the law has no acknowledgement step), ``overdue_after`` (the
latest plausible reading of the deadline in force: nothing is overdue on or before it),
``courtesy_reply_by`` (only without a statutory period: the date a letter asks for, never a
legal deadline), ``calendar`` (the holiday calendar of the legal reading, or None for plain
calendar days), ``overdue_calendar``, ``citation``, ``explanation_steps``, ``explanation`` (one
line: "Received Sat 31 Jan 2026 → one month → 28 Feb 2026 (no 31 Feb) → a Saturday → next
working day Mon 2 Mar 2026. GDPR Art. 12(3); Reg. 1182/71 Art. 3."), ``extended_explanation``,
``acknowledge_explanation``, ``overdue_explanation``, ``notes`` (the UNVERIFIED points that
apply), ``authorities``, ``receipt`` and ``received_explanation`` (the date it counts from, as a
sentence), ``statements`` (what a letter may state as law, e.g. CCPA: no verification or account
may be required), ``coverage`` ("Applies only to …", Florida), ``roll_rule`` (whether a last
day rolls under the law's counting statute, and why); ``as_dict()`` and ``to_json()``.

Errors are :class:`DeadlineError` subclasses (a ``ValueError``) with one-line messages.

Command: ``python manage.py deadline REGIME RECEIVED_ON [--country CC] [--state XX]
[--right …] [--extended]`` prints the JSON (see ``manage.py deadline --help``).
"""

from apps.deadlines.engine import (
    CHANNELS,
    Deadline,
    DeadlineError,
    InvalidDate,
    MissingPlace,
    NoAppeal,
    NoExtension,
    Pause,
    Receipt,
    RightNotGranted,
    UnknownCalendar,
    UnknownChannel,
    UnknownCountry,
    UnknownRegime,
    UnknownRight,
    applicable_regimes,
    compute_appeal_deadline,
    compute_deadline,
    extension_claimed_in_time,
    get_regime,
    is_overdue,
    parse_date,
    received_on_for,
)
from apps.deadlines.rules import REGIMES, RIGHTS, Authority, Regime

__all__ = [
    "CHANNELS",
    "REGIMES",
    "RIGHTS",
    "Authority",
    "Deadline",
    "DeadlineError",
    "InvalidDate",
    "MissingPlace",
    "NoAppeal",
    "NoExtension",
    "Pause",
    "Receipt",
    "Regime",
    "RightNotGranted",
    "UnknownCalendar",
    "UnknownChannel",
    "UnknownCountry",
    "UnknownRegime",
    "UnknownRight",
    "applicable_regimes",
    "compute_appeal_deadline",
    "compute_deadline",
    "extension_claimed_in_time",
    "get_regime",
    "is_overdue",
    "parse_date",
    "received_on_for",
]
