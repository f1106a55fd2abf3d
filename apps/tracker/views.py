from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from apps.accounts.models import Profile
from apps.catalog.vocabulary import RIGHTS
from apps.core.forms import keep_invalid, restore_invalid
from apps.core.ownership import get_owned_or_404
from apps.generator import wizard
from apps.generator.store import forget as forget_letter
from apps.generator.views import today_for as request_today
from apps.letters import MAILTO_LIMIT, mailto, web_routes
from apps.letters.outputs import download_response
from apps.letters.pdf import missing_glyphs
from apps.letters.request import plan_notes

from .calendar import ics_bytes
from .dashboard import build_dashboard, cache_list, cached_list
from .escalation import wait_after_follow_up
from .export import csv_text, request_rows
from .forms import RECORDABLE, CorrectionForm, EventForm
from .lifecycle import ALLOWED, WAITING, EventKind, EventRefused, RequestState, Status
from .models import PrivacyRequest
from .services import (
    authorities_of,
    complaint_of,
    followup_details,
    followup_of,
    followup_reason,
    letter_of,
    plan_of,
    privacy_request_create,
    privacy_request_delete,
    request_record_event,
    request_state,
    sent_followup,
    today_for,
)


def _request(request: HttpRequest, code: str) -> PrivacyRequest:
    return get_owned_or_404(
        PrivacyRequest.objects.select_related("platform"), request.user, code=code
    )


def _detail_context(
    request: HttpRequest,
    saved: PrivacyRequest,
    *,
    bound: EventForm | CorrectionForm | None = None,
) -> dict[str, Any]:
    letter = letter_of(saved)
    today = today_for(request.user)
    state = request_state(saved)
    plan = plan_of(saved, state.sent_on or today)
    allowed = ALLOWED[state.status]
    forms = []
    for kind in RECORDABLE:
        if kind not in allowed or kind in {EventKind.FOLLOW_UP_SENT, EventKind.COMPLAINT_FILED}:
            continue
        if isinstance(bound, EventForm) and bound.kind == kind:
            forms.append(bound)
        else:
            forms.append(EventForm(kind, today=today))
    if isinstance(bound, EventForm) and bound not in forms:
        forms.insert(0, bound)  # a refused kind: its error shows where it was typed
    correction = bound if isinstance(bound, CorrectionForm) else None
    if correction is None and state.events and state.status != Status.WITHDRAWN:
        correction = CorrectionForm(state.events, today=today)
    followup = followup_reason(state, today)
    next_action = state.next_action(today)
    return {
        "saved": saved,
        "letter": letter,
        "mailto": mailto(letter),
        "routes": web_routes(letter),
        "plan": plan,
        "state": state,
        "timeline": timeline_rows(state),
        "deadlines": [(d, RIGHTS.get(d.right, d.right)) for d in state.deadlines],
        "due_dates": [
            (due, ", ".join(RIGHTS.get(r, r) for r in due.rights)) for due in state.due_dates
        ],
        "next_action": next_action,
        "follow_up_wait": wait_after_follow_up(saved.regime)
        if state.follow_up_on and not state.complaint_on
        else None,
        "days_left": state.days_left(today),
        "days_overdue": state.days_overdue(today),
        "overdue": state.is_overdue(today),
        "time_used": _percent(state.time_used(today)),
        "today": today,
        "rights": [RIGHTS.get(r, r) for r in saved.rights],
        "mailto_limit": MAILTO_LIMIT,
        "pdf_missing": missing_glyphs(letter.text),
        "notes": plan_notes(plan),
        "event_forms": forms,
        "correction_form": correction,
        "followup_reason": followup,
        # Only once the regulator would expect it: the deadline passed and the follow-up had
        # its time, or the company refused (or a complaint was filed: its drafts stay here).
        "can_complain": state.sent_on is not None
        and state.status not in {Status.WITHDRAWN, Status.FULFILLED}
        and (next_action.code == "escalate" or state.complaint_on is not None)
        and bool(authorities_of(saved, state)),
    }


def _percent(share: float | None) -> int | None:
    return None if share is None else min(100, round(share * 100))


