"""Curating the catalog: platforms with every row inline, evidence fields in view.

The YAML files under catalog/platforms/ are the source of truth: ``load_catalog`` (run by
``bin/serve`` and the release step) brings the database back in line with them. An edit made
here is carried into the files with the "Download as catalog YAML" action, then committed.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.contrib import admin
from django.db.models import ForeignKey, QuerySet
from django.http import HttpRequest, HttpResponse

from .loader import platform_to_yaml
from .models import (
    Category,
    Channel,
    Document,
    LegalEntity,
    Plan,
    Platform,
    Provision,
    Representative,
)

SOURCE_OF_TRUTH = (
    "The files in catalog/platforms/ are the source of truth: load_catalog overwrites edits "
    "made here. To keep an edit, use the “Download as catalog YAML” action on the platform "
    "list and commit the file."
)


def _object_id(request: HttpRequest) -> int | None:
    """The id of the object the admin page edits, or None on an add page."""
    match = request.resolver_match
    object_id = str(match.kwargs.get("object_id", "")) if match else ""
    return int(object_id) if object_id.isdigit() else None


PROVISION_FIELDS = (
    ("topic", "rank", "position"),
    ("value", "verdict"),
    "reading",
    "quote",
    "note",
    ("source", "grade", "confidence"),
)


class SamePlatformSourceMixin:
    """Offer only the documents of the platform being edited as a row's source."""

    def formfield_for_foreignkey(self, db_field: ForeignKey, request: HttpRequest, **kwargs: Any):
        if db_field.name == "source":
            object_id = _object_id(request)
            kwargs["queryset"] = (
                Document.objects.filter(platform_id=object_id)
                if object_id
                else Document.objects.none()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]


class CategoryInline(admin.TabularInline):
    model = Category
    extra = 0


class DocumentInline(admin.TabularInline):
    model = Document
    extra = 0
    fields = (
        "position",
        "key",
        "kind",
        "title",
        "url",
        "grade",
        "date",
        "date_label",
        "captured",
        "sha256",
        "watch",
    )
    show_change_link = True


class LegalEntityInline(SamePlatformSourceMixin, admin.StackedInline):
    model = LegalEntity
    extra = 0
    fields = (("name", "country"), "address", "applies_to", ("grade", "source"), "note", "position")


class RepresentativeInline(SamePlatformSourceMixin, admin.StackedInline):
    model = Representative
    extra = 0
    fields = (
        ("role", "name"),
        "address",
        ("phone", "email", "url"),
        ("grade", "source"),
        "note",
        "position",
    )


class ChannelInline(SamePlatformSourceMixin, admin.StackedInline):
    model = Channel
    extra = 0
    fields = (
        ("kind", "value"),
        ("url", "purpose"),
        "rights",
        ("grade", "source"),
        "note",
        "position",
    )


class PlanInline(SamePlatformSourceMixin, admin.TabularInline):
    model = Plan
    extra = 0
    fields = (
        "position",
        "name",
        "price",
        "price_grade",
        "private_generation",
        "excluded_from_training",
        "grade",
        "source",
        "note",
    )


class ProvisionInline(SamePlatformSourceMixin, admin.StackedInline):
    model = Provision
    extra = 0
    fields = PROVISION_FIELDS
    show_change_link = True


@admin.action(description="Download as catalog YAML")
def download_yaml(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
) -> HttpResponse:
    platforms = list(queryset)
    if len(platforms) == 1:
        response = HttpResponse(
            platform_to_yaml(platforms[0]), content_type="application/yaml; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{platforms[0].slug}.yaml"'
        return response
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for platform in platforms:
            archive.writestr(f"{platform.slug}.yaml", platform_to_yaml(platform))
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="catalog-platforms.zip"'
    return response


@admin.register(Platform)
class PlatformAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "evidence", "as_of", "lead_authority_name", "updated_at")
    list_filter = ("evidence", "categories__category")
    search_fields = ("name", "slug", "products")
    readonly_fields = ("source_file", "updated_at")
    actions = [download_yaml]
    fieldsets = (
        (
            None,
            {
                "description": SOURCE_OF_TRUTH,
                "fields": ("name", "slug", "products", "website", "summary"),
            },
        ),
        ("Evidence", {"fields": ("evidence", "as_of", "source_file", "updated_at")}),
        ("Parties", {"fields": ("legal_entities_note", "channels_not_documented")}),
        (
            "Lead supervisory authority",
            {
                "fields": (
                    ("lead_authority_name", "lead_authority_country"),
                    "lead_authority_url",
                    ("lead_authority_grade", "lead_authority_source_url"),
                    "lead_authority_note",
                )
            },
        ),
    )
    inlines = [
        CategoryInline,
        DocumentInline,
        LegalEntityInline,
        RepresentativeInline,
        ChannelInline,
        PlanInline,
        ProvisionInline,
    ]


@admin.register(Provision)
class ProvisionAdmin(admin.ModelAdmin):
    list_display = (
        "platform",
        "topic",
        "rank",
        "value",
        "verdict",
        "grade",
        "confidence",
        "source",
    )
    list_filter = ("topic", "value", "verdict", "grade", "confidence")
    search_fields = ("platform__name", "reading", "quote", "note")
    list_select_related = ("platform", "source")
    ordering = ("platform__name", "position")
    fields = ("platform", *PROVISION_FIELDS)

    def formfield_for_foreignkey(self, db_field: ForeignKey, request: HttpRequest, **kwargs: Any):
        if db_field.name == "source":
            object_id = _object_id(request)
            provision = Provision.objects.filter(pk=object_id).first() if object_id else None
            kwargs["queryset"] = (
                Document.objects.filter(platform_id=provision.platform_id)
                if provision
                else Document.objects.select_related("platform")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("title", "platform", "kind", "grade", "date", "captured", "watch")
    list_filter = ("kind", "grade", "watch")
    search_fields = ("title", "url", "platform__name")
    list_select_related = ("platform",)
