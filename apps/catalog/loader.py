"""Writing the validated catalog files to the database, and reading a platform back as file data.

``load_catalog()`` is idempotent: it reads and validates every file first (``files.read_catalog``;
a malformed file raises ``CatalogError`` before anything is written), then, in one transaction,
upserts each platform and each of its rows by natural key, updates only what changed, and deletes
rows that are no longer in the files (and platforms whose file is gone). Running it twice
changes nothing the second time.

``platform_to_data()`` is the inverse: the file content for a platform as stored, so a curator
who edits a platform in the admin can download it as YAML and commit it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.db import models, transaction

from .files import CatalogFile, display_path, read_catalog
from .models import (
    Category,
    Channel,
    Document,
    LegalEntity,
    Plan,
    Platform,
    Provision,
    Representative,
    Switch,
)

NON_WATCHED_KINDS = frozenset({"archive-declaration", "secondary", "conductatlas"})


def default_directory() -> Path:
    return Path(getattr(settings, "CATALOG_DIR", settings.BASE_DIR / "catalog" / "platforms"))


def default_watch(doc: dict[str, Any]) -> bool:
    """A primary document with a URL is watched unless the file says otherwise."""
    return bool(doc.get("url")) and doc["grade"] == "P" and doc["kind"] not in NON_WATCHED_KINDS


@dataclass
class LoadReport:
    directory: Path
    platforms: int = 0
    counts: dict[str, Counter[str]] = field(default_factory=dict)

    def count(self, label: str, what: str, n: int = 1) -> None:
        self.counts.setdefault(label, Counter())[what] += n

    @property
    def changed(self) -> bool:
        return any(c["created"] or c["updated"] or c["deleted"] for c in self.counts.values())

    def summary(self) -> str:
        parts = []
        for label, c in self.counts.items():
            parts.append(
                f"{label}: {c['total']} ({c['created']} created, {c['updated']} updated, "
                f"{c['deleted']} deleted)"
            )
        state = "" if self.changed else " Nothing changed."
        return (
            f"Loaded {self.platforms} platforms from {display_path(self.directory)}.{state}\n"
            + "\n".join(parts)
        )


# --- Rows from file data ------------------------------------------------------------------------


def _platform_fields(data: dict[str, Any], source_file: str) -> dict[str, Any]:
    lead = data.get("lead_authority") or {}
    return {
        "name": data["name"],
        "products": data.get("products", ""),
        "aliases": list(data.get("aliases", [])),
        "website": data.get("website", ""),
        "summary": data["summary"],
        "evidence": data["evidence"],
        "as_of": data["as_of"],
        "legal_entities_note": data.get("legal_entities_note", ""),
        "channels_not_documented": data.get("channels_not_documented", ""),
        "lead_authority_name": lead.get("name", ""),
        "lead_authority_country": lead.get("country", ""),
        "lead_authority_url": lead.get("url", ""),
        "lead_authority_grade": lead.get("grade", ""),
        "lead_authority_source_url": lead.get("source_url", ""),
        "lead_authority_note": lead.get("note", ""),
        "source_file": source_file,
    }


def _document_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "position": i,
            "key": d["key"],
            "kind": d["kind"],
            "title": d["title"],
            "url": d.get("url", ""),
            "grade": d["grade"],
            "date": d.get("date", ""),
            "date_label": d.get("date_label", ""),
            "captured": d["captured"],
            "sha256": d.get("sha256", ""),
            "via": d.get("via", ""),
            "css_selector": d.get("css_selector", ""),
            "watch": d.get("watch", default_watch(d)),
            "note": d.get("note", ""),
        }
        for i, d in enumerate(data["documents"])
    ]


def _evidence(item: dict[str, Any], doc_ids: dict[str, int]) -> dict[str, Any]:
    return {
        "grade": item["grade"],
        "source_id": doc_ids.get(item["source"]) if "source" in item else None,
        "note": item.get("note", ""),
    }


def _child_rows(data: dict[str, Any], doc_ids: dict[str, int]) -> dict[type, list[dict]]:
    provisions = []
    ranks: Counter[str] = Counter()
    for i, p in enumerate(data["provisions"]):
        provisions.append(
            {
                "position": i,
                "topic": p["topic"],
                "rank": ranks[p["topic"]],
                "value": p["value"],
                "verdict": p["verdict"],
                "quote": p.get("quote", ""),
                "reading": p["reading"],
                "note": p.get("note", ""),
                "source_id": doc_ids.get(p["source"]) if "source" in p else None,
                "confidence": p["confidence"],
                "grade": p["grade"],
            }
        )
        ranks[p["topic"]] += 1
    return {
        Category: [{"position": i, "category": c} for i, c in enumerate(data["categories"])],
        LegalEntity: [
            {
                "position": i,
                "name": e["name"],
                "country": e.get("country", ""),
                "address": e.get("address", ""),
                "applies_to": list(e["applies_to"]),
                **_evidence(e, doc_ids),
            }
            for i, e in enumerate(data["legal_entities"])
        ],
        Representative: [
            {
                "position": i,
                "role": r["role"],
                "name": r["name"],
                "address": r.get("address", ""),
                "phone": r.get("phone", ""),
                "email": r.get("email", ""),
                "url": r.get("url", ""),
                **_evidence(r, doc_ids),
            }
            for i, r in enumerate(data.get("representatives", []))
        ],
        Channel: [
            {
                "position": i,
                "kind": c["kind"],
                "value": c["value"],
                "url": c.get("url", ""),
                "purpose": c.get("purpose", ""),
                "rights": list(c.get("rights", [])),
                **_evidence(c, doc_ids),
            }
            for i, c in enumerate(data["channels"])
        ],
        Plan: [
            {
                "position": i,
                "name": p["name"],
                "price": p.get("price", ""),
                "price_grade": p.get("price_grade", ""),
                "private_generation": p["private_generation"],
                "excluded_from_training": p["excluded_from_training"],
                **_evidence(p, doc_ids),
            }
            for i, p in enumerate(data.get("plans", []))
        ],
        Switch: [
            {
                "position": i,
                "name": w["name"],
                "where": w["where"],
                "url": w.get("url", ""),
                "set_to": w["set_to"],
                "default": w["default"],
                "stops": w["stops"],
                "does_not_undo": w.get("does_not_undo", ""),
                "applies_to": w.get("applies_to", ""),
                "topics": list(w["topics"]),
                "quote": w.get("quote", ""),
                **_evidence(w, doc_ids),
            }
            for i, w in enumerate(data.get("switches", []))
        ],
        Provision: provisions,
    }


NATURAL_KEYS: dict[type, tuple[str, ...]] = {
    Document: ("key",),
    Category: ("category",),
    LegalEntity: ("name",),
    Representative: ("role", "name"),
    Channel: ("kind", "value"),
    Plan: ("name",),
    Switch: ("name",),
    Provision: ("topic", "rank"),
}


def _sync(
    model: type[models.Model],
    platform: Platform,
    rows: list[dict[str, Any]],
    report: LoadReport,
    *,
    delete_missing: bool = True,
) -> list[models.Model]:
    """Make the platform's rows of ``model`` equal ``rows``, matched by natural key."""
    key_fields = NATURAL_KEYS[model]
    label = model._meta.verbose_name_plural
    existing = {
        tuple(getattr(obj, f) for f in key_fields): obj
        for obj in model.objects.filter(platform=platform)
    }
    to_create, to_update, changed_fields = [], [], set()
    for row in rows:
        obj = existing.pop(tuple(row[f] for f in key_fields), None)
        if obj is None:
            to_create.append(model(platform=platform, **row))
            continue
        changed = [name for name, value in row.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, row[name])
            to_update.append(obj)
            changed_fields.update(changed)
    stale = list(existing.values())
    if stale and delete_missing:
        model.objects.filter(pk__in=[obj.pk for obj in stale]).delete()
        report.count(label, "deleted", len(stale))
    if to_update:
        model.objects.bulk_update(to_update, sorted(changed_fields))
    if to_create:
        model.objects.bulk_create(to_create)
    report.count(label, "created", len(to_create))
    report.count(label, "updated", len(to_update))
    report.count(label, "total", len(rows))
    return stale


