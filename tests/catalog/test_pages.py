"""Catalog pages, without JavaScript: the list with its filters, a platform, the comparisons."""

from __future__ import annotations

import html
import re

import pytest

from apps.catalog.files import catalog_paths
from apps.catalog.links import request_start_url
from apps.catalog.models import Platform

from .conftest import CATALOG_DIR

pytestmark = pytest.mark.usefixtures("real_catalog")

# Every catalog file is one platform; the count follows the files, not a number typed here.
CATALOG_SIZE = len(catalog_paths(CATALOG_DIR))


def names_on(response) -> list[str]:
    page = response.content.decode()
    return [
        html.unescape(n)
        for n in re.findall(r'<h2><a href="/platforms/[^"]+/">([^<]+)</a></h2>', page)
    ]


def test_the_catalog_lists_every_platform_with_its_key_verdicts(client):
    response = client.get("/platforms/")
    assert response.status_code == 200
    names = names_on(response)
    assert len(names) == CATALOG_SIZE
    assert names == sorted(names, key=str.lower)
    page = response.content.decode()
    assert f"All {CATALOG_SIZE} platforms." in page
    assert "Trains on your prompts" in page
    assert "Opt-out" in page
    assert "Private option" in page
    assert 'href="/catalog.json"' in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=midj", ["Midjourney"]),
        ("q=CLAUDE", ["Anthropic"]),  # the products are searched too
        (
            "category=code",
            [
                "Cursor",
                "DeepSeek",
                "GitHub Copilot",
                "Hugging Face",
                "Lovable",
                "Mistral Le Chat",
                "Replit",
                "Stack Overflow",
                "Supabase",
                "Windsurf",
            ],
        ),
        ("trains=no", ["ClickUp", "Notion"]),
        (
            "opt_out=on&category=image",
            [
                "Adobe Firefly",
                "Canva",
                "DeviantArt",
                "Google Gemini",
                "Grok (xAI)",
                "Leonardo.Ai",
                "Meta AI",
                "Microsoft Copilot",
                "OpenAI",
                "Pinterest",
                "Qwen Chat",
                "Shutterstock",
            ],
        ),
        (
            "private=on&category=image",
            [
                "Canva",
                "Civitai",
                "Grok (xAI)",
                "Ideogram",
                "Leonardo.Ai",
                "Meta AI",
                "Midjourney",
                "NightCafe",
                "Pinterest",
                "Playground AI",
            ],
        ),
        (
            "trains=yes&opt_out=on&category=text",
            [
                "AI21 Labs",
                "Anthropic",
                "Character.AI",
                "DeepSeek",
                "Google Gemini",
                "Grammarly",
                "Grok (xAI)",
                "LinkedIn",
                "Meta AI",
                "Microsoft Copilot",
                "Mistral Le Chat",
                "OpenAI",
                "Perplexity",
                "Qwen Chat",
            ],
        ),
    ],
)
def test_filters_narrow_the_catalog(client, query, expected):
    assert names_on(client.get(f"/platforms/?{query}")) == expected


def test_trains_on_your_data_splits_the_catalog_in_three(client):
    groups = {
        answer: set(names_on(client.get(f"/platforms/?trains={answer}")))
        for answer in ("yes", "no", "unknown")
    }
    assert not (groups["yes"] & groups["no"])
    assert not (groups["yes"] & groups["unknown"])
    assert len(groups["yes"] | groups["no"] | groups["unknown"]) == CATALOG_SIZE
    assert {"OpenAI", "Anthropic", "Stability AI", "Microsoft Copilot"} <= groups["yes"]
    assert {"Clipdrop", "Adobe Firefly", "Midjourney"} <= groups["unknown"]


def test_each_filter_option_shows_how_many_platforms_it_would_show(client):
    page = client.get("/platforms/?category=image").content.decode()
    opt_out_count = len(names_on(client.get("/platforms/?category=image&opt_out=on")))
    assert f"Opt-out offered ({opt_out_count})" in page
    # A category count keeps the other filters but not the category itself.
    assert re.search(r'<option value="code">Code \(10\)</option>', page)
    image = len(names_on(client.get("/platforms/?category=image")))
    assert f"Showing {image} of {CATALOG_SIZE} platforms." in page


