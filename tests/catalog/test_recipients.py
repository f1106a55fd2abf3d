"""Recipients: a catalog platform or a company the person names, as one plain value."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from apps.catalog.forms import CustomRecipientForm
from apps.catalog.links import request_start_url
from apps.catalog.models import Platform
from apps.catalog.recipients import Recipient, entity_for_country, recipient_for_platform
from apps.core.places import country_choices

pytestmark = pytest.mark.usefixtures("real_catalog")

COUNTRIES = [code for code, _name in country_choices()]


def platform(slug: str) -> Platform:
    return Platform.objects.prefetch_related("channels", "legal_entities").get(slug=slug)


@pytest.mark.parametrize(
    ("slug", "country", "entity"),
    [
        ("openai", "IE", "OpenAI Ireland Limited"),
        ("openai", "NO", "OpenAI Ireland Limited"),  # EEA
        ("openai", "CH", "OpenAI Ireland Limited"),
        ("openai", "GB", "OpenAI OpCo, LLC"),  # "anywhere else"
        ("openai", "US", "OpenAI OpCo, LLC"),
        ("anthropic", "GB", "Anthropic Ireland, Limited"),
        ("stability-ai", "FR", "Stability AI Ltd"),
        ("stability-ai", "NO", "Stability AI US Services Corporation"),  # the terms say UK, EU, CH
        ("adobe-firefly", "CA", "Adobe Inc."),
        ("adobe-firefly", "JP", "Adobe KK"),
        ("adobe-firefly", "DE", "Adobe Systems Software Ireland Limited"),
        ("meta-ai", "FR", "Meta Platforms Ireland Limited"),
        ("meta-ai", "US", ""),  # the reference names no entity outside the EU
        ("clipdrop", "FR", ""),
    ],
)
def test_the_legal_entity_depends_on_where_the_person_lives(slug, country, entity):
    assert recipient_for_platform(platform(slug), country=country).legal_entity == entity


def test_a_request_goes_to_the_address_the_platform_names_for_it():
    openai = platform("openai")
    access = recipient_for_platform(openai, country="IE", want="access")
    assert access.email == "dsar@openai.com"
    assert access.dpo_email == "dpo@openai.com"
    assert access.web_form_url == "https://privacy.openai.com/"
    assert access.postal_address.startswith(
        "OpenAI Ireland Limited\n1st Floor, The Liffey Trust Centre"
    )
    assert access.lead_authority == "Data Protection Commission (DPC)"
    assert access.country == "IE"
    objection = recipient_for_platform(openai, country="IE", want="object")
    assert objection.web_form_url == "https://privacy.openai.com/policies?modal=take-control"
    assert "Improve the model for everyone" in objection.in_app_path


def test_an_address_seen_only_on_conductatlas_is_never_the_recipient():
    ideogram = recipient_for_platform(platform("ideogram"), want="delete")
    assert ideogram.email == ""
    assert ideogram.unverified_emails == ("privacy@ideogram.ai",)
    assert ideogram.in_app_path == "User Menu → Delete Account"
    assert not ideogram.can_be_written_to
    assert "No privacy email or form was found" in ideogram.note


def test_a_platform_with_a_postal_channel_uses_it():
    microsoft = recipient_for_platform(platform("microsoft-copilot"), country="DE")
    assert microsoft.postal_address.startswith(
        "Microsoft Ireland Operations Limited, Attn: Data Protection Officer"
    )
    assert microsoft.web_form_url == "https://go.microsoft.com/fwlink/?linkid=2126612"


def test_a_recipient_survives_a_round_trip_through_a_snapshot():
    recipient = recipient_for_platform(platform("perplexity"), country="FR", want="access")
    snapshot = recipient.as_dict()
    assert snapshot["platform_slug"] == "perplexity"
    assert isinstance(snapshot["unverified_emails"], list)
    assert Recipient.from_dict({**snapshot, "a_field_from_the_future": 1}) == recipient


@settings(max_examples=60, deadline=None)
@given(
    country=st.sampled_from(COUNTRIES),
    slug=st.sampled_from(
        [
            "openai",
            "anthropic",
            "stability-ai",
            "adobe-firefly",
            "google-gemini",
            "microsoft-copilot",
        ]
    ),
)
def test_every_country_gets_an_entity_that_serves_it(country, slug):
    entities = list(Platform.objects.get(slug=slug).legal_entities.all())
    entity = entity_for_country(entities, country)
    assert entity is not None
    named = [e for e in entities if country in e.applies_to]
    if named:
        assert entity in named


def test_a_custom_recipient_needs_a_name_and_somewhere_to_send_it():
    form = CustomRecipientForm({"name": "Tiny Art App"})
    assert not form.is_valid()
    assert "Give an email address or a postal address" in str(form.errors["email"])

    form = CustomRecipientForm(
        {"name": "Tiny Art App", "email": "privacy@tiny.example", "country": "FR"}
    )
    assert form.is_valid(), form.errors
    recipient = form.to_recipient()
    assert recipient.is_custom
    assert recipient.legal_entity == "Tiny Art App"
    assert recipient.email == "privacy@tiny.example"
    assert recipient.country == "FR"
    assert Platform.objects.filter(name="Tiny Art App").count() == 0  # never enters the catalog


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": "", "email": "a@b.example"}, "name", "Give the company's or the service's name"),
        ({"name": "Evil\nBcc: x@y.example", "email": "a@b.example"}, "name", "one line"),
        (
            {"name": "Tiny", "email": "a@b.example\nBcc: x@y.example"},
            "email",
            "does not look like an email address",
        ),
        ({"name": "Tiny", "email": "not-an-address"}, "email", "does not look like an email"),
        ({"name": "x" * 201, "email": "a@b.example"}, "name", "under 200 characters (it has 201)"),
        ({"name": "Tiny", "postal_address": "x" * 501}, "postal_address", "under 500 characters"),
        (
            {"name": "Tiny", "email": "a@b.example", "web_form_url": "javascript:alert(1)"},
            "web_form_url",
            "does not look like a web address",
        ),
        (
            {"name": "Tiny", "email": "a@b.example", "country": "XX"},
            "country",
            "Choose the company's country from the list",
        ),
    ],
    ids=[
        "no name",
        "newline in name",
        "newline in email",
        "bad email",
        "long name",
        "long address",
        "script url",
        "bad country",
    ],
)
def test_a_custom_recipient_is_refused_when_malformed(data, field, message):
    form = CustomRecipientForm(data)
    assert not form.is_valid()
    assert message in " ".join(form.errors[field])


def test_a_postal_address_keeps_its_lines_but_loses_blank_ones():
    form = CustomRecipientForm(
        {"name": "Tiny", "postal_address": "  Tiny Ltd \r\n\r\n1 High St\r\nDublin  "}
    )
    assert form.is_valid(), form.errors
    assert form.to_recipient().postal_address == "Tiny Ltd\n1 High St\nDublin"


def test_the_request_link_helper_refuses_an_unknown_right():
    assert (
        request_start_url(platform="openai", want="delete")
        == "/request/new/?platform=openai&want=delete"
    )
    assert (
        request_start_url(want="access", custom=True)
        == "/request/new/?want=access&recipient=custom"
    )
    with pytest.raises(ValueError, match="unknown right"):
        request_start_url(platform="openai", want="everything")
