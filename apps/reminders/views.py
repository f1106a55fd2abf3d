from __future__ import annotations

from django.contrib.auth import get_user_model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import services
from .emails import read_stop_token


@never_cache
@csrf_exempt  # the signed token is the authority; mail clients' one-click POST has no cookie
@require_http_methods(["GET", "HEAD", "POST"])
def stop_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every reminder: GET asks to confirm (link scanners must not turn anything
    off), POST turns reminders off, from our page or a mail client's one-click (RFC 8058)."""
    user_id = read_stop_token(token)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id is not None else None
    if user is None:
        raise Http404("This link is not valid.")
    if request.method == "POST":
        services.turn_reminders_off(user=user)
        return render(request, "reminders/stopped.html")
    return render(
        request,
        "reminders/stop_confirm.html",
        {"enabled_now": user.profile.reminders_enabled, "action": request.path},
    )
