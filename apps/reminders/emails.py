"""The reminder email, and the signed link that turns reminders off without signing in.

``reminder_message`` is ``Reminder.build_message``: it re-checks that the reminder still applies
(``planner.still_applies``) and declines otherwise, so the row is cancelled. The email names the
platform and the dates only (no reference, account ids, addresses or letter text), links to the
request's page, and carries the one-click stop link (RFC 8058) in its ``List-Unsubscribe``.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.urls import reverse

from apps.catalog.vocabulary import RIGHTS
from apps.core.emails import absolute_url, make_message, one_click_stop_headers

from . import planner

if TYPE_CHECKING:
    from .models import Reminder

STOP_SALT = "rightsdesk.reminders.stop"


def stop_token(*, user_id: int) -> str:
    return signing.dumps({"u": user_id}, salt=STOP_SALT, compress=False)


def read_stop_token(token: str) -> int | None:
    """The user id, or None for a token we did not sign."""
    try:
        data = signing.loads(token, salt=STOP_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    return data["u"]


def stop_url(user_id: int) -> str:
    return absolute_url(
        reverse("reminders:stop_link", kwargs={"token": stop_token(user_id=user_id)})
    )


def platform_name(request: object) -> str:
    recipient = getattr(request, "recipient", None) or {}
    return str(recipient.get("name") or "the company")


def rights_phrase(rights: tuple[str, ...] | list[str]) -> str:
    """The rights a date is about, as the letter's choices name them: “Delete my data”."""
    return " and ".join(f"“{RIGHTS.get(r, r)}”" for r in rights)


def wording(
    kind: str, *, platform: str, deadline: str, days_left: int, rights: str = ""
) -> tuple[str, str]:
    """(headline, what to do): the subject line and the email's advice, for one kind.
    ``days_left``: from the person's today to the date (a late reminder counts from today).
    ``rights``: for a request with several dates, what this date is about (``rights_phrase``);
    empty when the request has one date."""
    if planner.days_before(kind) is not None:
        left = f"{days_left} day{'s' if days_left != 1 else ''} left"
        if rights:
            headline = f"{platform} must answer your request for {rights} by {deadline} ({left})"
        else:
            headline = f"{platform} must answer your request by {deadline} ({left})"
        return (
            headline,
            "Nothing to do yet. If they answer, record it on the request's page and the "
            "reminders about this date stop.",
        )
    if kind == planner.DUE:
        return (
            f"{platform} must answer your request for {rights} today, {deadline}"
            if rights
            else f"{platform} must answer your request today, {deadline}",
            "If no answer comes today, we will remind you tomorrow, with a follow-up letter "
            "ready to send.",
        )
    if kind == planner.MISSED:
        return (
            f"{platform} missed the deadline of {deadline} for {rights}: your follow-up is ready"
            if rights
            else f"{platform} missed the deadline of {deadline}: your follow-up is ready",
            "No answer is recorded and the deadline has passed. The request's page has a "
            "follow-up letter ready to send and says what you can do next.",
        )
    return {
        planner.ACKNOWLEDGE: (
            f"{platform} should have confirmed receiving your request by {deadline}",
            "No acknowledgement is recorded. If they sent one, record its date on the "
            "request's page; if not, you can remind them that the law asks for one.",
        ),
        planner.DRAFT: (
            f"Your request to {platform}, saved on {deadline}, is not sent yet",
            "The company's deadline only starts once they receive it. Send it from the "
            "request's page, then mark it sent so we can remind you of their deadline.",
        ),
    }[kind]


def reminder_message(reminder: Reminder, *, now: datetime) -> EmailMessage | None:
    request = reminder.request
    user = request.owner
    profile = user.profile
    today = now.astimezone(profile.zone).date()
    planned = planner.applicable(reminder, today=today)
    if planned is None:
        return None
    unsubscribe = stop_url(user.pk)
    platform = platform_name(request)
    # A reminder about a deadline names that deadline's own date (a missed one is keyed by the
    # day after which it counts as missed, but the date it missed is the deadline itself).
    about = planned.due.on if planned.due is not None else reminder.deadline_on
    several = len(planner.due_dates(request)) > 1
    deadline = profile.format_date(about)
    headline, advice = wording(
        reminder.kind,
        platform=platform,
        deadline=deadline,
        days_left=(about - today).days,
        rights=rights_phrase(planned.due.rights) if several and planned.due else "",
    )
    context = {
        "kind": reminder.kind,
        "headline": headline,
        "advice": advice,
        "platform": platform,
        "deadline": deadline,
        "sent_on": profile.format_date(request.sent_on) if request.sent_on else "",
        "request_url": absolute_url(request.get_absolute_url()),
        "settings_url": absolute_url(reverse("accounts:settings")),
        "stop_url": unsubscribe,
        "late": reminder.late,
        "SITE_NAME": settings.SITE_NAME,
    }
    return make_message(
        name="reminder",
        to=[user.email],
        context=context,
        headers=one_click_stop_headers(unsubscribe),
    )
