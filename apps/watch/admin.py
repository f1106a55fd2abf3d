"""The policy watch for catalog admins: the review queue, fetch failures, every document's status.

- **Changes to review**: changes whose platform's provisions nobody has checked against the new
  text yet, with the provisions that cite the document and the diff; "Mark reviewed".
- **Fetch failures**: every check that could not read its document, with the error.
- **Watched documents**: each watched document's latest check, version and change; "Check now".
- **Versions** and **checks**: the full record, read-only. **Policy alerts**: the email queue.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode

from apps.notifications.admin import NotificationAdminMixin

from .diffing import excerpt, word_diff
from .models import ChangeToReview, Check, FetchFailure, PolicyAlert, Snapshot, WatchedDocument
from .services import mark_reviewed


class TitledMixin:
    """A changelist titled for what it is, not Django's "Select … to change"."""

    list_title = ""

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None) -> Any:
        context = {"title": self.list_title, **(extra_context or {})} if self.list_title else None
        return super().changelist_view(request, extra_context=context)  # type: ignore[misc]


class ReadOnlyMixin:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.display(description="platform", ordering="document__platform__name")
def platform_of_document(obj: Snapshot | Check) -> str:
    return obj.document.platform.name


def _public_link(snapshot: Snapshot, text: str) -> str:
    return format_html('<a href="{}">{}</a>', snapshot.diff_url(), text)


@admin.register(ChangeToReview)
class ChangeToReviewAdmin(TitledMixin, admin.ModelAdmin):
    list_title = "Changes to review: check the provisions that cite each changed document"
    list_display = (
        "document_title",
        platform_of_document,
        "number",
        "fetched_at",
        "words_changed",
        "provisions_citing",
        "diff_link",
    )
    list_filter = ("document__platform",)
    list_select_related = ("document__platform",)
    ordering = ("fetched_at", "pk")
    actions = ("mark_reviewed",)
    fields = (
        "document",
        "number",
        "fetched_at",
        "words_changed",
        "sha256",
        "final_url",
        "provisions_citing",
        "diff_link",
        "what_changed",
    )
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .filter(kind=Snapshot.Kind.CHANGE, reviewed_at__isnull=True)
            .defer("text")
            .annotate(citing=Count("document__provisions", distinct=True))
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="document", ordering="document__title")
    def document_title(self, obj: Snapshot) -> str:
        return obj.document.title

    @admin.display(description="words")
    def words_changed(self, obj: Snapshot) -> str:
        return f"+{obj.words_added} −{obj.words_removed}"

    @admin.display(description="provisions citing it")
    def provisions_citing(self, obj: Snapshot) -> str:
        count = getattr(obj, "citing", None)
        if count is None:
            count = obj.document.provisions.count()
        if not count:
            return "none"
        url = (
            reverse("admin:catalog_provision_changelist")
            + "?"
            + urlencode({"source__id__exact": obj.document_id})
        )
        return format_html('<a href="{}">{} to check</a>', url, count)

    @admin.display(description="diff")
    def diff_link(self, obj: Snapshot) -> str:
        return _public_link(obj, "What changed")

    @admin.display(description="what changed (first paragraphs)")
    def what_changed(self, obj: Snapshot) -> str:
        previous = Snapshot.objects.filter(document=obj.document, number=obj.number - 1).first()
        if previous is None:
            return "-"
        current = Snapshot.objects.get(pk=obj.pk)  # the queue's rows leave the text out
        paragraphs = excerpt(word_diff(previous.text, current.text), paragraphs=5)
        tags = {"insert": "ins", "delete": "del", "equal": "span"}
        return format_html_join(
            "",
            "<p>{}</p>",
            (
                (
                    format_html_join(
                        " ",
                        "<{}>{}</{}>",
                        ((tags[s.op], s.text, tags[s.op]) for s in paragraph.segments),
                    ),
                )
                for paragraph in paragraphs
            ),
        )

    @admin.action(description="Mark reviewed (the provisions match the new text)")
    def mark_reviewed(self, request: HttpRequest, queryset: QuerySet) -> None:
        selected = list(queryset)
        marked = mark_reviewed(snapshots=selected)
        earlier = marked - len(selected)
        note = f", with {earlier} earlier change(s) of the same documents" if earlier > 0 else ""
        self.message_user(
            request, f"{len(selected)} change(s) marked reviewed{note}.", messages.SUCCESS
        )


@admin.register(FetchFailure)
class FetchFailureAdmin(TitledMixin, ReadOnlyMixin, admin.ModelAdmin):
    list_title = "Fetch failures: checks that could not read their document"
    list_display = (
        "checked_at",
        platform_of_document,
        "document",
        "outcome",
        "http_status",
        "error",
    )
    list_filter = ("outcome", "document__platform")
    list_select_related = ("document__platform",)
    search_fields = ("document__title", "document__platform__name", "error", "url")
    date_hierarchy = "checked_at"
    readonly_fields = (
        "document",
        "checked_at",
        "outcome",
        "http_status",
        "error",
        "url",
        "final_url",
        "seconds",
    )
    fields = readonly_fields

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).exclude(outcome__in=Check.SUCCESSES)


