"""Writes to the tracker: keyword-only functions; views parse, call and render."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from django.db import transaction

from apps.catalog.models import Platform
from apps.deadlines import get_regime
from apps.letters import Letter, RequestPlan, body_sha256, plan_request
from apps.letters.content import Requester, stored_letter

from .models import PrivacyRequest

logger = logging.getLogger(__name__)


def privacy_request_create(
    *,
    owner: Any,
    letter: Letter,
    platform: Platform | None = None,
    company_country: str = "",
) -> PrivacyRequest:
    """Save a request letter to ``owner``'s tracker, exactly as written (a draft until sent).

    ``letter``: from :func:`apps.letters.compose_request`; its plan names the regime whose
    deadline applies. ``company_country``: the legal entity's country (GDPR holiday calendar).
    """
    plan: RequestPlan = letter.extra["plan"]
    for code in plan.regimes:
        get_regime(code)  # an unknown regime is a programming error: fail before saving
    with transaction.atomic():
        request = PrivacyRequest.objects.create(
            owner=owner,
            platform=platform,
            recipient=letter.recipient.as_dict(),
            rights=list(letter.rights),
            regime=plan.regime,
            regimes=list(plan.regimes),
            country=letter.requester.country,
            region=letter.requester.region,
            company_country=company_country or "",
            identifiers=letter.requester.identifiers(),
            reference=letter.reference,
            subject=letter.subject,
            body=letter.body,
            body_sha256=body_sha256(letter.body),
            dated_on=letter.dated,
        )
    logger.info("saved privacy request %s", request.code)
    return request


def letter_of(request: PrivacyRequest) -> Letter:
    """The saved letter, for every output (text, mailto, .eml, PDF): its exact stored text."""
    return stored_letter(
        kind="request",
        subject=request.subject,
        body=request.body,
        reference=request.reference,
        dated=request.dated_on,
        recipient=request.recipient_value,
        requester=Requester.from_identifiers(
            request.identifiers, country=request.country, region=request.region
        ),
    )


def plan_of(request: PrivacyRequest, received_on: date) -> RequestPlan:
    """The grounds and deadlines of the saved request, were the company to receive it on
    ``received_on`` (recomputed from the stored inputs, never stored)."""
    return plan_request(
        request.rights,
        request.regimes,
        received_on,
        country=request.country,
        region=request.region,
        company_country=request.company_country or None,
    )
