"""Letters and saved requests for tests: one sensible default, every part overridable."""

from __future__ import annotations

from datetime import date
from typing import Any

from apps.catalog.recipients import Recipient
from apps.deadlines import applicable_regimes
from apps.letters import Letter, PolicyQuote, Requester, compose_request

TODAY = date(2026, 1, 31)

OPENAI_IE = Recipient(
    name="ChatGPT",
    legal_entity="OpenAI Ireland Limited",
    email="dsar@openai.com",
    postal_address=(
        "OpenAI Ireland Limited\n1st Floor, The Liffey Trust Centre, 117-126 Sheriff Street "
        "Upper, Dublin 1, D01 YC43, Ireland"
    ),
    country="IE",
    platform_slug="openai",
)
OPT_OUT_QUOTE = PolicyQuote(
    topic="opt-out",
    text=(
        "Opt out. If you do not want us to use your Content to train our models, you have the "
        "option to opt out by updating your account settings."
    ),
    source_title="OpenAI EU Terms of Use",
    source_url="https://openai.com/policies/eu-terms-of-use/",
)


def requester(**overrides: Any) -> Requester:
    values = {
        "full_name": "Jane Doe",
        "account_email": "jane@example.org",
        "username": "janed",
        "postal_address": "12 Harbour Road\nDublin 4\nIreland",
        "country": "IE",
        "region": "",
        "correction": "",
    }
    values.update(overrides)
    return Requester(**values)


def letter(
    *,
    rights: tuple[str, ...] = ("object",),
    country: str = "IE",
    region: str = "",
    recipient: Recipient = OPENAI_IE,
    today: date = TODAY,
    quotes: tuple[PolicyQuote, ...] = (OPT_OUT_QUOTE,),
    regimes: tuple[str, ...] | None = None,
    company_country: str | None = None,
    **person: Any,
) -> Letter:
    company = company_country if company_country is not None else (recipient.country or None)
    if regimes is None:
        regimes = applicable_regimes(country, region, company)
    return compose_request(
        recipient=recipient,
        rights=rights,
        regimes=regimes,
        requester=requester(country=country, region=region, **person),
        today=today,
        company_country=company,
        quotes=quotes,
    )


def saved_request(user: Any, **letter_args: Any) -> Any:
    from apps.tracker.services import privacy_request_create

    made = letter(**letter_args)
    return privacy_request_create(owner=user, letter=made, company_country=made.recipient.country)
