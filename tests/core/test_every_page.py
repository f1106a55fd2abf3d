"""Every page, found by walking the URL configuration, carries the strict Content-Security-Policy,
loads nothing from another host, has no inline script or style, and protects every form.

Pages are fetched anonymously, signed in, and (for the admin) as staff signed in with
two-factor. URL patterns are enumerated, so pages added by later apps are checked without being
listed; the admin's pages of one object are fetched with an object of their model. Skipped, and
named in the test report: other patterns that need an object or a key in the URL (``<int:pk>``,
``<key>``…). Patterns that accept only POST answer GET with 405, which is checked for its
headers; their forms are checked on the pages that hold them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.staticfiles import finders
from django.core import mail
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import PASSWORD, staff_client
from tests.owned_data import make_row

OUR_HOSTS = {"", "testserver"}
# Where a page may point to another host: links the person chooses to follow.
FOLLOWABLE = {("a", "href")}
RESOURCE_ATTRIBUTES = {"src", "href", "srcset", "action", "data", "poster", "formaction"}
DATA_BLOCK_TYPES = {"application/json", "application/ld+json"}


def walk(patterns, prefix: str = ""):
    for pattern in patterns:
        route = prefix + _route(pattern)
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def _route(pattern) -> str:
    text = str(pattern.pattern)
    return text.removeprefix("^").removesuffix("$")


# Admin pages of one object: fetched with an object of that model, made if there is none.
ADMIN_OBJECT = re.compile(r"^admin/(\w+)/(\w+)/<(?:path:object_id|id)>/(\w+/)?$")


def needs_an_object(route: str) -> bool:
    if ADMIN_OBJECT.match(route) or route in EXAMPLES:
        return False
    return "<" in route or "(" in route or "\\" in route or "*" in route or "?" in route


def with_an_object(url: str) -> str:
    """``/admin/app/model/<path:object_id>/change/`` → the same page of a real object."""
    if (example := EXAMPLES.get(url.lstrip("/"))) is not None:
        return example()
    match = ADMIN_OBJECT.match(url.lstrip("/"))
    if match is None:
        return url
    model = apps.get_model(match.group(1), match.group(2))
    obj = model._default_manager.first() or make_row(model, None)
    return re.sub(r"<[^>]+>", str(obj.pk), url)


def alices_request_url(suffix: str = "") -> str:
    """A request alice saved (made once), and the URL of its page or of one of its files."""
    from django.contrib.auth import get_user_model

    from apps.tracker.models import PrivacyRequest
    from tests.letters.factories import saved_request

    alice = get_user_model().objects.get(email="alice@example.org")
    saved = PrivacyRequest.objects.filter(owner=alice).first() or saved_request(alice)
    return f"/requests/{saved.code}/{suffix}"


def alices_sent_request_url(suffix: str = "") -> str:
    """Alice's request, marked sent 40 days ago (overdue): its follow-up and complaint exist."""
    from datetime import timedelta

    from apps.tracker.models import PrivacyRequest
    from apps.tracker.services import request_record_event, today_for

    url = alices_request_url()
    saved = PrivacyRequest.objects.get(code=url.split("/")[2])
    if saved.status == "draft":
        today = today_for(saved.owner)
        request_record_event(request=saved, kind="sent", on=today - timedelta(days=40), today=today)
    return f"{url}{suffix}"


def alices_calendar_url() -> str:
    from django.contrib.auth import get_user_model

    alice = get_user_model().objects.get(email="alice@example.org")
    alices_sent_request_url()
    return f"/calendar/{alice.profile.calendar_token}.ics"


# Routes whose URL names an object: an example URL per route, built from the real catalog and
# alice's data. An app adding such a page adds its example here, so the walk covers it.
def _policy_change():
    """OpenAI's privacy policy watched: a baseline and one change, alice following and alerted."""
    from django.contrib.auth import get_user_model

    from apps.catalog.models import Document
    from apps.watch import services
    from tests.watch.conftest import policy_html, store_versions

    document = Document.objects.get(platform__slug="openai", key="privacy-policy")
    alice = get_user_model().objects.get(email="alice@example.org")
    if not document.snapshots.exists():
        services.follow(user=alice, platform=document.platform)
        store_versions(document, policy_html("We keep prompts."), policy_html("We keep images."))
    return document.snapshots.get(number=2)


