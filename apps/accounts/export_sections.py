"""The accounts app's sections of the data export: account, email addresses, profile and
two-factor status. Registered in ``AccountsConfig.ready()``; never any secret."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress, EmailConfirmation
from allauth.mfa.models import Authenticator
from django.contrib.admin.models import LogEntry

from apps.core.places import country_name, region_name

from .exports import (
    ExportSection,
    export_row,
    export_rows,
    register_exporter,
    register_not_exported,
)
from .models import Profile, User


def account_section(user: User) -> ExportSection:
    groups = User.groups.through.objects.filter(user=user).select_related("group")
    permissions = User.user_permissions.through.objects.filter(user=user).select_related(
        "permission"
    )
    return ExportSection(
        data={
            **export_row(user),
            "group_memberships": [export_row(m, group_name=m.group.name) for m in groups],
            "permission_grants": [
                export_row(p, permission_name=p.permission.name) for p in permissions
            ],
        }
    )


def email_addresses_section(user: User) -> ExportSection:
    return ExportSection(data=export_rows(EmailAddress.objects.filter(user=user).order_by("pk")))


def profile_section(user: User) -> ExportSection:
    profile = Profile.objects.filter(user=user).first()
    if profile is None:
        return ExportSection(data={})
    return ExportSection(
        data=export_row(
            profile,
            country_name=country_name(profile.country) if profile.country else "",
            region_name=region_name(profile.country, profile.region) if profile.region else "",
            date_format_example=profile.get_date_format_display(),
        )
    )


def two_factor_section(user: User) -> ExportSection:
    authenticators = Authenticator.objects.filter(user=user).order_by("pk")
    rows: list[dict[str, Any]] = []
    for authenticator in authenticators:
        extra: dict[str, Any] = {"kind": authenticator.get_type_display()}
        if authenticator.type == Authenticator.Type.RECOVERY_CODES:
            extra["unused_recovery_codes"] = len(authenticator.wrap().get_unused_codes())
        rows.append(export_row(authenticator, **extra))
    return ExportSection(
        data={
            "enabled": any(a.type != Authenticator.Type.RECOVERY_CODES for a in authenticators),
            "authenticators": rows,
        }
    )


def register() -> None:
    register_exporter(
        "account",
        account_section,
        models=[User, User.groups.through, User.user_permissions.through],
    )
    register_exporter("email_addresses", email_addresses_section, models=[EmailAddress])
    register_exporter("profile", profile_section, models=[Profile])
    register_exporter("two_factor", two_factor_section, models=[Authenticator])
    register_not_exported(
        EmailConfirmation,
        "one-time email confirmation keys (secrets); this site confirms addresses with signed "
        "links, so none are normally stored",
    )
    register_not_exported(
        LogEntry,
        "the admin's record of changes a staff member made to other people's records; it is "
        "deleted with the account",
    )
