"""iCalendar files of the tracker's dates: the private feed of every open request, and one
request's ``.ics``. Built with the ``icalendar`` library, which escapes and folds every value
(a company name with a comma or a line break cannot break the file). Reads only the stored
columns (``stored_state``), so the feed costs the same queries for 5 requests or 500."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta

import icalendar

from apps.catalog.vocabulary import RIGHTS

from .lifecycle import WAITING, DueDate, Status
from .models import PrivacyRequest

PRODID = "-//Rightsdesk//Request tracker//EN"


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _all_day(
    *,
    uid: str,
    on: date,
    summary: str,
    description: str,
    url: str,
    stamp: object,
    alarm_days: Sequence[int] = (),
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", on)
    event.add("dtend", on + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    if url:
        event.add("url", url)
    for days in alarm_days:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{summary} (in {days} day{'s' if days != 1 else ''})")
        alarm.add("trigger", timedelta(days=-days))
        event.add_component(alarm)
    return event


def request_events(
    request: PrivacyRequest, *, url: str, alarm_days: Sequence[int] = ()
) -> list[icalendar.Event]:
    """The dates one request still waits for: every deadline in force (or the courtesy date),
    and the acknowledgement while none has come. Closed requests and drafts have none."""
    if request.status not in WAITING:
        return []
    recipient = request.recipient_value
    name = recipient.name or recipient.legal_entity
    stamp = request.updated_at
    events = []
    dates = [DueDate.from_dict(d) for d in request.due_dates or ()]
    extended = " (as extended)" if request.status == Status.EXTENDED else ""
    for n, due in enumerate(dates):
        if len(dates) == 1:
            summary = f"Reply due from {name} ({request.reference})"
            what = f"The legal deadline for your privacy request {request.reference} to {name}"
        else:
            rights = ", ".join(RIGHTS.get(r, r) for r in due.rights)
            summary = f"Reply due from {name}: {rights} ({request.reference})"
            what = (
                f"The legal deadline for this part of your privacy request "
                f"{request.reference} to {name} ({rights})"
            )
        events.append(
            _all_day(
                # The first date keeps the UID a one-date request always had.
                uid=f"{request.code}-due{f'-{n + 1}' if n else ''}@rightsdesk",
                on=due.on,
                summary=summary,
                description=(
                    f"{what}{extended if due.extended else ''}. "
                    "If no answer has come by then, send a follow-up."
                ),
                url=url,
                stamp=stamp,
                alarm_days=alarm_days,
            )
        )
    if not dates and request.courtesy_reply_by is not None:
        events.append(
            _all_day(
                uid=f"{request.code}-reply-by@rightsdesk",
                on=request.courtesy_reply_by,
                summary=f"Reply asked for from {name} ({request.reference})",
                description="The date your letter asked for a reply by (no law sets one).",
                url=url,
                stamp=stamp,
                alarm_days=alarm_days,
            )
        )
    if request.acknowledge_by is not None and request.acknowledged_on is None:
        events.append(
            _all_day(
                uid=f"{request.code}-acknowledge@rightsdesk",
                on=request.acknowledge_by,
                summary=f"Acknowledgement due from {name} ({request.reference})",
                description="The law requires the company to confirm receipt by this date.",
                url=url,
                stamp=stamp,
            )
        )
    return events


def ics_bytes(
    requests: Iterable[PrivacyRequest],
    *,
    name: str,
    url_for: Callable[[PrivacyRequest], str],
    alarm_days: Sequence[int] = (),
) -> bytes:
    calendar = _calendar(name)
    for request in requests:
        for event in request_events(request, url=url_for(request), alarm_days=alarm_days):
            calendar.add_component(event)
    return calendar.to_ical()