def _unfollow_link() -> str:
    from apps.watch.alerts import unfollow_token

    change = _policy_change()
    alert = change.alerts.get()
    return f"/following/stop/{unfollow_token(user_id=alert.user_id, platform_id=alert.snapshot.document.platform_id)}/"


def _alices_reminder():
    """A reminder about alice's request (planned, not sent)."""
    from datetime import timedelta

    from django.utils import timezone

    from apps.reminders.models import Reminder
    from apps.tracker.models import PrivacyRequest

    alices_request_url()
    request = PrivacyRequest.objects.filter(owner__email="alice@example.org").first()
    reminder, _ = Reminder.objects.get_or_create(
        request=request,
        kind="draft",
        deadline_on=request.dated_on,
        defaults={"due_at": timezone.now() + timedelta(days=3)},
    )
    return reminder


def _reminders_stop_link() -> str:
    from apps.reminders.emails import stop_token

    return f"/reminders/stop/{stop_token(user_id=_alices_reminder().request.owner_id)}/"


EXAMPLES = {
    "request/new/<slug:step>/": lambda: "/request/new/recipient/",
    "requests/<uuid:code>/": lambda: alices_request_url(),
    "requests/<uuid:code>/letter.pdf": lambda: alices_request_url("letter.pdf"),
    "requests/<uuid:code>/letter.eml": lambda: alices_request_url("letter.eml"),
    "requests/<uuid:code>/letter.txt": lambda: alices_request_url("letter.txt"),
    "requests/<uuid:code>/request.ics": lambda: alices_sent_request_url("request.ics"),
    "requests/<uuid:code>/events/<slug:kind>/": lambda: alices_request_url("events/sent/"),
    "requests/<uuid:code>/correct/": lambda: alices_sent_request_url("correct/"),
    "requests/<uuid:code>/delete/": lambda: alices_request_url("delete/"),
    "requests/<uuid:code>/follow-up/": lambda: alices_sent_request_url("follow-up/"),
    "requests/<uuid:code>/complaint/": lambda: alices_sent_request_url("complaint/"),
    **{
        f"requests/<uuid:code>/{which}/letter.{ext}": (
            lambda which=which, ext=ext: alices_sent_request_url(f"{which}/letter.{ext}")
        )
        for which in ("follow-up", "complaint")
        for ext in ("pdf", "eml", "txt")
    },
    "calendar/<str:token>.ics": alices_calendar_url,
    "platforms/<slug:slug>/": lambda: "/platforms/openai/",
    "platforms/<slug:slug>.json": lambda: "/platforms/openai.json",
    "compare/<slug:topic>/": lambda: "/compare/training-inputs/",
    "platforms/<slug:slug>/documents/<slug:key>/": lambda: _policy_change().diff_url(),
    "platforms/<slug:slug>/follow/": lambda: "/platforms/openai/follow/",
    "platforms/<slug:slug>/unfollow/": lambda: "/platforms/openai/unfollow/",
    "following/stop/<str:token>/": _unfollow_link,
    "reminders/stop/<str:token>/": _reminders_stop_link,
    **{
        f"admin/reminders/reminder/<path:object_id>/{page}": (
            lambda page=page: f"/admin/reminders/reminder/{_alices_reminder().pk}/{page}"
        )
        for page in ("", "change/", "delete/", "history/")
    },
    **{
        f"admin/watch/policyalert/<path:object_id>/{page}": (
            lambda page=page: f"/admin/watch/policyalert/{_policy_change().alerts.get().pk}/{page}"
        )
        for page in ("", "change/", "delete/", "history/")
    },
}