@admin.register(Check)
class CheckAdmin(FetchFailureAdmin):
    list_title = "Every check of every watched document"
    list_display = (
        "checked_at",
        platform_of_document,
        "document",
        "outcome",
        "http_status",
        "seconds",
    )
    readonly_fields = (*FetchFailureAdmin.readonly_fields, "snapshot")
    fields = readonly_fields

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return admin.ModelAdmin.get_queryset(self, request)


@admin.register(Snapshot)
class SnapshotAdmin(TitledMixin, ReadOnlyMixin, admin.ModelAdmin):
    list_title = "Every version of every watched document"
    list_display = (
        "document",
        platform_of_document,
        "number",
        "kind",
        "fetched_at",
        "last_seen_at",
        "words",
        "short_hash",
        "reviewed_at",
    )
    list_filter = ("kind", "document__platform")
    list_select_related = ("document__platform",)
    search_fields = ("document__title", "document__platform__name", "sha256")
    exclude = ("text",)
    readonly_fields = (
        "document",
        "number",
        "kind",
        "fetched_at",
        "last_seen_at",
        "words",
        "words_added",
        "words_removed",
        "sha256",
        "source_url",
        "final_url",
        "css_selector",
        "extractor_version",
        "etag",
        "last_modified",
        "reviewed_at",
        "diff_link",
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).defer("text")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # versions are numbered in sequence; a gap would break the history

    @admin.display(description="SHA-256")
    def short_hash(self, obj: Snapshot) -> str:
        return obj.sha256[:12] + "…"

    @admin.display(description="public page")
    def diff_link(self, obj: Snapshot) -> str:
        return _public_link(obj, "Versions and changes")


class WatchStatusFilter(admin.SimpleListFilter):
    title = "latest check"
    parameter_name = "status"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("failing", "Failing"), ("ok", "Read"), ("never", "Never checked")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "failing":
            return queryset.exclude(last_outcome__in=Check.SUCCESSES).exclude(
                last_outcome__isnull=True
            )
        if self.value() == "ok":
            return queryset.filter(last_outcome__in=Check.SUCCESSES)
        if self.value() == "never":
            return queryset.filter(last_outcome__isnull=True)
        return queryset


@admin.register(WatchedDocument)
class WatchedDocumentAdmin(TitledMixin, ReadOnlyMixin, admin.ModelAdmin):
    list_title = "Watched documents and their latest check"
    list_display = (
        "title",
        "platform",
        "last_checked",
        "latest_outcome",
        "latest_version",
        "last_change",
        "history_link",
    )
    list_filter = (WatchStatusFilter, "platform")
    list_select_related = ("platform",)
    search_fields = ("title", "url", "platform__name")
    ordering = ("platform__name", "position")
    actions = ("check_now",)
    fields = ("platform", "key", "title", "kind", "url", "css_selector", "watch", "history_link")
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        last_check = Check.objects.filter(document=OuterRef("pk")).order_by("-checked_at", "-pk")
        return (
            super()
            .get_queryset(request)
            .filter(watch=True)
            .annotate(
                last_checked_at=Max("checks__checked_at"),
                last_outcome=Subquery(last_check.values("outcome")[:1]),
                last_error=Subquery(last_check.values("error")[:1]),
                version=Max("snapshots__number"),
                changed_at=Max(
                    "snapshots__fetched_at", filter=Q(snapshots__kind=Snapshot.Kind.CHANGE)
                ),
            )
        )

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # documents belong to the catalog files

    @admin.display(description="last checked", ordering="last_checked_at")
    def last_checked(self, obj: Any) -> Any:
        return obj.last_checked_at

    @admin.display(description="outcome")
    def latest_outcome(self, obj: Any) -> str:
        if obj.last_outcome is None:
            return "never checked"
        label = Check.Outcome(obj.last_outcome).label
        if obj.last_outcome in Check.SUCCESSES:
            return label
        return format_html("<strong>{}</strong>: {}", label, obj.last_error)

    @admin.display(description="version", ordering="version")
    def latest_version(self, obj: Any) -> Any:
        return obj.version

    @admin.display(description="last change", ordering="changed_at")
    def last_change(self, obj: Any) -> Any:
        return obj.changed_at

    @admin.display(description="public page")
    def history_link(self, obj: Any) -> str:
        url = reverse("watch:document", kwargs={"slug": obj.platform.slug, "key": obj.key})
        return format_html('<a href="{}">Versions and changes</a>', url)

    @admin.action(description="Check the selected documents now (in the background)")
    def check_now(self, request: HttpRequest, queryset: QuerySet) -> None:
        from django_q.tasks import async_task

        ids = list(queryset.values_list("pk", flat=True))
        async_task("apps.watch.tasks.check_documents", ids)
        self.message_user(
            request,
            f"{len(ids)} document(s) will be checked by the task worker; reload in a minute.",
            messages.SUCCESS,
        )


@admin.register(PolicyAlert)
class PolicyAlertAdmin(NotificationAdminMixin, admin.ModelAdmin):
    list_select_related = ("snapshot__document__platform",)
    fields = ("snapshot", *NotificationAdminMixin.readonly_fields)
    readonly_fields = ("snapshot", *NotificationAdminMixin.readonly_fields)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