def _load_one(catalog_file: CatalogFile, report: LoadReport) -> None:
    data = catalog_file.data
    fields = _platform_fields(data, catalog_file.path.name)
    platform = Platform.objects.filter(slug=data["slug"]).first()
    if platform is None:
        platform = Platform.objects.create(slug=data["slug"], **fields)
        report.count("platforms", "created")
    else:
        changed = [name for name, value in fields.items() if getattr(platform, name) != value]
        if changed:
            for name in changed:
                setattr(platform, name, fields[name])
            platform.save(update_fields=[*changed, "updated_at"])
            report.count("platforms", "updated")
    report.count("platforms", "total")

    # Documents first, without deleting the ones gone from the file: other rows still point
    # at them until they are synced; the stale ones go last.
    stale_documents = _sync(Document, platform, _document_rows(data), report, delete_missing=False)
    doc_ids = dict(Document.objects.filter(platform=platform).values_list("key", "id"))
    for model, rows in _child_rows(data, doc_ids).items():
        _sync(model, platform, rows, report)
    if stale_documents:
        Document.objects.filter(pk__in=[d.pk for d in stale_documents]).delete()
        report.count("documents", "deleted", len(stale_documents))


def load_catalog(directory: Path | None = None) -> LoadReport:
    """Validate every file, then bring the database in line with them in one transaction."""
    directory = directory or default_directory()
    files = read_catalog(directory)  # raises CatalogError: nothing written
    return load_files(files, directory=directory)


