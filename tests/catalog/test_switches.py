"""Settings switches as first-class opt-outs: the exact setting, where it is, where it starts and
what it does not undo, beside the letter, which stays the route for data already used."""

from __future__ import annotations

import html
import re

import pytest
from django.template.loader import render_to_string

from apps.catalog.links import request_start_url
from apps.catalog.models import Platform
from tests.generator.helpers import walk_to_preview

pytestmark = pytest.mark.usefixtures("real_catalog")


def text(markup: str) -> str:
    """What a reader sees: tags dropped (links keep their address), spaces collapsed."""
    markup = re.sub(r'<a href="([^"]+)"[^>]*>', r"[\1] ", re.sub(r"<br\s*/?>", " ", markup))
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", markup)).split())


def switch_box(page: str) -> str:
    return text(page.split('class="card switch-box"')[1].split("\n</div>")[0])


def test_a_platform_page_shows_each_switch_next_to_the_letter(client):
    box = switch_box(client.get("/platforms/anthropic/").content.decode())
    assert "“Help Improve Claude”: Settings → Privacy (desktop, browser and mobile)." in box
    assert "Turn it off." in box
    assert "It starts on, so it works against you until you change it." in box
    assert "What it does not undo: Chats already used in a training run" in box
    assert "Who has it: Claude Free, Pro and Max accounts" in box
    assert request_start_url(platform="anthropic", want="object") in box
    assert "How do I change my model improvement privacy settings?" in box


def test_a_documented_deep_link_opens_the_setting_itself(client):
    box = switch_box(client.get("/platforms/google-gemini/").content.decode())
    assert "[https://myactivity.google.com/product/gemini] open the setting" in box
    assert "open the setting" in box


def test_a_switch_from_a_secondary_source_is_marked_unconfirmed(client):
    box = switch_box(client.get("/platforms/microsoft-copilot/").content.decode())
    assert "“Model training on text”" in box
    assert "Unconfirmed" in box
    assert "Secondary source" in box


def test_an_undocumented_default_and_undo_say_so_instead_of_guessing(client):
    box = switch_box(client.get("/platforms/perplexity/").content.decode())
    assert "Where it starts is not documented: check it." in box
    assert "What it does not undo: what was already used before you changed it" in box


def test_a_platform_without_switches_shows_no_box(client):
    assert 'class="card switch-box"' not in client.get("/platforms/midjourney/").content.decode()


def test_the_partial_filters_by_topic_for_other_pages():
    leonardo = Platform.objects.get(slug="leonardo-ai")
    public = render_to_string(
        "catalog/partials/switches.html", {"platform": leonardo, "topic": "public-by-default"}
    )
    assert "“Private Mode”" in public
    openai = Platform.objects.get(slug="openai")
    assert "switch-box" not in render_to_string(
        "catalog/partials/switches.html", {"platform": openai, "topic": "public-by-default"}
    )


def test_the_wizard_preview_shows_the_switch_beside_the_letter(client):
    box = switch_box(walk_to_preview(client, platform="openai").content.decode())
    assert "“Improve the model for everyone”" in box
    assert "the letter on this page is the route" in box
