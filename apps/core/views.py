from __future__ import annotations

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .models import Heartbeat
from .tasks import QUEUE_HEARTBEAT


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The landing page; signed-in people start on their requests (the tracker's dashboard)."""
    if request.user.is_authenticated:
        return redirect("tracker:dashboard")
    return render(request, "core/home.html")


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    """What the app stores, for how long, and what it never does; figures come from settings."""
    context = {
        "task_save_limit": settings.Q_CLUSTER.get("save_limit"),
        "failed_task_days": settings.FAILED_TASK_RETENTION_DAYS,
        "unconfirmed_signup_days": settings.UNCONFIRMED_SIGNUP_RETENTION_DAYS,
        "session_days": settings.SESSION_COOKIE_AGE // 86400,
    }
    return render(request, "core/privacy.html", context)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Database reachable? When did the task queue last run its scheduled heartbeat?

    Answers 503 only when the database is down: a stale queue is reported, not fatal, so a
    load balancer keeps serving pages while the worker is restarted.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return JsonResponse(
            {"status": "error", "database": {"status": "error", "error": type(exc).__name__}},
            status=503,
        )

    beat = Heartbeat.objects.filter(name=QUEUE_HEARTBEAT).first()
    if beat is None:
        queue = {"status": "never", "last_heartbeat": None, "age_seconds": None}
    else:
        age = (timezone.now() - beat.beat_at).total_seconds()
        stale = age > settings.HEARTBEAT_STALE_AFTER_SECONDS
        queue = {
            "status": "stale" if stale else "ok",
            "last_heartbeat": beat.beat_at.isoformat(),
            "age_seconds": round(age),
        }
    queue["broker"] = "redis" if "redis" in settings.Q_CLUSTER else "orm"
    overall = "ok" if queue["status"] == "ok" else "degraded"
    return JsonResponse({"status": overall, "database": {"status": "ok"}, "queue": queue})
