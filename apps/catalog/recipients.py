"""Who a privacy request is addressed to: a catalog platform or a company the person names.

Both produce a ``Recipient``, a plain value the request generator (issue 5) writes letters to and
the tracker stores as a snapshot (``as_dict``/``from_dict``), so a later catalog edit never
rewrites a request already sent. A custom recipient never enters the public catalog.

Only contacts documented in a primary or secondary source are used; addresses seen only on
ConductAtlas or elsewhere unverified are carried separately in ``unverified_emails`` so a page
can show them as leads to check, never as the address a letter goes to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from typing import Any

from apps.core.places import EEA_STATES, EU_MEMBER_STATES

from .models import Channel, LegalEntity, Platform
from .vocabulary import RIGHTS

NORTH_AMERICA = frozenset({"US", "CA", "MX"})


@dataclass(frozen=True)
class Recipient:
    name: str  # the platform or company as people know it
    legal_entity: str = ""  # the company that answers for the data
    email: str = ""
    dpo_email: str = ""
    postal_address: str = ""
    web_form_url: str = ""
    in_app_path: str = ""
    country: str = ""  # ISO 3166 alpha-2 of the legal entity, when known
    lead_authority: str = ""
    lead_authority_country: str = ""
    platform_slug: str = ""  # empty for a custom recipient
    unverified_emails: tuple[str, ...] = ()
    note: str = ""  # e.g. why no contact is documented

    @property
    def is_custom(self) -> bool:
        return not self.platform_slug

    @property
    def can_be_written_to(self) -> bool:
        """An email or a postal address a letter can be sent to."""
        return bool(self.email or self.postal_address)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["unverified_emails"] = list(self.unverified_emails)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Recipient:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["unverified_emails"] = tuple(values.get("unverified_emails", ()))
        return cls(**values)


def _serves(region: str, country: str) -> bool:
    if region == country:
        return True
    if region == "EU":
        return country in EU_MEMBER_STATES
    if region == "EEA":
        return country in EEA_STATES
    if region == "NORTH_AMERICA":
        return country in NORTH_AMERICA
    return False


def entity_for_country(entities: Iterable[LegalEntity], country: str = "") -> LegalEntity | None:
    """The legal entity that serves people in ``country``: a named match first, then the one for
    "everywhere else" or "everywhere"; without a country, the one for everywhere or the first."""
    entities = list(entities)
    country = country.upper()
    if country:
        for entity in entities:
            if any(_serves(region, country) for region in entity.applies_to):
                return entity
        for entity in entities:
            if {"REST_OF_WORLD", "ALL"} & set(entity.applies_to):
                return entity
        return None
    for entity in entities:
        if "ALL" in entity.applies_to:
            return entity
    return entities[0] if entities else None


def _first(channels: list[Channel], kinds: tuple[str, ...], want: str) -> str:
    """The channel of these kinds best suited to ``want``: one named for that right (the most
    specific first), else one for any request; without ``want``, the first listed."""
    for kind in kinds:
        suited = [
            c for c in channels if c.kind == kind and (not want or not c.rights or want in c.rights)
        ]
        if want:
            suited.sort(key=lambda c: (want not in c.rights, len(c.rights) or len(RIGHTS) + 1))
        if suited:
            return suited[0].value
    return ""


def recipient_for_platform(platform: Platform, *, country: str = "", want: str = "") -> Recipient:
    """The recipient for a request of kind ``want`` from a person living in ``country``."""
    channels = list(platform.channels.all())
    documented = [c for c in channels if c.is_documented]
    entity = entity_for_country(platform.legal_entities.all(), country)
    postal = _first(documented, ("postal",), want)
    if not postal and entity and entity.address:
        postal = f"{entity.name}\n{entity.address}"
    return Recipient(
        name=platform.name,
        legal_entity=entity.name if entity else "",
        email=_first(documented, ("privacy-email", "support-email"), want),
        dpo_email=_first(documented, ("dpo-email",), ""),
        postal_address=postal,
        web_form_url=_first(documented, ("web-form",), want),
        in_app_path=_first(documented, ("in-app",), want),
        country=entity.country if entity else "",
        lead_authority=platform.lead_authority_name,
        lead_authority_country=platform.lead_authority_country,
        platform_slug=platform.slug,
        unverified_emails=tuple(c.value for c in channels if c.is_email and not c.is_documented),
        note=platform.channels_not_documented,
    )


def custom_recipient(
    *,
    name: str,
    email: str = "",
    postal_address: str = "",
    legal_entity: str = "",
    web_form_url: str = "",
    country: str = "",
) -> Recipient:
    """A company that is not in the catalog, as the person described it."""
    return Recipient(
        name=name,
        legal_entity=legal_entity or name,
        email=email,
        postal_address=postal_address,
        web_form_url=web_form_url,
        country=country,
    )


def route_line(recipient: Recipient) -> str:
    """One sentence saying up front how a letter to this recipient is sent (platform pages)."""
    if recipient.email:
        return f"Write to {recipient.email}."
    if recipient.web_form_url:
        return "Use their web form: no email address is documented."
    if recipient.in_app_path:
        return "Use the setting in their app: no email address is documented."
    if recipient.postal_address:
        return "Send it by post: no email address is documented."
    return "No address documented: you'll add one you found."
