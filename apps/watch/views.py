from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from apps.catalog.models import Document, Platform
from apps.core.ownership import owned

from . import queries, services
from .alerts import read_unfollow_token
from .diffing import word_diff
from .forms import CompareForm
from .models import Follow

CONTEXT_PARAGRAPHS = 2  # unchanged paragraphs kept around each change, unless the reader asks


@require_safe
def document_history(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    document = get_object_or_404(
        Document.objects.select_related("platform"), platform__slug=slug, key=key
    )
    versions = list(document.snapshots.defer("text").order_by("-number"))
    if not versions and not document.watch:
        raise Http404("This document is not watched.")
    form = CompareForm(
        request.GET if "from" in request.GET else None, versions=versions, user=request.user
    )
    pair: tuple[int, int] | None = None
    if form.is_bound:
        if form.is_valid():
            pair = (form.cleaned_data["from"], form.cleaned_data["to"])
    elif (change := next((v for v in versions if v.is_change), None)) is not None:
        pair = (change.number - 1, change.number)  # the latest change
        form = CompareForm(
            initial={"from": pair[0], "to": pair[1]}, versions=versions, user=request.user
        )
    full = request.GET.get("full") == "1"
    diff = older = newer = None
    if pair is not None:
        texts = {s.number: s for s in document.snapshots.filter(number__in=pair)}
        older, newer = texts[pair[0]], texts[pair[1]]
        diff = word_diff(older.text, newer.text, context=None if full else CONTEXT_PARAGRAPHS)
    context = {
        "document": document,
        "platform": document.platform,
        "versions": versions,
        "form": form,
        "diff": diff,
        "older": older,
        "newer": newer,
        "full": full,
        "status": queries.check_status(document),
    }
    return render(request, "watch/document.html", context)


def _platform(slug: str) -> Platform:
    return get_object_or_404(Platform, slug=slug)


def _back(request: HttpRequest, platform: Platform) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(platform.get_absolute_url() + "#follow")


@login_required
@require_POST
def follow_platform(request: HttpRequest, slug: str) -> HttpResponse:
    platform = _platform(slug)
    services.follow(user=request.user, platform=platform)
    messages.success(
        request,
        f"You follow {platform.name}: we will email you when one of its watched documents changes.",
    )
    return _back(request, platform)


@login_required
@require_POST
def unfollow_platform(request: HttpRequest, slug: str) -> HttpResponse:
    platform = _platform(slug)
    services.unfollow(user=request.user, platform=platform)
    messages.success(request, f"You no longer follow {platform.name}.")
    return _back(request, platform)


@never_cache
@login_required
@require_safe
def following(request: HttpRequest) -> HttpResponse:
    follows = list(owned(Follow, request.user).select_related("platform"))
    latest = queries.latest_changes([f.platform_id for f in follows])
    rows = [(f, latest.get(f.platform_id)) for f in follows]
    return render(request, "watch/following.html", {"rows": rows})


@never_cache
@csrf_exempt  # the signed token is the authority; mail clients' one-click POST has no cookie
@require_http_methods(["GET", "HEAD", "POST"])
def unfollow_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every alert: GET asks to confirm (link scanners must not unfollow anyone),
    POST unfollows, from our page or from a mail client's one-click (RFC 8058)."""
    ids = read_unfollow_token(token)
    if ids is None:
        raise Http404("This link is not valid.")
    user = get_user_model().objects.filter(pk=ids[0]).first()
    platform = Platform.objects.filter(pk=ids[1]).first()
    if user is None or platform is None:
        raise Http404("This link is no longer valid.")
    if request.method == "POST":
        services.unfollow(user=user, platform=platform)
        return render(request, "watch/unfollowed.html", {"platform": platform})
    following_now = Follow.objects.filter(user=user, platform=platform).exists()
    return render(
        request,
        "watch/unfollow_confirm.html",
        {"platform": platform, "following_now": following_now, "action": request.path},
    )
