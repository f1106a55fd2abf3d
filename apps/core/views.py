from __future__ import annotations

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .models import Heartbeat
from .tasks import QUEUE_HEARTBEAT, heartbeat_stale_after


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """The landing page; signed-in people start on their requests (the tracker's dashboard)."""
    if request.user.is_authenticated:
        return redirect("tracker:dashboard")
    return render(request, "core/home.html")


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    """What the app stores, for how long, and what it never does; figures come from settings."""
    context = {
        "task_save_limit": settings.Q_CLUSTER.get("save_limit"),
        "failed_task_days": settings.FAILED_TASK_RETENTION_DAYS,
        "unconfirmed_signup_days": settings.UNCONFIRMED_SIGNUP_RETENTION_DAYS,
        "session_days": settings.SESSION_COOKIE_AGE // 86400,
        "letter_hours": settings.GENERATOR_STATE_MAX_AGE // 3600,
        "pdf_limit_minutes": settings.GENERATOR_PDF_LIMIT_ANONYMOUS[1] // 60,
    }
    return render(request, "core/privacy.html", context)


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Database reachable? Did the task queue run its scheduled heartbeat lately?

    200 when both are well; 503 when the database is down, or when the queue's heartbeat is
    stale or never came (``tasks.heartbeat_stale_after``), so an uptime monitor sees a stopped
    worker or scheduler. HEAD answers the same. (Web processes serve pages all the same: point
    a load balancer's liveness check at a page, not here, if a worker restart must not take
    the web out of rotation.)
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

    stale_after = heartbeat_stale_after()
    beat = Heartbeat.objects.filter(name=QUEUE_HEARTBEAT).first()
    if beat is None:
        queue = {"status": "never", "last_heartbeat": None, "age_seconds": None}
    else:
        age = (timezone.now() - beat.beat_at).total_seconds()
        queue = {
            "status": "stale" if age > stale_after else "ok",
            "last_heartbeat": beat.beat_at.isoformat(),
            "age_seconds": round(age),
        }
    queue["stale_after_seconds"] = stale_after
    queue["broker"] = "redis" if "redis" in settings.Q_CLUSTER else "orm"
    healthy = queue["status"] == "ok"
    return JsonResponse(
        {"status": "ok" if healthy else "degraded", "database": {"status": "ok"}, "queue": queue},
        status=200 if healthy else 503,
    )
