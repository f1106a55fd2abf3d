"""The request wizard at ``/request/new/<step>/``: one URL per step, every post redirects
(Post/Redirect/Get: Back and reload never re-post), works without JavaScript, keeps what was
typed on every error. The answers live in :mod:`apps.generator.store` between requests (an
encrypted cookie for an anonymous person, the session once signed in; never a row)."""

from __future__ import annotations

import zoneinfo
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
    QueryDict,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from apps.accounts.preferences import DEFAULT_TIME_ZONE, time_zone_names
from apps.catalog.models import Platform
from apps.catalog.vocabulary import RIGHTS
from apps.core.confirm import confirmed_or_ask
from apps.core.places import time_zone_for_place, time_zones_of
from apps.letters import MAILTO_LIMIT, mailto, web_routes
from apps.letters.outputs import download_response
from apps.letters.pdf import missing_glyphs

from . import limits, store, wizard
from .wizard import CUSTOM, NOTICE, PENDING, PREVIEW, REVIEWED, TIME_ZONE, Draft, StateError

TEMPLATE = "generator/wizard.html"
NEW_ACCOUNT = timedelta(days=1)


def zone_of(state: dict[str, Any] | None) -> zoneinfo.ZoneInfo | None:
    """The person's time zone as the wizard knows it: the browser's, else the only one of the
    country they live in; None when neither tells."""
    state = state or {}
    for name in (state.get(TIME_ZONE, ""), time_zone_for_place(state.get("country", ""))):
        if name and name in time_zone_names():
            return zoneinfo.ZoneInfo(name)
    return None


def today_for(request: HttpRequest, state: dict[str, Any] | None = None) -> date:
    """Today where the person is: their chosen time zone when signed in; otherwise the
    browser's or their country's. In a country with several zones and no word from the
    browser, the earliest of their dates (a letter is never dated a day that has not begun
    where they live); the server's date only when no country is known yet."""
    profile = getattr(request.user, "profile", None) if request.user.is_authenticated else None
    if profile is not None:
        return profile.today()
    zone = zone_of(state)
    if zone is not None:
        return timezone.localdate(timezone=zone)
    zones = time_zones_of((state or {}).get("country", ""))
    if zones:
        return min(timezone.localdate(timezone=zoneinfo.ZoneInfo(name)) for name in zones)
    return timezone.localdate()


def step_url(name: str) -> str:
    return reverse("generator:step", kwargs={"step": name})


def _redirect(request: HttpRequest, state: dict[str, Any], url: str) -> HttpResponse:
    response = HttpResponseRedirect(url, status=303)
    store.save(request, response, state)
    return response