def test_the_filter_form_keeps_what_was_chosen_and_ignores_nonsense(client):
    page = client.get("/platforms/?q=mid&category=image&opt_out=on").content.decode()
    assert 'value="mid"' in page
    assert re.search(r'<option value="image" selected>', page)
    assert re.search(r'<input type="checkbox" name="opt_out"[^>]* checked', page)
    nonsense = client.get("/platforms/?category=astrology&q=midj")
    assert nonsense.status_code == 200
    assert names_on(nonsense) == ["Midjourney"]
    assert "Some filters were not understood" in nonsense.content.decode()


def test_no_match_says_so_and_offers_a_company_of_your_own(client):
    page = client.get("/platforms/?q=nothing-like-this").content.decode()
    assert "No platform matches these filters" in page
    assert html.escape(request_start_url(want="object", custom=True)) in page


def test_a_platform_page_answers_topic_by_topic_with_evidence(client):
    response = client.get("/platforms/midjourney/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Midjourney: what happens to your prompts and images</h1>" in page
    for topic in (
        "topic-training-inputs",
        "topic-public-by-default",
        "topic-opt-out",
        "topic-deletion",
        "topic-content-licence",
    ):
        assert f'id="{topic}"' in page
    # The quote is in an expandable <details>, with its source, date and grade beside it.
    assert '<details class="quote">' in page
    assert "Midjourney is an open-by-default community." in page
    assert (
        'href="https://help.midjourney.com/en/articles/9651731-how-do-i-keep-my-images-private"'
        in page
    )
    assert "last updated 2 October 2023" in page
    assert "read August 2026" in page
    # A secondary-only fact says so plainly.
    assert "How a third party quotes it (not confirmed)" in page
    assert "This comes from a secondary source" in page


def test_a_conductatlas_quote_is_never_shown_as_the_platforms_own_words(client):
    page = html.unescape(client.get("/platforms/stability-ai/").content.decode())
    assert "What ConductAtlas says the policy says (not confirmed)" in page
    assert "This wording comes from ConductAtlas" in page
    assert "may not be the platform's own words" in page


def test_the_buttons_start_the_right_requests(client):
    page = client.get("/platforms/openai/").content.decode()
    for want, label in (
        ("object", "Stop training on my data"),
        ("delete", "Delete my data"),
        ("access", "Ask what they hold about me"),
    ):
        href = html.escape(request_start_url(platform="openai", want=want))
        assert f'href="{href}">{label}</a>' in page
    assert (
        request_start_url(platform="openai", want="object")
        == "/request/new/?platform=openai&want=object"
    )


def test_how_to_opt_out_lists_the_setting_the_form_and_the_address(client):
    page = client.get("/platforms/openai/").content.decode()
    section = page.split('id="opt-out-how"')[1].split("</section>")[0]
    assert "Improve the model for everyone" in section
    assert "https://privacy.openai.com/policies?modal=take-control" in section
    assert "dsar@openai.com" in section


def test_a_platform_without_a_documented_contact_says_so_and_offers_your_own(client):
    page = client.get("/platforms/clipdrop/").content.decode()
    assert "No documented contact was found" in page
    assert "we will not guess an address" in page
    assert html.escape(request_start_url(platform="clipdrop", want="object", custom=True)) in page
    assert page.count("Not documented") >= 9


def test_unverified_addresses_are_shown_only_as_leads_to_check(client):
    page = client.get("/platforms/ideogram/").content.decode()
    leads = page.split("Unconfirmed leads, check before using.")[1]
    assert "privacy@ideogram.ai" in leads
    assert "privacy@ideogram.ai" not in page.split('id="contacts"')[1].split("Unconfirmed leads")[0]


def test_plans_show_prices_as_given_with_their_grade(client):
    page = client.get("/platforms/midjourney/").content.decode()
    plans = page.split('id="plans"')[1].split("</section>")[0]
    assert "$60/mo" in plans
    assert "Secondary source" in plans
    ideogram = client.get("/platforms/ideogram/").content.decode().split('id="plans"')[1]
    assert "$20/mo, or $16/mo billed annually" in ideogram


def test_the_lead_authority_and_the_entity_for_each_region_are_shown(client):
    page = client.get("/platforms/openai/").content.decode()
    assert "OpenAI Ireland Limited" in page
    assert "OpenAI OpCo, LLC" in page
    assert "for people in the European Economic Area and Switzerland" in page
    assert "Data Protection Commission (DPC)" in page


def test_an_unknown_platform_is_a_404(client):
    assert client.get("/platforms/no-such-platform/").status_code == 404
    assert client.get("/platforms/no-such-platform.json").status_code == 404


def test_the_comparison_puts_every_platform_side_by_side(client):
    response = client.get("/compare/training-inputs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "How platforms handle training on your prompts and uploads" in page
    rows = re.findall(
        r'<th scope="row"[^>]*><a href="/platforms/([^/]+)/#topic-training-inputs">', page
    )
    assert len(rows) == CATALOG_SIZE
    # good first, the surest first: three primary "no"s, then Quora's (read in a translation)
    assert rows[:4] == ["clickup", "deviantart", "zoom", "quora"]
    by_name = client.get("/compare/training-inputs/?order=name").content.decode()
    rows = re.findall(
        r'<th scope="row"[^>]*><a href="/platforms/([^/]+)/#topic-training-inputs">', by_name
    )
    assert rows[0] == "adobe-firefly"
    assert rows[-1] == "zoom"


def test_a_topic_only_some_platforms_answer_shows_no_entry_for_the_others(client):
    page = client.get("/compare/content-licence/").content.decode()
    assert "The catalog has nothing on this topic for Clipdrop." in page


def test_the_comparison_index_is_a_matrix_of_every_platform_and_topic(client):
    page = client.get("/compare/").content.decode()
    assert page.count('<th scope="row">') == CATALOG_SIZE
    assert 'href="/compare/opt-out/"' in page
    assert client.get("/compare/astrology/").status_code == 404


def test_catalog_pages_are_linked_from_every_page(client):
    page = client.get("/").content.decode()
    assert 'href="/platforms/"' in page
    assert 'href="/compare/"' in page
    assert ">Catalog data (JSON)</a>" in page
    assert "Find your AI platform" in page


@pytest.mark.parametrize(
    "url", ["/platforms/", "/platforms/openai/", "/compare/", "/compare/opt-out/"]
)
def test_catalog_pages_have_no_inline_style_or_script(client, url):
    page = client.get(url).content.decode()
    assert "style=" not in page
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)


def test_catalog_text_is_escaped(client):
    Platform.objects.filter(slug="openai").update(summary="<script>alert('x')</script> & more")
    page = client.get("/platforms/openai/").content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in page


def test_the_privacy_policy_and_terms_are_linked_or_said_to_be_not_documented(client):
    page = client.get("/platforms/openai/").content.decode()
    links = page.split('class="facts policy-links"')[1].split("</dl>")[0]
    assert 'href="https://openai.com/policies/eu-privacy-policy/"' in links
    assert "(updated 4 June 2026)" in links
    assert 'href="https://openai.com/policies/eu-terms-of-use/"' in links
    clickup = client.get("/platforms/clickup/").content.decode()
    links = clickup.split('class="facts policy-links"')[1].split("</dl>")[0]
    assert '<dt>Privacy policy</dt>\n  <dd><span class="muted">Not documented</span></dd>' in links


def test_weak_evidence_is_flagged_on_entities_plans_and_contacts_too(client):
    page = html.unescape(client.get("/platforms/windsurf/").content.decode())
    who = page.split('id="who"')[1].split("</section>")[0]
    assert "Exafunction, Inc." in who
    assert "This wording comes from ConductAtlas" in who
    plans = page.split('id="plans"')[1].split("</section>")[0]
    assert plans.count("Unconfirmed") == 2
    contacts = page.split('id="contacts"')[1].split("</section>")[0]
    assert "Profile settings → turn on Zero Data Retention" in contacts
    assert "Unconfirmed" in contacts


@pytest.mark.parametrize(
    ("slug", "line"),
    [
        ("openai", "Write to dsar@openai.com."),
        ("adobe-firefly", "Use their web form: no email address is documented."),
        ("windsurf", "Use the setting in their app: no email address is documented."),
        ("midjourney", "Use the setting in their app: no email address is documented."),
        ("ideogram", "Use the setting in their app: no email address is documented."),
        ("deepai", "No address documented: you'll add one you found."),
        ("clipdrop", "No address documented: you'll add one you found."),
    ],
    ids=[
        "email",
        "web-form",
        "in-app",
        "in-app-for-deletion",
        "unconfirmed-email",
        "none",
        "none-at-all",
    ],
)
def test_a_platform_page_says_up_front_how_the_letter_goes(client, real_catalog, slug, line):
    page = client.get(f"/platforms/{slug}/").content.decode()
    aside = page.split('aria-labelledby="act-heading"', 1)[1].split("</aside>", 1)[0]
    assert line in html.unescape(aside)
    assert "privacy@ideogram.ai" not in aside  # an unconfirmed address is never the route
