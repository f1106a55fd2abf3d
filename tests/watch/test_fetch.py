"""The policy fetcher against a real HTTP server on loopback: every outcome, and the SSRF guard."""

from __future__ import annotations

import itertools
import time

import pytest

from apps.watch.fetch import FetchConfig, FetchRequest, Outcome, fetch_all
from tests.watch.conftest import FAST


def fake_dns(answers: dict[str, list[str]]):
    """A resolver for made-up host names; anything else does not exist."""

    async def resolve(host: str, port: int) -> list[str]:
        if host not in answers:
            raise OSError(f"unknown host {host}")
        return answers[host]

    return resolve


def fetch(url: str, config: FetchConfig = FAST, **request: str):
    [result] = fetch_all([FetchRequest(url=url, **request)], config=config)
    return result


def test_it_fetches_a_page_with_its_validators_and_a_descriptive_user_agent(policy_site):
    policy_site.page("/privacy", "<main><p>We keep your prompts.</p></main>")
    result = fetch(policy_site.url("/privacy"))
    assert result.outcome is Outcome.OK
    assert result.status == 200
    assert b"We keep your prompts." in result.body
    assert result.etag.startswith('"')
    assert result.content_type.startswith("text/html")
    assert policy_site.requests[0]["headers"]["User-Agent"] == "RightsdeskPolicyWatch/test"


def test_the_default_user_agent_says_who_we_are_and_why():
    agent = FetchConfig.from_settings().user_agent
    assert agent.startswith("RightsdeskPolicyWatch/1.0 (+http")
    assert "privacy policies" in agent


def test_a_conditional_request_with_the_last_etag_comes_back_not_modified(policy_site):
    policy_site.page("/privacy", "<p>v1</p>")
    first = fetch(policy_site.url("/privacy"))
    second = fetch(policy_site.url("/privacy"), etag=first.etag)
    assert second.outcome is Outcome.NOT_MODIFIED
    assert second.body == b""
    assert policy_site.requests[1]["headers"]["If-None-Match"] == first.etag


def test_a_changed_page_answers_a_stale_etag_with_the_new_version(policy_site):
    policy_site.page("/privacy", "<p>v1</p>")
    first = fetch(policy_site.url("/privacy"))
    policy_site.page("/privacy", "<p>v2</p>")
    second = fetch(policy_site.url("/privacy"), etag=first.etag)
    assert second.outcome is Outcome.OK
    assert b"v2" in second.body


def test_if_modified_since_is_sent_when_a_last_modified_date_is_known(policy_site):
    policy_site.page("/terms", "<p>terms</p>", etag=False)
    fetch(policy_site.url("/terms"), last_modified="Wed, 21 Oct 2026 07:28:00 GMT")
    assert (
        policy_site.requests[0]["headers"]["If-Modified-Since"] == "Wed, 21 Oct 2026 07:28:00 GMT"
    )


@pytest.mark.parametrize("status", [403, 404, 410, 500, 503])
def test_an_error_status_is_an_http_error_with_its_code(policy_site, status):
    policy_site.error("/broken", status)
    result = fetch(policy_site.url("/broken"))
    assert result.outcome is Outcome.HTTP_ERROR
    assert result.status == status
    assert result.error.startswith(f"HTTP {status}")
    assert result.body == b""


def test_a_server_that_answers_too_slowly_times_out(policy_site):
    def slow(handler):
        time.sleep(1.5)
        handler.send_response(200)
        handler.end_headers()

    policy_site.routes["/slow"] = slow
    result = fetch(policy_site.url("/slow"))
    assert result.outcome is Outcome.TIMEOUT
    assert result.seconds < 1.5


