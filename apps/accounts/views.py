from __future__ import annotations

from allauth.account.decorators import reauthentication_required
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from apps.core.confirm import confirmed_or_ask
from apps.core.ownership import owned

from . import exports
from .forms import DeleteAccountForm, ProfileForm
from .models import Profile
from .services import DeletionReport, clear_letter_details, delete_account

DELETION_REPORT_SESSION_KEY = "accounts.deletion_report"


def _profile(request: HttpRequest) -> Profile:
    """The signed-in person's profile, reached like every owned object (apps.core.ownership)."""
    profile = owned(Profile, request.user).first()
    if profile is None:  # every user gets one at creation; this only repairs a missing row
        profile = Profile.objects.create(user=request.user)
    return profile


def calendar_feed_url(request: HttpRequest, profile: Profile) -> str | None:
    """The absolute URL of the person's calendar feed, once the tracker serves one."""
    try:
        path = reverse("tracker:calendar_feed", kwargs={"token": profile.calendar_token})
    except NoReverseMatch:
        return None
    return request.build_absolute_uri(path)


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    profile = _profile(request)
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=profile)
        if form.is_valid():
            form.save()
            messages.success(request, "Your settings are saved.")
            return redirect("accounts:settings")
    else:
        form = ProfileForm(instance=profile)
    context = {
        "form": form,
        "profile": profile,
        "calendar_feed_url": calendar_feed_url(request, profile),
        "has_two_factor": Authenticator.objects.filter(
            user=request.user, type=Authenticator.Type.TOTP
        ).exists(),
    }
    return render(request, "accounts/settings.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def clear_letter_details_view(request: HttpRequest) -> HttpResponse:
    asked = confirmed_or_ask(
        request,
        question="Delete your letter details?",
        detail="Your name, postal address, country and region are removed from your settings. "
        "Requests you saved keep the details they were written with.",
        button="Delete my letter details",
        cancel_url=reverse("accounts:settings"),
    )
    if asked is not None:
        return asked
    clear_letter_details(profile=_profile(request))
    messages.success(request, "Your name, postal address, country and region are deleted.")
    return redirect("accounts:settings")


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def rotate_calendar_token_view(request: HttpRequest) -> HttpResponse:
    asked = confirmed_or_ask(
        request,
        question="Replace your calendar link?",
        detail="Calendars that use the old link stop updating; add the new one to them.",
        button="Replace the link",
        cancel_url=f"{reverse('accounts:settings')}#calendar",
    )
    if asked is not None:
        return asked
    _profile(request).rotate_calendar_token()
    messages.success(
        request, "Your calendar key is replaced: links made with the old one no longer work."
    )
    return redirect(f"{reverse('accounts:settings')}#calendar")


@never_cache
@login_required
@require_safe
def data_page(request: HttpRequest) -> HttpResponse:
    return render(
        request, "accounts/data.html", {"sections": [e.name for e in exports.exporters()]}
    )


@never_cache
@login_required
@require_POST
def export_download(request: HttpRequest) -> HttpResponse:
    content = exports.build_zip(request.user)
    stamp = timezone.now().strftime("%Y-%m-%d")
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="rightsdesk-export-{stamp}.zip"'
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@login_required
@reauthentication_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_account_page(request: HttpRequest) -> HttpResponse:
    """Re-authentication (password, or an authenticator code) within the last few minutes is
    required to see this page and again to post it; allauth resumes the post afterwards."""
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        report = delete_account(user=request.user)
        logout(request)
        request.session[DELETION_REPORT_SESSION_KEY] = report.as_session_data()
        return redirect("accounts:deleted")
    return render(request, "accounts/delete.html", {"form": form})


@never_cache
@require_safe
def deleted_page(request: HttpRequest) -> HttpResponse:
    data = request.session.pop(DELETION_REPORT_SESSION_KEY, None)
    if data is None:
        return redirect("core:home")
    report = DeletionReport.from_session_data(data)
    return render(request, "accounts/deleted.html", {"report": report})
