"""Search finds what people type: product names, spellings, former names and close misspellings,
from the names and aliases kept in the catalog files (issue 14, item 10)."""

from __future__ import annotations

import pytest

from apps.catalog.queries import normalise_name, search_platforms

from .test_pages import CATALOG_SIZE, names_on

pytestmark = pytest.mark.usefixtures("real_catalog")


@pytest.mark.parametrize(
    ("typed", "platform"),
    [
        ("chat gpt", "openai"),
        ("chatgpt", "openai"),
        ("ChatGPT", "openai"),
        ("dall-e", "openai"),
        ("dalle", "openai"),
        ("DALL·E", "openai"),
        ("midjurney", "midjourney"),
        ("midj", "midjourney"),
        ("stable diffusion", "stability-ai"),
        ("bard", "google-gemini"),
        ("gemni", "google-gemini"),
        ("claude", "anthropic"),
        ("CLAUDE", "anthropic"),
        ("copilot", "microsoft-copilot"),
        ("ideogramm", "ideogram"),
        ("leonardo ai", "leonardo-ai"),
    ],
)
def test_what_people_type_finds_the_platform_first(typed, platform):
    found = search_platforms(typed)
    assert found, typed
    assert found[0].slug == platform


def test_a_search_says_which_name_matched():
    assert search_platforms("dalle")[0].search_match == "DALL·E"
    assert search_platforms("bard")[0].search_match == "Bard"


def test_nonsense_finds_nothing_and_blank_finds_everything(django_assert_num_queries):
    assert search_platforms("xyzzy plugh") == []
    with django_assert_num_queries(1):
        everything = search_platforms("  ")
    assert len(everything) == CATALOG_SIZE
    assert [p.name for p in everything] == sorted((p.name for p in everything), key=str.lower)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("DALL·E", "dalle"),
        ("dall-e", "dalle"),
        ("Chat GPT", "chatgpt"),
        ("Léonardo.Ai", "leonardoai"),
    ],
)
def test_case_accents_spaces_and_punctuation_do_not_count(text, key):
    assert normalise_name(text) == key


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("chat gpt", ["OpenAI"]), ("stable diffusion", ["Stability AI"]), ("bard", ["Google Gemini"])],
)
def test_the_catalog_list_searches_the_same_way(client, typed, expected):
    assert names_on(client.get("/platforms/", {"q": typed})) == expected


def test_the_wizard_offers_the_same_matches(client):
    page = client.get("/request/new/", follow=True)  # the wizard's first step, at its own URL
    assert page.status_code == 200
    from apps.generator.wizard import platform_choices

    assert [p.slug for p in platform_choices("midjurney")] == ["midjourney"]
    assert [p.slug for p in platform_choices("chat gpt")] == ["openai"]