SKIP_REASONS = {
    "/accounts/confirm-email/": "checked by test_pages_reached_from_emailed_links_have_the_policy_too",
    "/accounts/password/reset/key/": "checked by test_pages_reached_from_emailed_links_have_the_policy_too",
    "/admin/r/": "redirects to an object's own page; no page of its own",
    "/admin/(?P<url>": "the admin's catch-all for unknown addresses",
}
APP_INDEX = re.compile(r"\(\?P<app_label>([\w|]+)\)")


def expand(route: str) -> list[str]:
    """The admin's app index pattern lists its apps: one page per app."""
    match = APP_INDEX.search(route)
    if match is None:
        return [route]
    return [route.replace(match.group(0), app) for app in match.group(1).split("|")]


def pages():
    params = []
    routes = {expanded for route in walk(get_resolver().url_patterns) for expanded in expand(route)}
    for route in sorted(routes):
        url = "/" + route
        if needs_an_object(route):
            why = next((r for prefix, r in SKIP_REASONS.items() if url.startswith(prefix)), "")
            if not why:  # a new page nobody gave an example for fails in the test below
                params.append(pytest.param(url, id=url))
                continue
            reason = f"needs an object or key in the URL: {url} ({why})"
            params.append(pytest.param(url, marks=pytest.mark.skip(reason=reason), id=url))
        else:
            params.append(pytest.param(url, id=url))
    return params


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.resources: list[tuple[str, str, str]] = []
        self.inline: list[str] = []
        self.post_forms = 0
        self.post_forms_with_token = 0
        self._in_post_form = False
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if value is None:
                continue
            if name == "style":
                self.inline.append(f'<{tag} style="{value}">')
            if name.startswith("on"):
                self.inline.append(f"<{tag} {name}=…>")
            if name in RESOURCE_ATTRIBUTES:
                for url in value.split(",") if name == "srcset" else [value]:
                    self.resources.append((tag, name, url.strip().split(" ")[0]))
        if tag == "style":
            self.inline.append("<style>")
        if tag == "script" and "src" not in values and values.get("type") not in DATA_BLOCK_TYPES:
            self.inline.append("<script> without src")
        if tag == "form" and (values.get("method") or "get").lower() == "post":
            self.post_forms += 1
            self._in_post_form = True
        if (
            tag == "input"
            and self._in_post_form
            and values.get("name") == "csrfmiddlewaretoken"
            and values.get("value")
        ):
            self.post_forms_with_token += 1
            self._in_post_form = False

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_post_form = False