def timeline_rows(state: RequestState) -> list[dict[str, Any]]:
    """The effective timeline for display, each correction saying what it moved."""
    labels = {e.id: e.kind.label for e in state.events}
    rows = []
    for event in state.events:
        row: dict[str, Any] = {"event": event, "label": event.kind.label, "details": event.details}
        if event.kind == EventKind.DATE_CORRECTED:
            row["corrected"] = labels.get(event.details.get("event"), "an entry")
            row["from"] = _iso(event.details.get("from"))
            row["to"] = _iso(event.details.get("to"))
        rows.append(row)
    return rows


def _iso(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


@never_cache
@login_required
@require_safe
def request_detail(request: HttpRequest, code: str) -> HttpResponse:
    saved = _request(request, code)
    bound = _restored_form(request, saved)
    context = _detail_context(request, saved, bound=bound)
    return render(request, "tracker/request_detail.html", context)


def _pending_key(saved: PrivacyRequest, which: str) -> str:
    return f"tracker.{saved.code}.{which}"


def _restored_form(
    request: HttpRequest, saved: PrivacyRequest, kinds: tuple[EventKind, ...] = RECORDABLE
) -> EventForm | CorrectionForm | None:
    """A form of this request's page that came back with errors (see ``_back_with_errors``)."""
    today = today_for(request.user)
    for kind in kinds:
        form = restore_invalid(
            request,
            _pending_key(saved, kind.value),
            lambda data, kind=kind: EventForm(kind, data, today=today),
        )
        if form is not None:
            return form
    if kinds == RECORDABLE:
        events = request_state(saved).events
        return restore_invalid(
            request,
            _pending_key(saved, "correct"),
            lambda data: CorrectionForm(events, data, today=today),
        )
    return None


@never_cache
@login_required
@require_POST
def record_event(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    """Record one event (the form of that kind); a refusal re-renders the page with the
    lifecycle's sentence as the form's error, keeping what was typed."""
    saved = _request(request, code)
    try:
        event_kind = EventKind(kind)
    except ValueError:
        raise Http404("No such event.") from None
    if event_kind not in RECORDABLE:
        raise Http404("No such event.")
    today = today_for(request.user)
    form = EventForm(event_kind, request.POST, request.FILES, today=today)
    if form.is_valid():
        on = form.cleaned_data["occurred_on"]
        details = form.details()
        if event_kind == EventKind.FOLLOW_UP_SENT and on <= today:
            details |= followup_details(saved, on)
        try:
            request_record_event(
                request=saved, kind=event_kind, on=on, today=today, details=details
            )
        except EventRefused as refused:
            form.add_error("occurred_on" if _about_dates(refused) else None, str(refused))
        else:
            messages.success(request, f"Recorded: {event_kind.label.lower()}.")
            return redirect(saved)
    return _rerender(request, saved, form, event_kind)


def _about_dates(refused: EventRefused) -> bool:
    return refused.about_date


def _rerender(
    request: HttpRequest,
    saved: PrivacyRequest,
    form: EventForm | CorrectionForm,
    kind: EventKind | None = None,
) -> HttpResponse:
    """Post/Redirect/Get: the typed values and errors go back to the page the form is on (the
    request's page, or the follow-up's or complaint's), whose URL stays its own."""
    key = kind.value if kind is not None else "correct"
    keep_invalid(request, _pending_key(saved, key), form)
    if kind in {EventKind.FOLLOW_UP_SENT, EventKind.COMPLAINT_FILED}:
        which = "followup" if kind == EventKind.FOLLOW_UP_SENT else "complaint"
        url = reverse(f"tracker:{which}", kwargs={"code": saved.code})
        index = request.GET.get("to", "")
        return HttpResponseRedirect(f"{url}?to={index}" if index.isdigit() else url, status=303)
    return HttpResponseRedirect(saved.get_absolute_url(), status=303)


@never_cache
@login_required
@require_POST
def correct_date(request: HttpRequest, code: str) -> HttpResponse:
    """Correct the date of an entry: recorded as a correction, nothing is overwritten."""
    saved = _request(request, code)
    today = today_for(request.user)
    state = request_state(saved)
    form = CorrectionForm(state.events, request.POST, today=today)
    if form.is_valid():
        try:
            request_record_event(
                request=saved,
                kind=EventKind.DATE_CORRECTED,
                on=form.cleaned_data["occurred_on"],
                today=today,
                corrects=form.cleaned_data["event"],
            )
        except EventRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "Date corrected; the timeline keeps both dates.")
            return redirect(saved)
    return _rerender(request, saved, form)


@never_cache
@login_required
def request_delete(request: HttpRequest, code: str) -> HttpResponse:
    """GET: confirm; POST: delete the request and its timeline."""
    saved = _request(request, code)
    if request.method == "POST":
        privacy_request_delete(request=saved)
        messages.success(request, "The request and its timeline are deleted.")
        return redirect("tracker:dashboard")
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    return render(request, "tracker/request_delete.html", {"saved": saved})


# --- Follow-up and complaint ------------------------------------------------------------------


def _draft(
    request: HttpRequest, saved: PrivacyRequest, which: str, authority: int = 0
) -> tuple[Any, RequestState, date, tuple]:
    today = today_for(request.user)
    state = request_state(saved)
    authorities: tuple = ()
    try:
        if which == "followup":
            letter = followup_of(saved, state, today)
        else:
            authorities = authorities_of(saved, state)
            chosen = authorities[authority] if 0 <= authority < len(authorities) else None
            letter = complaint_of(saved, state, today, chosen)
    except EventRefused as refused:
        raise Http404(str(refused)) from None
    if letter is None:
        raise Http404("No authority is known for this request's law.")
    return letter, state, today, authorities


def _int(value: str | None, default: int) -> int:
    try:
        return int(value or default)
    except ValueError:
        return default


def _authority_index(request: HttpRequest) -> int:
    return _int(request.GET.get("to"), 0)


def _draft_context(
    request: HttpRequest, saved: PrivacyRequest, which: str, *, record_form: Any = None
) -> dict[str, Any]:
    index = _authority_index(request)
    letter, state, today, authorities = _draft(request, saved, which, index)
    kind = EventKind.FOLLOW_UP_SENT if which == "followup" else EventKind.COMPLAINT_FILED
    return {
        "saved": saved,
        "letter": letter,
        "state": state,
        "today": today,
        "mailto": mailto(letter),
        "mailto_limit": MAILTO_LIMIT,
        "pdf_missing": missing_glyphs(letter.text),
        "reason": followup_reason(state, today),
        "authorities": list(enumerate(authorities)),
        "authority": letter.extra.get("authority"),
        "authority_index": index,
        "record_form": record_form
        if record_form is not None
        else (EventForm(kind, today=today) if kind in ALLOWED[state.status] else None),
        "query": f"?to={index}" if index else "",
        "sent_followup": sent_followup(saved, state) if which == "complaint" else None,
    }


@never_cache
@login_required
@require_safe
def followup(request: HttpRequest, code: str) -> HttpResponse:
    saved = _request(request, code)
    bound = _restored_form(request, saved, (EventKind.FOLLOW_UP_SENT,))
    context = _draft_context(request, saved, "followup", record_form=bound)
    return render(request, "tracker/followup.html", context)


@never_cache
@login_required
@require_safe
def complaint(request: HttpRequest, code: str) -> HttpResponse:
    saved = _request(request, code)
    bound = _restored_form(request, saved, (EventKind.COMPLAINT_FILED,))
    context = _draft_context(request, saved, "complaint", record_form=bound)
    return render(request, "tracker/complaint.html", context)


@login_required
@require_safe
def draft_download(request: HttpRequest, code: str, which: str, ext: str) -> HttpResponse:
    saved = _request(request, code)
    if which == "followup" and request.GET.get("as_sent"):
        letter = sent_followup(saved, request_state(saved))  # the one that went out
        if letter is None:
            raise Http404("No follow-up was recorded as sent.")
    else:
        letter, *_ = _draft(request, saved, which, _authority_index(request))
    return download_response(letter, ext)


# --- Dashboard, calendar, export --------------------------------------------------------------


# The rendered list is kept this long at most (a catalog rename shows within it); any change to
# the person's requests or their events, or a new day, makes a new key at once.
DASHBOARD_CACHE_SECONDS = 600


@never_cache
@login_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    """The signed-in home. The list is rendered once per generation of the person's requests
    (replaced on every change), day and filters, and served from the cache until one changes."""
    today = today_for(request.user)
    status = request.GET.get("status", "")[:40]
    platform = request.GET.get("platform", "")[:80]
    page = _int(request.GET.get("page"), 1)
    filters = hashlib.sha256(f"{status}\x1f{platform}\x1f{page}".encode()).hexdigest()[:16]
    subkey = f"{today}:{filters}"
    current, board = cached_list(request.user.pk, subkey)
    if board is None:
        built = build_dashboard(
            request.user, today=today, status=status, platform=platform, page=page
        )
        board = render_to_string("tracker/partials/board.html", {"board": built})
        cache_list(request.user.pk, subkey, current, board, DASHBOARD_CACHE_SECONDS)
    return render(request, "tracker/dashboard.html", {"board_html": board, "today": today})


@never_cache
@login_required
@require_safe
def request_ics(request: HttpRequest, code: str) -> HttpResponse:
    saved = _request(request, code)
    profile = request.user.profile
    body = ics_bytes(
        [saved],
        name=f"Rightsdesk {saved.reference}",
        url_for=lambda r: request.build_absolute_uri(r.get_absolute_url()),
        alarm_days=profile.reminder_days_before,
    )
    return _ics_response(body, f"request-{saved.reference}.ics")


@never_cache
@require_safe
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private feed: the token is the only key (no sign-in: calendar apps cannot), and it
    opens this one calendar and nothing else. Rotating it on the settings page revokes it."""
    profile = (
        Profile.objects.select_related("user").filter(calendar_token=token).first()
        if token
        else None
    )
    if profile is None:
        raise Http404("No such calendar.")
    requests = PrivacyRequest.objects.filter(
        owner=profile.user, status__in=[s.value for s in WAITING]
    ).defer("body", "identifiers")
    body = ics_bytes(
        requests,
        name="Rightsdesk requests",
        url_for=lambda r: request.build_absolute_uri(r.get_absolute_url()),
        alarm_days=profile.reminder_days_before,
    )
    response = _ics_response(body, "rightsdesk.ics", attachment=False)
    response["X-Robots-Tag"] = "noindex"
    return response


def _ics_response(body: bytes, name: str, *, attachment: bool = True) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
@login_required
@require_safe
def export_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(csv_text(request.user), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="rightsdesk-requests.csv"'
    return response


@never_cache
@login_required
@require_safe
def export_json(request: HttpRequest) -> HttpResponse:
    response = JsonResponse(
        {"requests": request_rows(request.user)},
        json_dumps_params={"indent": 2, "ensure_ascii": False},
    )
    response["Content-Disposition"] = 'attachment; filename="rightsdesk-requests.json"'
    return response


@login_required
@require_safe
def request_pdf(request: HttpRequest, code: str) -> HttpResponse:
    return download_response(letter_of(_request(request, code)), "pdf")


@login_required
@require_safe
def request_eml(request: HttpRequest, code: str) -> HttpResponse:
    return download_response(letter_of(_request(request, code)), "eml")


@login_required
@require_safe
def request_text(request: HttpRequest, code: str) -> HttpResponse:
    return download_response(letter_of(_request(request, code)), "txt")


@login_required
@require_POST
def save_from_generator(request: HttpRequest) -> HttpResponse:
    """ "Save to my tracker" on the generator's preview: rebuilds the letter from the posted
    answers (exactly as the preview did) and stores it."""
    try:
        state = wizard.loads(request.POST.get("state", ""))
        draft = wizard.draft_from_state(state, today=request_today(request))
    except (wizard.StateError, ValidationError):
        messages.error(request, "The letter could not be rebuilt from the form; nothing was saved.")
        return redirect("generator:new")
    saved = privacy_request_create(
        owner=request.user,
        letter=draft.letter,
        platform=draft.platform,
        company_country=draft.company_country,
    )
    messages.success(request, "Saved to your tracker. Send it when you are ready.")
    response = redirect(saved)
    forget_letter(request, response)  # the wizard's answers are now the saved request
    return response
