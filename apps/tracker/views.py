from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from apps.catalog.vocabulary import RIGHTS
from apps.core.ownership import get_owned_or_404
from apps.generator import wizard
from apps.generator.views import today_for
from apps.letters import MAILTO_LIMIT, mailto, web_routes
from apps.letters.outputs import download_response
from apps.letters.pdf import missing_glyphs
from apps.letters.request import plan_notes

from .models import PrivacyRequest
from .services import letter_of, plan_of, privacy_request_create


def _request(request: HttpRequest, code: str) -> PrivacyRequest:
    return get_owned_or_404(
        PrivacyRequest.objects.select_related("platform"), request.user, code=code
    )


@never_cache
@login_required
@require_GET
def request_detail(request: HttpRequest, code: str) -> HttpResponse:
    saved = _request(request, code)
    letter = letter_of(saved)
    today = timezone.localdate()
    plan = plan_of(saved, today)
    context = {
        "saved": saved,
        "letter": letter,
        "mailto": mailto(letter),
        "routes": web_routes(letter),
        "plan": plan,
        "today": today,
        "rights": [RIGHTS.get(r, r) for r in saved.rights],
        "mailto_limit": MAILTO_LIMIT,
        "pdf_missing": missing_glyphs(letter.text),
        "notes": plan_notes(plan),
    }
    return render(request, "tracker/request_detail.html", context)


@login_required
@require_GET
def request_pdf(request: HttpRequest, code: str) -> HttpResponse:
    return download_response(letter_of(_request(request, code)), "pdf")


@login_required
@require_GET
def request_eml(request: HttpRequest, code: str) -> HttpResponse:
    return download_response(letter_of(_request(request, code)), "eml")


@login_required
@require_GET
def request_text(request: HttpRequest, code: str) -> HttpResponse:
    return download_response(letter_of(_request(request, code)), "txt")


@login_required
@require_POST
def save_from_generator(request: HttpRequest) -> HttpResponse:
    """ "Save to my tracker" on the generator's preview: rebuilds the letter from the posted
    answers (exactly as the preview did) and stores it."""
    try:
        state = wizard.loads(request.POST.get("state", ""))
        draft = wizard.draft_from_state(state, today=today_for(request))
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
    return redirect(saved)
