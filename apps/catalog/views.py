from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from . import practices, queries, vocabulary as v
from .export import catalog_json, single_platform_json
from .forms import CatalogFilterForm
from .links import REQUEST_BUTTONS
from .models import Provision
from .recipients import recipient_for_platform, route_line


@dataclass(frozen=True)
class Section:
    """One topic on a platform page: its answers, the letter that answers the practice, and how
    many platforms in the catalog give the same headline answer."""

    topic: v.Topic
    items: list[Provision]
    route: practices.Route | None
    same: int  # platforms whose headline answer on this topic is the same as this one's
    total: int


def _practice_context(request: HttpRequest) -> dict[str, Any]:
    place, place_form = practices.place_for(request)
    today = practices.today_for(request)
    return {
        "place": place,
        "place_form": place_form,
        "today": today,
        "topic_routes": practices.routes_by_topic(place, today),
        "counts": practices.catalog_counts(),
        "us_authorities": practices.us_authorities(),
    }


@require_safe
def platform_list(request: HttpRequest) -> HttpResponse:
    filters = CatalogFilterForm(request.GET).filters() if request.GET else queries.CatalogFilters()
    page = queries.catalog_page(filters)
    form = CatalogFilterForm(request.GET or None, counts=page["counts"])
    return render(
        request,
        "catalog/platform_list.html",
        {**page, "form": form, "filters": filters, "card_topics": queries.CARD_TOPICS},
    )


@require_safe
def platform_detail(request: HttpRequest, slug: str) -> HttpResponse:
    platform = queries.platform_detail(slug)
    practice = _practice_context(request)
    counts, routes = practice["counts"], practice["topic_routes"]
    provisions = list(platform.provisions.all())
    sections = []
    for topic in v.TOPICS:
        on_topic = [p for p in provisions if p.topic == topic.key]
        if on_topic or topic.core:
            same = counts.of(topic.key, on_topic[0].value) if on_topic else 0
            sections.append(Section(topic, on_topic, routes.get(topic.key), same, counts.total))
    channels = list(platform.channels.all())
    documents = list(platform.documents.all())
    by_right = {r.right: r for r in routes.values()}
    context = {
        **practice,
        "actions": [(want, text, by_right[want]) for want, text in REQUEST_BUTTONS],
        "policies": [d for d in documents if d.kind == "privacy-policy" and d.url],
        "terms": [d for d in documents if d.kind == "terms" and d.url],
        "platform": platform,
        "sections": sections,
        "quick": [(s.topic, s.items[0] if s.items else None) for s in sections],
        "opt_out": [p for p in provisions if p.topic == "opt-out"],
        "opt_out_channels": [c for c in channels if c.is_documented and "object" in c.rights],
        "channels": [c for c in channels if c.is_documented],
        "unverified_channels": [c for c in channels if not c.is_documented],
        "buttons": REQUEST_BUTTONS,
        "route_line": route_line(recipient_for_platform(platform)),
    }
    return render(request, "catalog/platform_detail.html", context)


@require_safe
def compare_index(request: HttpRequest) -> HttpResponse:
    topics, rows = queries.matrix()
    counts = practices.catalog_counts()
    columns = [(t, counts.affirmative(t.key)) for t in topics]
    return render(
        request,
        "catalog/compare_index.html",
        {
            "topics": topics,
            "columns": columns,
            "rows": rows,
            "all_topics": v.TOPICS,
            "counts": counts,
        },
    )


@require_safe
def compare_topic(request: HttpRequest, topic: str) -> HttpResponse:
    info = v.TOPIC_BY_KEY.get(topic)
    if info is None:
        raise Http404("No such topic")
    order = "name" if request.GET.get("order") == "name" else "verdict"
    practice = _practice_context(request)
    return render(
        request,
        "catalog/compare_topic.html",
        {
            **practice,
            "route": practice["topic_routes"].get(topic),
            "count_rows": practice["counts"].rows(topic),
            "topic": info,
            "rows": queries.comparison(topic, order=order),
            "order": order,
            "all_topics": v.TOPICS,
        },
    )


def _json(data: dict) -> JsonResponse:
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Access-Control-Allow-Origin"] = "*"  # public data, meant for reuse
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
def catalog_export(request: HttpRequest) -> JsonResponse:
    platforms = queries.all_platforms_in_full()
    return _json(catalog_json(platforms, absolute=request.build_absolute_uri))


@require_safe
def platform_export(request: HttpRequest, slug: str) -> JsonResponse:
    platform = queries.platform_detail(slug)
    return _json(single_platform_json(platform, absolute=request.build_absolute_uri))