def test_a_server_that_drips_bytes_forever_is_cut_off_by_the_total_deadline(policy_site):
    def drip(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        for _ in range(100):
            handler.wfile.write(b"<p>.</p>")
            handler.wfile.flush()
            time.sleep(0.2)  # each chunk beats the read timeout; the whole never ends

    policy_site.routes["/drip"] = drip
    result = fetch(policy_site.url("/drip"))
    assert result.outcome is Outcome.TIMEOUT
    assert "within 2s" in result.error
    assert result.seconds < 3


def test_a_declared_huge_body_is_refused_without_reading_it(policy_site):
    def huge(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", str(50_000_000))
        handler.end_headers()
        handler.wfile.write(b"x" * 1000)

    policy_site.routes["/huge"] = huge
    result = fetch(policy_site.url("/huge"))
    assert result.outcome is Outcome.TOO_LARGE
    assert "announced 50,000,000 bytes" in result.error


def test_an_undeclared_huge_body_is_aborted_past_the_cap(policy_site):
    def endless(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()  # no Content-Length: read until the server closes
        for _ in range(200):
            handler.wfile.write(b"y" * 10_000)

    policy_site.routes["/endless"] = endless
    result = fetch(policy_site.url("/endless"))
    assert result.outcome is Outcome.TOO_LARGE
    assert "aborted after" in result.error
    assert result.body == b""


def test_redirects_are_followed_up_to_the_limit(policy_site):
    policy_site.redirect("/old", "/new")
    policy_site.page("/new", "<p>moved</p>")
    result = fetch(policy_site.url("/old"))
    assert result.outcome is Outcome.OK
    assert result.final_url == policy_site.url("/new")
    assert result.redirects == (policy_site.url("/new"),)


def test_a_redirect_loop_stops_after_the_limit(policy_site):
    policy_site.redirect("/loop-a", "/loop-b")
    policy_site.redirect("/loop-b", "/loop-a")
    result = fetch(policy_site.url("/loop-a"))
    assert result.outcome is Outcome.TOO_MANY_REDIRECTS
    assert policy_site.hits["/loop-a"] + policy_site.hits["/loop-b"] == FAST.max_redirects + 1


def test_a_redirect_to_a_private_address_is_refused_before_any_request_reaches_it(
    policy_site, forbidden_site
):
    forbidden_site.page("/secret", "<p>internal admin</p>")
    policy_site.redirect("/go", forbidden_site.url("/secret", host="127.0.0.2"))
    result = fetch(policy_site.url("/go"))
    assert result.outcome is Outcome.BLOCKED
    assert "127.0.0.2" in result.error
    assert forbidden_site.hits == {}


@pytest.mark.parametrize(
    "location",
    [
        "file:///etc/passwd",
        "ftp://127.0.0.1/",
        "gopher://127.0.0.1:70/",
        "http://user:pw@127.0.0.1/",
    ],
)
def test_a_redirect_to_another_scheme_or_with_credentials_is_refused(policy_site, location):
    policy_site.redirect("/go", location)
    result = fetch(policy_site.url("/go"))
    assert result.outcome is Outcome.BAD_URL


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.2:1/",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://0.0.0.0/",
        "http://[::ffff:127.0.0.2]/",
    ],
)
def test_non_public_addresses_are_blocked_even_without_a_redirect(url):
    result = fetch(url)
    assert result.outcome is Outcome.BLOCKED


def test_loopback_is_blocked_unless_configuration_allows_it(policy_site, settings):
    policy_site.page("/privacy", "<p>hi</p>")
    settings.WATCH_ALLOWED_NETWORKS = []
    result = fetch(policy_site.url("/privacy"))
    assert result.outcome is Outcome.BLOCKED
    assert policy_site.hits == {}


def test_a_host_name_whose_dns_answer_is_private_is_blocked(forbidden_site):
    from apps.watch.fetch import fetch_all as fetch_all_with

    dns = fake_dns({"policies.evil.test": ["93.184.216.34", "127.0.0.2"]})
    [result] = fetch_all_with(
        [FetchRequest(url=f"http://policies.evil.test:{forbidden_site.port}/")],
        config=FAST,
        resolver=dns,
    )
    assert result.outcome is Outcome.BLOCKED  # one private answer among public ones is enough
    assert forbidden_site.hits == {}


def test_an_unknown_host_is_a_connection_error():
    [result] = fetch_all(
        [FetchRequest(url="http://nowhere.test/")], config=FAST, resolver=fake_dns({})
    )
    assert result.outcome is Outcome.CONNECTION
    assert "could not resolve nowhere.test" in result.error


def test_a_malformed_url_is_a_bad_url():
    assert fetch("not a url").outcome is Outcome.BAD_URL
    assert fetch("javascript:alert(1)").outcome is Outcome.BAD_URL


def test_concurrency_is_bounded_across_many_documents(policy_site):
    hosts = {f"site{n}.test": ["127.0.0.1"] for n in range(40)}
    for n in range(40):
        policy_site.slow_page(f"/doc{n}", "<p>ok</p>", delay=0.05)
    requests = [
        FetchRequest(url=f"http://site{n}.test:{policy_site.port}/doc{n}") for n in range(40)
    ]
    config = FetchConfig(**{**FAST.__dict__, "concurrency": 5})
    results = fetch_all(requests, config=config, resolver=fake_dns(hosts))
    assert all(r.outcome is Outcome.OK for r in results)
    assert [r.request for r in results] == requests  # results come back in request order
    # Counted while each request waits for its answer: the client holds a slot all that time.
    assert 1 < policy_site.max_waiting <= 5


def test_requests_to_one_host_are_one_at_a_time_and_spaced_out(policy_site):
    for n in range(4):
        policy_site.page(f"/p{n}", f"<p>{n}</p>")
    config = FetchConfig(**{**FAST.__dict__, "concurrency": 4, "per_host_delay": 0.2})
    fetch_all([FetchRequest(url=policy_site.url(f"/p{n}")) for n in range(4)], config=config)
    spans = sorted((r["start"], r["end"]) for r in policy_site.requests)
    for (_, previous_end), (next_start, _) in itertools.pairwise(spans):
        assert next_start - previous_end >= 0.19


def test_each_result_reports_progress_as_it_finishes(policy_site):
    for n in range(3):
        policy_site.page(f"/p{n}", "<p>x</p>")
    seen = []
    fetch_all(
        [FetchRequest(url=policy_site.url(f"/p{n}"), key=n) for n in range(3)],
        config=FAST,
        on_result=seen.append,
    )
    assert sorted(r.request.key for r in seen) == [0, 1, 2]


def test_the_total_deadline_covers_every_redirect_hop(policy_site):
    def slow_redirect(to: str):
        def handler(h):
            time.sleep(0.45)  # each hop beats the read timeout; together they do not
            h.send_response(302)
            h.send_header("Location", to)
            h.end_headers()

        return handler

    for n in range(3):
        policy_site.routes[f"/hop{n}"] = slow_redirect(f"/hop{n + 1}")
    policy_site.page("/hop3", "<p>finally</p>")
    config = FetchConfig(**{**FAST.__dict__, "read_timeout": 1, "total_timeout": 1.2})
    result = fetch(policy_site.url("/hop0"), config)
    assert result.outcome is Outcome.TIMEOUT
    assert "within 1.2s" in result.error
    assert policy_site.hits["/hop3"] == 0


def test_validators_are_sent_to_the_url_they_came_from_after_a_redirect(policy_site):
    policy_site.redirect("/policy", "/policy/v2")
    policy_site.page("/policy/v2", "<p>current</p>")
    first = fetch(policy_site.url("/policy"))
    second = fetch(policy_site.url("/policy"), etag=first.etag, validators_url=first.final_url)
    assert second.outcome is Outcome.NOT_MODIFIED
    redirect_hop, final_hop = policy_site.requests[2:]
    assert "If-None-Match" not in redirect_hop["headers"]
    assert final_hop["headers"]["If-None-Match"] == first.etag


def test_documents_not_started_before_the_stop_time_are_skipped_without_a_request(policy_site):
    for n in range(3):
        policy_site.page(f"/p{n}", f"<p>{n}</p>")
    results = fetch_all(
        [FetchRequest(url=policy_site.url(f"/p{n}")) for n in range(3)],
        config=FAST,
        stop_at=time.monotonic() - 1,
    )
    assert [r.outcome for r in results] == [Outcome.SKIPPED] * 3
    assert policy_site.hits == {}
    assert all(r.seconds == 0 for r in results)


def test_it_fetches_from_a_thread_that_already_runs_an_event_loop(policy_site):
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    policy_site.page("/privacy", "<p>hi</p>")

    async def caller():  # e.g. an async view, or the browser driver in the test suite
        return fetch(policy_site.url("/privacy"))

    with ThreadPoolExecutor(1) as pool:  # a thread of its own, whatever runs in this one
        result = pool.submit(asyncio.run, caller()).result()
    assert result.outcome is Outcome.OK