def load_files(files: list[CatalogFile], *, directory: Path) -> LoadReport:
    """Write already validated files (``read_catalog``'s result) to the database."""
    report = LoadReport(directory=directory, platforms=len(files))
    with transaction.atomic():
        for catalog_file in files:
            _load_one(catalog_file, report)
        gone = Platform.objects.exclude(slug__in=[f.slug for f in files])
        removed = gone.count()
        if removed:
            gone.delete()
        report.count("platforms", "deleted", removed)
    return report


# --- Back to file data --------------------------------------------------------------------------


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    if value not in ("", None, []):
        out[key] = value


def _evidence_out(obj: Any, out: dict[str, Any]) -> dict[str, Any]:
    out["grade"] = obj.grade
    _put(out, "source", obj.source.key if obj.source_id else None)
    _put(out, "note", obj.note)
    return out


def platform_to_data(platform: Platform) -> dict[str, Any]:
    """The catalog file content for ``platform`` as stored (the shape ``files`` validates)."""
    out: dict[str, Any] = {"slug": platform.slug, "name": platform.name}
    _put(out, "products", platform.products)
    _put(out, "aliases", list(platform.aliases))
    out["categories"] = [c.category for c in platform.categories.all()]
    _put(out, "website", platform.website)
    out["as_of"] = platform.as_of
    out["evidence"] = platform.evidence
    out["summary"] = platform.summary

    out["legal_entities"] = []
    for e in platform.legal_entities.select_related("source"):
        row: dict[str, Any] = {"name": e.name}
        _put(row, "country", e.country)
        _put(row, "address", e.address)
        row["applies_to"] = list(e.applies_to)
        out["legal_entities"].append(_evidence_out(e, row))
    _put(out, "legal_entities_note", platform.legal_entities_note)

    reps = []
    for r in platform.representatives.select_related("source"):
        row = {"role": r.role, "name": r.name}
        for name in ("address", "phone", "email", "url"):
            _put(row, name, getattr(r, name))
        reps.append(_evidence_out(r, row))
    _put(out, "representatives", reps)

    if platform.lead_authority_name:
        lead: dict[str, Any] = {
            "name": platform.lead_authority_name,
            "country": platform.lead_authority_country,
        }
        _put(lead, "url", platform.lead_authority_url)
        lead["grade"] = platform.lead_authority_grade
        _put(lead, "source_url", platform.lead_authority_source_url)
        _put(lead, "note", platform.lead_authority_note)
        out["lead_authority"] = lead

    out["channels"] = []
    for c in platform.channels.select_related("source"):
        row = {"kind": c.kind, "value": c.value}
        _put(row, "url", c.url)
        _put(row, "purpose", c.purpose)
        _put(row, "rights", list(c.rights))
        out["channels"].append(_evidence_out(c, row))
    _put(out, "channels_not_documented", platform.channels_not_documented)

    plans = []
    for p in platform.plans.select_related("source"):
        row = {"name": p.name}
        _put(row, "price", p.price)
        _put(row, "price_grade", p.price_grade)
        row["private_generation"] = p.private_generation
        row["excluded_from_training"] = p.excluded_from_training
        plans.append(_evidence_out(p, row))
    _put(out, "plans", plans)

    switches = []
    for w in platform.switches.select_related("source"):
        row = {"name": w.name, "where": w.where}
        _put(row, "url", w.url)
        row.update(set_to=w.set_to, default=w.default, stops=w.stops)
        _put(row, "does_not_undo", w.does_not_undo)
        _put(row, "applies_to", w.applies_to)
        row["topics"] = list(w.topics)
        _put(row, "quote", w.quote)
        switches.append(_evidence_out(w, row))
    _put(out, "switches", switches)

    out["documents"] = []
    for d in platform.documents.all():
        row = {"key": d.key, "kind": d.kind, "title": d.title}
        _put(row, "url", d.url)
        row["grade"] = d.grade
        _put(row, "date", d.date)
        _put(row, "date_label", d.date_label)
        row["captured"] = d.captured
        for name in ("sha256", "via", "css_selector"):
            _put(row, name, getattr(d, name))
        row["watch"] = d.watch
        _put(row, "note", d.note)
        out["documents"].append(row)

    out["provisions"] = []
    for p in platform.provisions.select_related("source"):
        row = {"topic": p.topic, "value": p.value, "verdict": p.verdict}
        _put(row, "quote", p.quote)
        row["reading"] = p.reading
        _put(row, "note", p.note)
        _put(row, "source", p.source.key if p.source_id else None)
        row["confidence"] = p.confidence
        row["grade"] = p.grade
        out["provisions"].append(row)
    return out


def platform_to_yaml(platform: Platform) -> str:
    header = (
        f"# {platform.name}: exported from the Rightsdesk admin. Check every fact against the\n"
        "# reference (platforms.md) before committing; load with `manage.py load_catalog`.\n"
    )
    return header + yaml.safe_dump(
        platform_to_data(platform), sort_keys=False, allow_unicode=True, width=100
    )
