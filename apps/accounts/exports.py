"""The data export: everything Rightsdesk holds about a person, as one zip.

Each app contributes sections through a small registry, so a new app plugs into the export
without touching this module. In its ``AppConfig.ready()`` an app calls::

    register_exporter("requests", export_requests, models=[PrivacyRequest, RequestEvent])

where ``export_requests(user) -> ExportSection`` returns JSON-ready ``data`` and optional
``files`` (``{"letter-3f2a.pdf": b"%PDF…"}``), stored in the zip under ``<section>/``.

Rows are written with :func:`export_row`: every stored field under its own name with its stored
value (a foreign key as the related id), except the foreign key to the person themself (always
them) and fields the model lists in ``EXPORT_SECRET_FIELDS`` (credentials such as a feed token,
never information about the person). Readable extras (a platform's name next to its id) are
welcome. Keeping to that form lets the tests compare the export with the database for every
model, including the ones added later. Models that point at the person but are deliberately left
out say why with :func:`register_not_exported`.
"""

from __future__ import annotations

import io
import json
import posixpath
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

EXPORT_FILENAME = "rightsdesk-export.json"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class ExportSection:
    data: dict[str, Any] | list[Any]
    files: dict[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class Exporter:
    name: str
    fn: Callable[[Any], ExportSection]
    models: tuple[type[Model], ...]


_exporters: dict[str, Exporter] = {}
_not_exported: dict[type[Model], str] = {}


def register_exporter(
    name: str, fn: Callable[[Any], ExportSection], *, models: Sequence[type[Model]] = ()
) -> None:
    """Add a section called ``name``. ``models``: whose rows of the person the section carries
    (the tests check each of those rows appears in it). Registering a name twice replaces it,
    so a ``ready()`` that runs again is harmless."""
    if not name or "/" in name or name.startswith("."):
        raise ValueError(f"Export section name {name!r} must be a plain word.")
    _exporters[name] = Exporter(name=name, fn=fn, models=tuple(models))


def register_not_exported(model: type[Model], reason: str) -> None:
    """Declare that ``model``'s rows are deliberately not in the export, and why (shown to
    the person in the export's notes)."""
    _not_exported[model] = reason


def exporters() -> list[Exporter]:
    return list(_exporters.values())


def not_exported() -> Mapping[type[Model], str]:
    return dict(_not_exported)


def secret_fields(model: type[Model]) -> frozenset[str]:
    """Fields never exported: the model's own ``EXPORT_SECRET_FIELDS``, plus the password hash
    of the user model and the secrets of allauth's two-factor authenticators."""
    declared = frozenset(getattr(model, "EXPORT_SECRET_FIELDS", ()))
    return declared | _THIRD_PARTY_SECRETS.get(model._meta.label_lower, frozenset())


_THIRD_PARTY_SECRETS = {
    "accounts.user": frozenset({"password"}),
    "mfa.authenticator": frozenset({"data"}),  # TOTP secret, recovery-code seed
}


def exported_field_names(model: type[Model]) -> list[str]:
    """The fields :func:`export_row` writes for ``model``, in model order."""
    user_model = get_user_model()
    names = []
    for model_field in model._meta.concrete_fields:
        if model_field.is_relation and model_field.related_model is user_model:
            continue
        if model_field.name in secret_fields(model):
            continue
        names.append(model_field.name)
    return names


def export_row(obj: Model, **extra: Any) -> dict[str, Any]:
    """One row in the standard form (see the module docstring), plus readable ``extra`` keys."""
    row: dict[str, Any] = {}
    for name in exported_field_names(obj._meta.model):
        model_field = obj._meta.get_field(name)
        row[name] = getattr(obj, model_field.attname)
    row.update(extra)
    return row


def export_rows(queryset: QuerySet | Iterable[Model]) -> list[dict[str, Any]]:
    return [export_row(obj) for obj in queryset]


def _safe_member(section: str, name: str) -> str:
    """``<section>/<name>``; a name that is absolute or climbs out of the folder is refused."""
    parts = name.split("/")
    if not name or name.startswith("/") or "\\" in name or ".." in parts or "" in parts:
        raise ValueError(f"Unsafe file name {name!r} in export section {section!r}.")
    return posixpath.join(section, name)


def collect(user: Any) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The export document and the files that go with it."""
    sections: dict[str, Any] = {}
    files: dict[str, bytes] = {}
    for exporter in exporters():
        section = exporter.fn(user)
        sections[exporter.name] = section.data
        for name, content in section.files.items():
            files[_safe_member(exporter.name, name)] = content
    document = {
        "format": "rightsdesk-export",
        "version": FORMAT_VERSION,
        "exported_at": timezone.now(),
        "site": settings.SITE_URL,
        "sections": sections,
        "files": sorted(files),
        "left_out": {
            **{
                f"{model._meta.label_lower}.{name}": "a secret credential, not information about you"
                for model in _models_with_secrets()
                for name in sorted(secret_fields(model))
            },
            **{
                model._meta.label_lower: reason
                for model, reason in sorted(
                    _not_exported.items(), key=lambda item: item[0]._meta.label_lower
                )
            },
        },
    }
    return document, files


def _models_with_secrets() -> list[type[Model]]:
    covered = {model for exporter in exporters() for model in exporter.models}
    return sorted(
        (model for model in covered if secret_fields(model)),
        key=lambda model: model._meta.label_lower,
    )


def to_json(document: Mapping[str, Any]) -> str:
    return json.dumps(document, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


def build_zip(user: Any) -> bytes:
    """``rightsdesk-export.json``, a README explaining it, and every section's files."""
    document, files = collect(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(EXPORT_FILENAME, to_json(document))
        archive.writestr(
            "README.txt",
            render_to_string(
                "accounts/export_readme.txt",
                {"document": document, "SITE_NAME": settings.SITE_NAME},
            ),
        )
        for name, content in sorted(files.items()):
            archive.writestr(name, content)
    return buffer.getvalue()