def external(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob", "mailto", "tel"}:
        return False
    return parts.netloc.lower() not in OUR_HOSTS


def check_page(response, url: str) -> Page | None:
    policy = response.get("Content-Security-Policy", "")
    assert "default-src 'self'" in policy, f"{url}: no strict CSP ({response.status_code})"
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert response.get("X-Frame-Options") == "DENY"
    if not response.get("Content-Type", "").startswith("text/html") or response.status_code >= 300:
        return None
    page = Page()
    page.feed(response.content.decode())
    offsite = [r for r in page.resources if (r[0], r[1]) not in FOLLOWABLE and external(r[2])]
    assert offsite == [], f"{url} loads from another host: {offsite}"
    assert page.inline == [], f"{url} has inline script or style: {page.inline}"
    assert page.post_forms == page.post_forms_with_token, f"{url}: a POST form lacks its CSRF token"
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("url", pages())
def test_every_page_has_the_policy_and_nothing_from_another_host(url, client, alice, real_catalog):
    signed_in = Client()
    signed_in.force_login(alice)
    visitors = {"anonymous": client, "signed in": signed_in}
    if url.startswith("/admin/"):
        visitors["staff with two-factor"] = staff_client("staff@example.org")
    if needs_an_object(url.lstrip("/")):
        pytest.fail(f"{url} names an object: add an example URL for it to EXAMPLES")
    post_only = 0
    url = with_an_object(url)
    if url == "/healthz":  # a live queue (without one it answers 503: tests/core/test_health.py)
        from apps.core.tasks import heartbeat

        heartbeat()
    for who, visitor in visitors.items():
        response = visitor.get(url)
        assert response.status_code < 500, f"{url} as {who}: {response.status_code}"
        check_page(response, f"{url} as {who}")
        post_only += response.status_code == 405
        # HEAD answers like GET (monitors and link checkers use it): require_safe, not
        # require_GET. A POST-only page refuses both alike.
        head = visitor.head(url)
        assert head.status_code == response.status_code, f"HEAD {url} as {who}"
        assert head.get("Content-Type") == response.get("Content-Type"), f"HEAD {url} as {who}"
    if post_only == len(visitors):
        pytest.skip(f"POST only: {url} answers GET with 405 (headers checked)")


@pytest.mark.django_db
def test_the_walk_reaches_the_pages_that_matter():
    urls = {param.values[0] for param in pages()}
    for url in [
        "/",
        "/privacy/",
        "/accounts/login/",
        "/accounts/signup/",
        "/account/settings/",
        "/account/data/",
        "/accounts/2fa/",
        "/admin/",
        "/request/new/",
        "/requests/<uuid:code>/",
    ]:
        assert url in urls


@pytest.mark.django_db
def test_signed_in_pages_render_fully_for_the_person(alice):
    """The walk above sees redirects for some pages; these render as a signed-in person."""
    visitor = Client()
    visitor.force_login(alice)
    for url in [
        "/requests/",  # the signed-in home: "/" sends a signed-in person there
        "/privacy/",
        "/account/settings/",
        "/account/data/",
        "/accounts/2fa/",
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/logout/",
    ]:
        response = visitor.get(url)
        assert response.status_code == 200, url
        assert check_page(response, url) is not None


@pytest.mark.django_db
def test_pages_reached_from_emailed_links_have_the_policy_too(client, alice):
    """The confirmation and password-reset pages, whose URLs carry a key (skipped above)."""
    client.post(
        "/accounts/signup/",
        {"email": "gina@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    client.post("/accounts/password/reset/", {"email": "alice@example.org"})
    links = [re.search(r"http://testserver(/\S+)", m.body).group(1) for m in mail.outbox]
    confirm, reset = links
    assert check_page(client.get(confirm), confirm) is not None
    form_url = client.get(reset)["Location"]
    assert check_page(client.get(form_url), form_url) is not None


def test_stylesheets_and_scripts_we_serve_load_nothing_from_another_host():
    for name in ["css/site.css", "js/site.js"]:
        text = open(finders.find(name), encoding="utf-8").read()  # noqa: SIM115
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", text), name
        assert not re.search(r"https?://", text), name


def html_response(body: str):
    from django.http import HttpResponse

    response = HttpResponse(f"<!doctype html><html><body>{body}</body></html>")
    response["Content-Security-Policy"] = (
        "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'"
    )
    response["X-Frame-Options"] = "DENY"
    return response


@pytest.mark.parametrize(
    "body",
    [
        '<script src="https://cdn.example.net/app.js"></script>',
        '<link rel="stylesheet" href="//fonts.example.net/css">',
        '<img src="http://tracker.example.net/pixel.gif" alt="">',
        '<iframe src="https://video.example.net/embed"></iframe>',
        "<script>alert(1)</script>",
        '<p style="color: red">x</p>',
        "<style>p { color: red }</style>",
        '<button onclick="go()">x</button>',
        '<form method="post" action="/x"><button>Send</button></form>',
    ],
)
def test_the_page_check_catches_what_it_looks_for(body):
    with pytest.raises(AssertionError):
        check_page(html_response(body), "synthetic")


def test_the_page_check_allows_links_people_choose_to_follow_and_data_images():
    page = check_page(
        html_response(
            '<a href="https://platform.example/privacy">policy</a>'
            '<img src="data:image/svg+xml;base64,PHN2Zy8+" alt="">'
            '<script type="application/json" id="d">{}</script>'
            '<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="t"></form>'
        ),
        "synthetic",
    )
    assert page is not None
