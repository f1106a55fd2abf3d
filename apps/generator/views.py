"""The request wizard at ``/request/new/``: works without JavaScript, keeps what was typed on
every error, stores nothing on the server (the answers travel in the page; see ``wizard``)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from apps.catalog.models import Platform
from apps.catalog.vocabulary import RIGHTS
from apps.letters import MAILTO_LIMIT, mailto, web_routes
from apps.letters.outputs import download_response
from apps.letters.pdf import missing_glyphs

from . import wizard
from .wizard import CUSTOM, STEP_TITLES, STEPS, Draft, StateError

TEMPLATE = "generator/wizard.html"


def today_for(request: HttpRequest) -> Any:
    """Today where the person is: their chosen time zone when signed in."""
    profile = getattr(request.user, "profile", None) if request.user.is_authenticated else None
    return profile.today() if profile is not None else timezone.localdate()


def initial_state(request: HttpRequest) -> tuple[dict[str, Any], str, list[str]]:
    """The state a new wizard starts with (from ``?platform=&want=&recipient=custom`` and the
    signed-in person's profile), the step to show and any notices."""
    state: dict[str, Any] = {}
    notices: list[str] = []
    want = request.GET.get("want", "")
    if want in RIGHTS:
        state["rights"] = [want]
    if request.user.is_authenticated:
        profile = getattr(request.user, "profile", None)
        if profile is not None:
            for name in ("full_name", "postal_address", "country", "region"):
                if getattr(profile, name):
                    state[name] = getattr(profile, name)
    slug = request.GET.get("platform", "")
    step = "recipient"
    if request.GET.get("recipient") == CUSTOM:
        state["platform"] = CUSTOM
        platform = Platform.objects.filter(slug=slug).only("name").first() if slug else None
        if platform is not None:
            state["custom_name"] = platform.name
    elif slug:
        if Platform.objects.filter(slug=slug).exists():
            state["platform"] = slug
            step = "rights"
        else:
            notices.append(
                "That platform is not in our catalog: choose one below, or name it yourself."
            )
    return state, step, notices


def _render(
    request: HttpRequest,
    step: str,
    state: dict[str, Any],
    *,
    forms: list | None = None,
    notices: list[str] | None = None,
    query: str = "",
    status: int = 200,
) -> HttpResponse:
    context: dict[str, Any] = {
        "step": step,
        "steps": [(name, STEP_TITLES[name]) for name in STEPS],
        "step_number": STEPS.index(step) + 1,
        "step_title": STEP_TITLES[step],
        "state_blob": wizard.dumps(state),
        "notices": notices or [],
        "query": query,
        "summary": _summary(state),
    }
    if step == "preview":
        state = {**state, wizard.REVIEWED: True}
        context["state_blob"] = wizard.dumps(state)
        try:
            draft = wizard.draft_from_state(state, today=today_for(request))
        except ValidationError as error:
            back = error.code if error.code in STEPS else "recipient"
            return _render(request, back, state, notices=[*error.messages], status=400)
        context.update(_preview_context(draft))
    else:
        context["forms"] = (
            forms if forms is not None else wizard.step_forms(step, state, None, query=query)
        )
        context["form"] = context["forms"][0]
        if step == "recipient":
            context["custom_form"] = context["forms"][1]
    return render(request, TEMPLATE, context, status=status)


def _summary(state: dict[str, Any]) -> dict[str, Any]:
    """What was chosen so far, shown above each step."""
    platform = state.get("platform", "")
    name = ""
    if platform == CUSTOM:
        name = state.get("custom_name", "")
    elif platform:
        found = Platform.objects.filter(slug=platform).only("name").first()
        name = found.name if found else ""
    return {
        "recipient": name,
        "rights": [RIGHTS[r] for r in state.get("rights") or [] if r in RIGHTS],
    }


def _preview_context(draft: Draft) -> dict[str, Any]:
    letter = draft.letter
    plan = letter.extra["plan"]
    return {
        "draft": draft,
        "letter": letter,
        "plan": plan,
        "mailto": mailto(letter),
        "mailto_limit": MAILTO_LIMIT,
        "routes": web_routes(letter),
        "pdf_missing": missing_glyphs(letter.text),
        "notes": letter.notes,
    }


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def new_request(request: HttpRequest) -> HttpResponse:
    if request.method in ("GET", "HEAD"):
        state, step, notices = initial_state(request)
        return _render(request, step, state, notices=notices)
    try:
        state = wizard.loads(request.POST.get("state", ""))
    except StateError as error:
        return _render(
            request,
            "recipient",
            {},
            notices=[f"Sorry, {error}: please start again."],
            status=400,
        )
    step = request.POST.get("step", "")
    if step not in STEPS:
        return HttpResponseBadRequest("Unknown step.")
    action = request.POST.get("action", "next")
    query = request.POST.get("q", "").strip()[:100]

    if step == "preview" or action.startswith("goto:"):
        target = action.removeprefix("goto:") if action.startswith("goto:") else "details"
        if target not in STEPS:
            target = "recipient"
        return _render(request, target, state)
    if action == "back":
        state = wizard.keep_typed(step, request.POST, state)
        return _render(request, STEPS[max(STEPS.index(step) - 1, 0)], state)
    if action == "search" and step == "recipient":
        state = wizard.keep_typed(step, request.POST, state)
        return _render(request, step, state, query=query)

    forms = wizard.step_forms(step, state, request.POST, query=query)
    accepted = wizard.accept(step, forms, state)
    if accepted is None:
        typed = wizard.keep_typed(step, request.POST, state)
        return _render(request, step, typed, forms=forms, query=query, status=400)
    if accepted.get(wizard.REVIEWED):
        # Changing one answer from the preview: back to the preview unless another step now
        # needs a look (a new right may need a new detail).
        return _render(request, wizard.first_incomplete(accepted), accepted)
    return _render(request, STEPS[STEPS.index(step) + 1], accepted)


def _draft_or_400(request: HttpRequest) -> Draft | HttpResponse:
    try:
        state = wizard.loads(request.POST.get("state", ""))
        return wizard.draft_from_state(state, today=today_for(request))
    except (StateError, ValidationError):
        return HttpResponseBadRequest(
            "This letter could not be rebuilt from the form. Go back to the request generator "
            "and try again.",
            content_type="text/plain; charset=utf-8",
        )


def _download(request: HttpRequest, extension: str) -> HttpResponse:
    draft = _draft_or_400(request)
    if isinstance(draft, HttpResponse):
        return draft
    return download_response(draft.letter, extension)


@require_POST
def download_pdf(request: HttpRequest) -> HttpResponse:
    return _download(request, "pdf")


@require_POST
def download_eml(request: HttpRequest) -> HttpResponse:
    return _download(request, "eml")


@require_POST
def download_text(request: HttpRequest) -> HttpResponse:
    return _download(request, "txt")
