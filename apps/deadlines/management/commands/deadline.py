"""``manage.py deadline REGIME RECEIVED_ON``: a request's statutory deadlines as JSON.

Examples::

    manage.py deadline gdpr 2026-01-31 --country IE
    manage.py deadline ccpa 2026-11-02 --right delete --extended
    manage.py deadline uk-gdpr 2026-03-02 --pause clarification:2026-03-04:2026-03-11
    manage.py deadline us-co 2026-06-01 --appeal
    manage.py deadline uk-gdpr 2026-03-02 --channel post --company-region SCT

A bad date, an unknown regime, a right the regime does not grant (and every other input the
engine refuses) is one line on stderr and exit status 2.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.deadlines import (
    CHANNELS,
    REGIMES,
    RIGHTS,
    DeadlineError,
    Pause,
    compute_appeal_deadline,
    compute_deadline,
    parse_date,
)
from apps.deadlines.engine import CA_CALENDARS, PAUSE_KINDS


class Command(BaseCommand):
    help = (
        "Print a privacy request's statutory deadlines as JSON. "
        f"Regimes: {', '.join(REGIMES)}. Rights: {', '.join(RIGHTS)}."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("regime", help="e.g. gdpr, uk-gdpr, ccpa, us-va, pipeda, none")
        parser.add_argument(
            "received_on",
            help="the day the company received it, YYYY-MM-DD (with --channel: the day it was sent)",
        )
        parser.add_argument(
            "--country", default="", help="the person's country (ISO code, e.g. IE)"
        )
        parser.add_argument(
            "--state", default="", help="US state or Canadian province (e.g. CA, QC)"
        )
        parser.add_argument(
            "--company-country",
            default=None,
            help="the controller's country of establishment (GDPR: whose holidays count)",
        )
        parser.add_argument(
            "--company-region",
            default="",
            help="the controller's UK nation (ENG, WLS, SCT, NIR) or region (German Land BY, …)",
        )
        parser.add_argument(
            "--channel",
            default=None,
            help=f"how it was sent ({', '.join(CHANNELS)}): RECEIVED_ON is then the day it was sent",
        )
        parser.add_argument("--right", default="access", help=f"one of: {', '.join(RIGHTS)}")
        parser.add_argument(
            "--extended", action="store_true", help="the company validly extended the deadline"
        )
        parser.add_argument(
            "--calendar",
            default=None,
            help=f"CCPA business days: {', '.join(CA_CALENDARS)} (default both)",
        )
        parser.add_argument(
            "--pause",
            action="append",
            default=[],
            metavar="KIND:ASKED_ON:ANSWERED_ON",
            help=f"an ID, fee or clarification question ({', '.join(PAUSE_KINDS)}); repeatable",
        )
        parser.add_argument(
            "--appeal", action="store_true", help="RECEIVED_ON is an appeal (US state laws)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            received_on = parse_date(options["received_on"])
            if options["appeal"]:
                deadline = compute_appeal_deadline(
                    options["regime"],
                    received_on,
                    right=options["right"],
                    country=options["country"],
                    region=options["state"],
                    extended=options["extended"],
                )
            else:
                sent = options["channel"] is not None
                deadline = compute_deadline(
                    options["regime"],
                    options["right"],
                    None if sent else received_on,
                    sent_on=received_on if sent else None,
                    channel=options["channel"],
                    country=options["country"],
                    region=options["state"],
                    company_country=options["company_country"],
                    company_region=options["company_region"],
                    extended=options["extended"],
                    calendar=options["calendar"],
                    pauses=[_pause(text) for text in options["pause"]],
                )
        except DeadlineError as error:
            raise CommandError(str(error), returncode=2) from error
        self.stdout.write(deadline.to_json())


def _pause(text: str) -> Pause:
    kind, _, dates = text.partition(":")
    asked, _, answered = dates.partition(":")
    if kind not in PAUSE_KINDS or not asked or not answered:
        raise DeadlineError(
            f"Not a pause: {text!r}; use KIND:ASKED_ON:ANSWERED_ON with KIND one of "
            f"{', '.join(PAUSE_KINDS)}."
        )
    return Pause(kind, parse_date(asked), parse_date(answered))  # type: ignore[arg-type]
