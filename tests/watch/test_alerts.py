"""Followers hear about each change exactly once, over a real SMTP server on loopback."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

from apps.notifications import delivery
from apps.notifications.models import Notification
from apps.watch import services
from apps.watch.alerts import read_unfollow_token, unfollow_token
from apps.watch.models import Follow, PolicyAlert
from apps.watch.services import run_watch
from tests.conftest import make_user
from tests.watch.conftest import (
    POLICY_V1,
    POLICY_V2,
    POLICY_V3,
    make_document,
    make_platform,
    policy_html,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_watch")]

V1, V2, V3 = POLICY_V1, POLICY_V2, POLICY_V3


@pytest.fixture
def document(policy_site):
    policy_site.page("/privacy", V1)
    return make_document(make_platform(), "privacy-policy", policy_site.url("/privacy"))


def publish(policy_site, document, html):
    policy_site.page("/privacy", html)
    run_watch(documents=[document])


def sweep_twice():
    delivery.sweep()
    delivery.sweep()


def text_part(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_part(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def test_followers_get_exactly_one_email_per_change(smtp_server, document, policy_site, alice, bob):
    services.follow(user=alice, platform=document.platform)
    services.follow(user=bob, platform=document.platform)
    run_watch(documents=[document])  # the baseline: nobody is told anything
    sweep_twice()
    assert smtp_server.messages == []

    publish(policy_site, document, V2)
    sweep_twice()
    publish(policy_site, document, V2)  # checked again, nothing new
    publish(policy_site, document, V2.replace("<p>", "<p class='x'>"))  # cosmetic
    sweep_twice()
    assert sorted(rcpt for _sender, [rcpt] in smtp_server.envelopes) == [
        "alice@example.org",
        "bob@example.org",
    ]

    publish(policy_site, document, V3)
    sweep_twice()
    assert len(smtp_server.messages) == 4  # two changes, two followers
    assert smtp_server.subjects == ["Acme AI changed its Privacy Policy"] * 4
    assert PolicyAlert.objects.filter(status=Notification.Status.SENT).count() == 4


def test_the_email_says_what_changed_links_to_the_diff_and_to_unfollowing(
    smtp_server, document, policy_site, alice, settings
):
    settings.SITE_URL = "https://rightsdesk.example"
    services.follow(user=alice, platform=document.platform)
    run_watch(documents=[document])
    publish(policy_site, document, V2)
    delivery.sweep()
    [message] = smtp_server.messages
    text, html = text_part(message), html_part(message)

    diff_url = (
        "https://rightsdesk.example/platforms/acme-ai/documents/privacy-policy/?from=1&to=2#diff"
    )
    assert diff_url in text
    assert diff_url.replace("&", "&amp;") in html
    assert "4 words added, 2 removed" in text
    assert "{+and images+} to [-improve-] {+train+} our [-services.-] {+models.+}" in text
    assert "<ins" in html
    assert ">and images</ins>" in html
    assert ">improve</del>" in html

    unfollow = message["List-Unsubscribe"].strip("<>")
    assert unfollow.startswith("https://rightsdesk.example/following/stop/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unfollow in text
    assert "https://rightsdesk.example/following/" in text
    assert "&amp;" not in text


def test_policy_text_in_the_email_is_escaped_in_html_and_kept_literal_in_text(
    smtp_server, document, policy_site, alice
):
    services.follow(user=alice, platform=document.platform)
    run_watch(documents=[document])
    publish(
        policy_site,
        document,
        policy_html("We may use your prompts &lt;script&gt;alert(1)&lt;/script&gt; & more."),
    )
    delivery.sweep()
    [message] = smtp_server.messages
    assert "<script>" not in html_part(message)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_part(message)
    assert "<script>alert(1)</script>" in text_part(message)


def test_unfollowing_before_the_sweep_cancels_the_email(smtp_server, document, policy_site, alice):
    services.follow(user=alice, platform=document.platform)
    run_watch(documents=[document])
    publish(policy_site, document, V2)
    services.unfollow(user=alice, platform=document.platform)
    sweep_twice()
    assert smtp_server.messages == []
    assert PolicyAlert.objects.get().status == Notification.Status.CANCELLED


def test_a_deactivated_account_gets_no_email(smtp_server, document, policy_site, alice):
    services.follow(user=alice, platform=document.platform)
    run_watch(documents=[document])
    publish(policy_site, document, V2)
    alice.is_active = False
    alice.save()
    delivery.sweep()
    assert smtp_server.messages == []


def test_a_failed_send_is_retried_and_still_sent_once(
    smtp_server, document, policy_site, alice, settings
):
    import time_machine
    from django.utils import timezone

    settings.NOTIFICATIONS_BACKOFF = [60]
    services.follow(user=alice, platform=document.platform)
    run_watch(documents=[document])
    publish(policy_site, document, V2)
    smtp_server.fail_next = 1
    delivery.sweep()
    assert smtp_server.messages == []
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=61)):
        sweep_twice()
    assert len(smtp_server.messages) == 1


def test_someone_who_follows_after_the_change_is_not_told_about_it(
    smtp_server, document, policy_site, alice
):
    run_watch(documents=[document])
    publish(policy_site, document, V2)
    services.follow(user=alice, platform=document.platform)
    sweep_twice()
    assert smtp_server.messages == []


def test_the_dates_in_the_email_are_in_the_persons_time_zone_and_style(
    smtp_server, document, policy_site
):
    from datetime import UTC, datetime

    import time_machine

    kiri = make_user("kiri@example.org")
    kiri.profile.time_zone = "Pacific/Auckland"
    kiri.profile.date_format = "iso"
    kiri.profile.save()
    services.follow(user=kiri, platform=document.platform)
    with time_machine.travel(datetime(2026, 12, 1, 20, 0, tzinfo=UTC), tick=False):
        run_watch(documents=[document])
        publish(policy_site, document, V2)
        delivery.sweep()
    assert "We noticed on 2026-12-02" in text_part(smtp_server.messages[0])


# --- The unfollow link --------------------------------------------------------------------------


def test_the_unfollow_link_asks_first_then_unfollows_without_signing_in(document, alice):
    services.follow(user=alice, platform=document.platform)
    url = f"/following/stop/{unfollow_token(user_id=alice.pk, platform_id=document.platform.pk)}/"
    client = Client(enforce_csrf_checks=True)
    page = client.get(url)
    assert page.status_code == 200
    assert "Stop following Acme AI" in page.content.decode()
    assert Follow.objects.filter(user=alice).exists()  # a GET (a link scanner) changes nothing
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    done = client.post(url, {"csrfmiddlewaretoken": token})
    assert "You no longer follow Acme AI" in done.content.decode()
    assert not Follow.objects.filter(user=alice).exists()


def test_a_mail_clients_one_click_post_unfollows(document, alice):
    services.follow(user=alice, platform=document.platform)
    url = f"/following/stop/{unfollow_token(user_id=alice.pk, platform_id=document.platform.pk)}/"
    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Follow.objects.filter(user=alice).exists()


def test_a_forged_or_altered_unfollow_link_is_not_found(document, alice, bob):
    services.follow(user=alice, platform=document.platform)
    good = unfollow_token(user_id=bob.pk, platform_id=document.platform.pk)
    forged = good.replace(good.split(":")[0], "eyJ1IjoxLCJwIjoxfQ")
    for token in [forged, "nonsense", good[:-2] + "xx"]:
        assert Client().post(f"/following/stop/{token}/").status_code == 404
    assert Follow.objects.filter(user=alice).exists()
    assert read_unfollow_token(good) == (bob.pk, document.platform.pk)


def test_the_link_in_the_email_is_the_one_that_works(smtp_server, document, policy_site, alice):
    services.follow(user=alice, platform=document.platform)
    run_watch(documents=[document])
    publish(policy_site, document, V2)
    delivery.sweep()
    link = smtp_server.messages[0]["List-Unsubscribe"].strip("<>")
    Client().post(urlsplit(link).path)
    assert not Follow.objects.filter(user=alice).exists()


def test_the_data_export_names_what_a_person_follows_and_the_alerts_sent(
    smtp_server, document, policy_site, alice, bob
):
    from apps.accounts import exports

    services.follow(user=alice, platform=document.platform)
    services.follow(user=bob, platform=document.platform)
    run_watch(documents=[document])
    publish(policy_site, document, V2)
    delivery.sweep()
    sections, _files = exports.collect(alice)
    [follow] = sections["sections"]["follows"]
    assert (follow["platform_slug"], follow["platform_name"]) == ("acme-ai", "Acme AI")
    [alert] = sections["sections"]["policy_alerts"]
    assert alert["document_title"] == "Privacy Policy"
    assert alert["version"] == 2
    assert alert["status"] == "sent"
    assert "user" not in alert