def _from_link(request: HttpRequest, state: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """``?platform=&want=&recipient=custom`` starts a letter to that platform, keeping where
    the person lives and their details from a letter in progress."""
    kept = {
        k: v
        for k, v in state.items()
        if k not in ("platform", "rights", REVIEWED, PENDING, NOTICE, "found_email", "found_postal")
        and not k.startswith("custom_")
    }
    want = request.GET.get("want", "")
    if want in RIGHTS:
        kept["rights"] = [want]
    slug = request.GET.get("platform", "")
    if request.GET.get("recipient") == CUSTOM:
        kept["platform"] = CUSTOM
        platform = Platform.objects.filter(slug=slug).only("name").first() if slug else None
        if platform is not None:
            kept["custom_name"] = platform.name
        return kept, "recipient"
    if slug and Platform.objects.filter(slug=slug).exists():
        kept["platform"] = slug
        return kept, "rights"
    if slug:
        kept[NOTICE] = "That platform is not in our catalog: choose one below, or name it yourself."
    return kept, "recipient"


def _prefilled(request: HttpRequest, state: dict[str, Any]) -> dict[str, Any]:
    """A signed-in person's letter details fill what is still empty."""
    profile = getattr(request.user, "profile", None) if request.user.is_authenticated else None
    if profile is None:
        return state
    filled = dict(state)
    for name in ("full_name", "postal_address", "country", "region"):
        if getattr(profile, name) and not filled.get(name):
            filled[name] = getattr(profile, name)
    return filled


@never_cache
@require_http_methods(["GET", "HEAD"])
def new_request(request: HttpRequest) -> HttpResponse:
    """The way in: resumes a letter in progress, or starts one from a catalog link."""
    state = store.load(request)
    if {"platform", "want", "recipient"} & set(request.GET):
        state, step = _from_link(request, state)
    else:
        step = wizard.first_incomplete(state) if state else "recipient"
    return _redirect(request, _prefilled(request, state), step_url(step))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def start_again(request: HttpRequest) -> HttpResponse:
    asked = confirmed_or_ask(
        request,
        question="Start again with an empty letter?",
        detail="What you typed for this letter is forgotten.",
        button="Start again",
        cancel_url=reverse("generator:new"),
    )
    if asked is not None:
        return asked
    response = HttpResponseRedirect(step_url("recipient"), status=303)
    store.forget(request, response)
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def step_page(request: HttpRequest, step: str) -> HttpResponse:
    if step == PREVIEW:
        return preview(request) if request.method != "POST" else _redirect_same(request)
    current = wizard.step_named(step)
    if current is None:
        raise Http404("No such step.")
    state = store.load(request)
    if request.method == "POST":
        return _post_step(request, current, state)
    return _show_step(request, current, state)


def _redirect_same(request: HttpRequest) -> HttpResponse:
    return HttpResponseRedirect(request.path, status=303)


def _remember_time_zone(request: HttpRequest, state: dict[str, Any]) -> dict[str, Any]:
    name = request.POST.get(TIME_ZONE, "")
    if name and name in time_zone_names():
        return {**state, TIME_ZONE: name}
    return state


def _post_step(request: HttpRequest, step: wizard.Step, state: dict[str, Any]) -> HttpResponse:
    state = _remember_time_zone(request, wizard.letter_state(state))
    action = request.POST.get("action", "next")
    if action == "back":
        state = wizard.keep_typed(step, request.POST, state)
        return _redirect(request, state, step_url(wizard.previous_step(step.name, state)))
    form = step.make_form(state, request.POST)
    accepted = wizard.accept(step, form, state)
    if accepted is None:
        typed = wizard.keep_typed(step, request.POST, state)
        pending = {"step": step.name, "data": _plain(request.POST)}
        return _redirect(request, {**typed, PENDING: pending}, step_url(step.name))
    if accepted.get(REVIEWED):
        # Changing one answer from the preview: back to the preview unless another step now
        # needs a look (a new right may need a new detail).
        return _redirect(request, accepted, step_url(wizard.first_incomplete(accepted)))
    return _redirect(request, accepted, step_url(wizard.next_step(step.name, accepted)))


def _plain(data: QueryDict) -> dict[str, list[str]]:
    """A post's fields (not the CSRF token), bounded, to show the step again with its errors."""
    return {
        key: [str(v)[:2000] for v in data.getlist(key)][:20]
        for key in list(data)[:40]
        if key != "csrfmiddlewaretoken"
    }


def _bound_again(pending: dict[str, Any]) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, values in (pending.get("data") or {}).items():
        data.setlist(str(key), [str(v) for v in values])
    return data


def _show_step(request: HttpRequest, step: wizard.Step, state: dict[str, Any]) -> HttpResponse:
    # Only a step that the answers so far lead to: a link to a later one goes to the first gap.
    names = [s.name for s in wizard.steps_for(state)]
    if step.name not in names:
        return _redirect(request, state, step_url(wizard.first_incomplete(state)))
    first_gap = wizard.first_incomplete(state)
    if first_gap != PREVIEW and names.index(step.name) > names.index(first_gap):
        return _redirect(request, state, step_url(first_gap))
    query = request.GET.get("q", "").strip()[:100] if step.name == "recipient" else ""
    pending = state.get(PENDING) or {}
    if pending.get("step") == step.name:
        form = step.make_form(state, _bound_again(pending), query=query)
        form.is_valid()
    else:
        form = step.make_form(state, query=query)
    notices = [state[NOTICE]] if state.get(NOTICE) else []
    context = {
        **_common(state, step.name),
        "wizard_step": step,
        "form": form,
        "step_forms": wizard.sub_forms(form),
        "notices": notices,
        "query": query,
    }
    if step.name == "recipient":
        context["custom_form"] = form.custom
    if step.name == "contact":
        context.update(_contact_context(state))
    response = render(request, TEMPLATE, context)
    # The notice is said once; pending errors stay until the step is answered.
    store.save(request, response, {k: v for k, v in state.items() if k != NOTICE})
    return response


def _common(state: dict[str, Any], current: str) -> dict[str, Any]:
    steps = wizard.steps_for(state)
    names = [s.name for s in steps]
    titles = [(s.name, s.title, step_url(s.name)) for s in steps]
    titles.append((PREVIEW, wizard.PREVIEW_TITLE, step_url(PREVIEW)))
    number = names.index(current) + 1 if current in names else len(titles)
    title = wizard.PREVIEW_TITLE if current == PREVIEW else wizard.step_named(current).title
    return {
        "step": current,
        "steps": titles,
        "step_number": number,
        "step_title": title,
        "summary": _summary(state),
        "reviewed": bool(state.get(REVIEWED)),
        "back_to": wizard.previous_step(current, state) if current != names[0] else "",
    }


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


def _contact_context(state: dict[str, Any]) -> dict[str, Any]:
    """Every documented route to a platform without a documented email (any right's)."""
    slug = state.get("platform", "")
    platform = (
        Platform.objects.prefetch_related("channels", "legal_entities", "representatives")
        .filter(slug=slug)
        .first()
    )
    recipient = wizard.catalog_recipient(state)
    if platform is None or recipient is None:
        return {}
    channels = [c for c in platform.channels.all() if c.is_documented and not c.is_email]
    return {
        "platform": platform,
        "recipient": recipient,
        "channels": channels,
        "representatives": [r for r in platform.representatives.all() if r.grade in ("P", "S")],
        "unverified_emails": recipient.unverified_emails,
    }


def preview(request: HttpRequest) -> HttpResponse:
    state = store.load(request)
    if not state:
        return _redirect(request, state, step_url("recipient"))
    gap = wizard.first_incomplete(state)
    if gap != PREVIEW:
        return _redirect(request, state, step_url(gap))
    state = {**wizard.letter_state(state), REVIEWED: True}
    _time_zone_for_new_account(request, state)
    try:
        draft = wizard.draft_from_state(state, today=today_for(request, state))
    except ValidationError as error:
        back = error.code if error.code in wizard.STEP_NAMES else "recipient"
        return _redirect(request, {**state, NOTICE: error.messages[0]}, step_url(back))
    context = {
        **_common(state, PREVIEW),
        "state_blob": wizard.dumps(state),
        "needs_contact": wizard.needs_contact(state),
        **_preview_context(draft),
    }
    here = step_url(PREVIEW)
    context["signup_url"] = f"{reverse('account_signup')}?next={here}"
    context["login_url"] = f"{reverse('account_login')}?next={here}"
    response = render(request, TEMPLATE, context)
    store.save(request, response, state)
    return response


def _time_zone_for_new_account(request: HttpRequest, state: dict[str, Any]) -> None:
    """Someone who just created an account from this letter, whose browser did not tell us
    their time zone at sign-up: the one the letter knows (browser or country) becomes their
    default. An account older than a day keeps whatever it has."""
    profile = getattr(request.user, "profile", None) if request.user.is_authenticated else None
    if profile is None or profile.time_zone != DEFAULT_TIME_ZONE:
        return
    if timezone.now() - request.user.date_joined > NEW_ACCOUNT:
        return
    zone = zone_of(state)
    if zone is not None and zone.key != DEFAULT_TIME_ZONE:
        profile.time_zone = zone.key
        profile.save(update_fields=["time_zone", "updated_at"])


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


def _draft_or_400(request: HttpRequest) -> Draft | HttpResponse:
    try:
        state = wizard.loads(request.POST.get("state", ""))
        return wizard.draft_from_state(state, today=today_for(request, state))
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
    refused = limits.pdf_refusal(request)
    if refused is not None:
        return refused
    return _download(request, "pdf")


@require_POST
def download_eml(request: HttpRequest) -> HttpResponse:
    return _download(request, "eml")


@require_POST
def download_text(request: HttpRequest) -> HttpResponse:
    return _download(request, "txt")
