"""Reading and validating the catalog files, ``catalog/platforms/<slug>.yaml``.

``read_catalog(directory)`` parses every file, checks it against the JSON Schema
(``schema.PLATFORM_SCHEMA``) and then against the rules a schema cannot express well
(``check_rules``), and across files (no two files for one slug or one name). It returns the
validated data or raises ``CatalogError`` listing every problem as ``file: field.path: what is
wrong``. Nothing here touches the database: ``loader.load_catalog`` writes only what this returned.

The YAML is read with a stricter loader than PyYAML's default: only ``true``/``false`` are
booleans (so ``value: yes`` is the string "yes", not True), dates and numbers stay strings, and
a key written twice in one mapping is an error instead of silently keeping the last one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from apps.core.places import is_valid_country

from . import vocabulary as v
from .schema import EMAIL_PATTERN, PLATFORM_SCHEMA, URL_PATTERN

SUFFIXES = (".yaml", ".yml")

_validator = Draft202012Validator(PLATFORM_SCHEMA)


@dataclass(frozen=True)
class Problem:
    file: str
    path: str  # "provisions[3].verdict"; "" for the file as a whole
    message: str

    def __str__(self) -> str:
        return (
            f"{self.file}: {self.path}: {self.message}"
            if self.path
            else f"{self.file}: {self.message}"
        )


class CatalogError(Exception):
    """One or more catalog files are malformed; nothing was loaded."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class CatalogFile:
    path: Path
    data: dict[str, Any]

    @property
    def slug(self) -> str:
        return self.data["slug"]


# --- YAML ---------------------------------------------------------------------------------------


class _StrictLoader(yaml.SafeLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    f"found the key {key!r} twice",
                    key_node.start_mark,
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_DROPPED = {
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
}
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _DROPPED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf")
)


def parse_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 — a SafeLoader subclass


# --- Paths and messages -------------------------------------------------------------------------


def format_path(parts: Iterable[str | int]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _schema_problem(error: ValidationError) -> tuple[str, str]:
    path = list(error.absolute_path)
    if error.validator == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        name = missing.group(1) if missing else "?"
        return format_path([*path, name]), "is required"
    if error.validator == "additionalProperties":
        extra = re.findall(r"'([^']+)'", error.message.split("(")[-1])
        names = ", ".join(extra) or "?"
        return format_path(path) or "(top level)", f"unknown field(s): {names}"
    if error.validator == "enum":
        allowed = ", ".join(str(x) for x in error.validator_value)
        return format_path(path), f"{error.instance!r} is not one of: {allowed}"
    if error.validator in ("pattern", "anyOf") and "description" in error.schema:
        return format_path(path), f"{error.instance!r} is not {error.schema['description']}"
    if error.validator == "type":
        return format_path(path), f"{error.instance!r} is not of type {error.validator_value}"
    return format_path(path) or "(top level)", error.message


# --- Rules beyond the schema --------------------------------------------------------------------


def _real_date(value: str) -> bool:
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    except ValueError:
        return False
    return True


class _Rules:
    """The checks of one file's data (already valid against the schema), as (path, message)."""

    GRADES_NEEDING_SOURCE = frozenset({"P", "S", "CA"})

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.out: list[tuple[str, str]] = []
        self.documents: dict[str, dict[str, Any]] = {}

    def problem(self, path: str, message: str) -> None:
        self.out.append((path, message))

    def date(self, path: str, value: str | None) -> None:
        if value is not None and not _real_date(value):
            self.problem(path, f"{value!r} is not a real date")

    def country(self, path: str, value: str) -> None:
        if not is_valid_country(value):
            self.problem(path, f"{value!r} is not an ISO 3166 country code")

    def source(self, path: str, item: dict[str, Any]) -> None:
        """The cited document exists and is graded at least as strongly as the fact."""
        key = item.get("source")
        if key is None:
            if item["grade"] in self.GRADES_NEEDING_SOURCE:
                self.problem(
                    f"{path}.source",
                    f"is required for a fact graded {item['grade']}: cite a document",
                )
            return
        doc = self.documents.get(key)
        if doc is None:
            self.problem(f"{path}.source", f"{key!r} is not the key of a document in this file")
        elif v.GRADE_RANK[item["grade"]] < v.GRADE_RANK[doc["grade"]]:
            self.problem(
                f"{path}.grade",
                f"{item['grade']} is stronger than its source {key!r}, graded {doc['grade']}",
            )

    def unique(self, path: str, seen: set[Any], value: Any, what: str) -> None:
        if value in seen:
            self.problem(path, f"{what} is listed twice")
        seen.add(value)

    def run(self, file_stem: str) -> list[tuple[str, str]]:
        data = self.data
        if data["slug"] != file_stem:
            self.problem(
                "slug",
                f"is {data['slug']!r} but the file is named {file_stem}; "
                "the slug and the file name must match",
            )
        self.date("as_of", data["as_of"])
        self.check_documents()
        self.check_parties()
        self.check_channels()
        self.check_plans()
        self.check_switches()
        self.check_provisions()
        return self.out

    def check_documents(self) -> None:
        for i, doc in enumerate(self.data["documents"]):
            here = f"documents[{i}]"
            if doc["key"] in self.documents:
                self.problem(f"{here}.key", f"{doc['key']!r} is used by another document")
            self.documents[doc["key"]] = doc
            self.date(f"{here}.date", doc.get("date"))
            self.date(f"{here}.captured", doc.get("captured"))
            if "date_label" in doc and "date" not in doc:
                self.problem(f"{here}.date_label", "is given without a date")
            if doc.get("watch") and ("url" not in doc or doc["grade"] != "P"):
                self.problem(
                    f"{here}.watch", "only a primary (P) document with a url can be watched"
                )

    def check_parties(self) -> None:
        names: set[str] = set()
        for i, entity in enumerate(self.data["legal_entities"]):
            here = f"legal_entities[{i}]"
            self.unique(f"{here}.name", names, entity["name"], repr(entity["name"]))
            if "country" in entity:
                self.country(f"{here}.country", entity["country"])
            for j, region in enumerate(entity["applies_to"]):
                if region not in v.REGION_GROUPS:
                    self.country(f"{here}.applies_to[{j}]", region)
            self.source(here, entity)
        for i, rep in enumerate(self.data.get("representatives", [])):
            self.source(f"representatives[{i}]", rep)
        if lead := self.data.get("lead_authority"):
            self.country("lead_authority.country", lead["country"])

    def check_channels(self) -> None:
        seen: set[tuple[str, str]] = set()
        documented = 0
        for i, channel in enumerate(self.data["channels"]):
            here = f"channels[{i}]"
            kind, value = channel["kind"], channel["value"]
            self.unique(f"{here}.value", seen, (kind, value), f"{value!r} as {kind}")
            if kind in v.EMAIL_CHANNELS and not re.match(EMAIL_PATTERN, value):
                self.problem(f"{here}.value", f"{value!r} is not an email address")
            if kind == "web-form" and not re.match(URL_PATTERN, value):
                self.problem(f"{here}.value", f"{value!r} is not an http(s) URL")
            if "\n" in value and kind != "postal":
                self.problem(f"{here}.value", "must be on one line")
            self.source(here, channel)
            documented += channel["grade"] in ("P", "S")
        if not documented and "channels_not_documented" not in self.data:
            self.problem(
                "channels",
                "no documented contact: add a channel graded P or S (privacy email, DPO email, "
                "web form, in-app setting or postal address), or say in channels_not_documented "
                "why there is none; never guess an address",
            )

    def check_plans(self) -> None:
        names: set[str] = set()
        for i, plan in enumerate(self.data.get("plans", [])):
            here = f"plans[{i}]"
            self.unique(f"{here}.name", names, plan["name"], repr(plan["name"]))
            if "price_grade" in plan and "price" not in plan:
                self.problem(f"{here}.price_grade", "is given without a price")
            if "price" in plan and "price_grade" not in plan:
                self.problem(f"{here}.price_grade", "is required with a price: how sure is it?")
            self.source(here, plan)

    def check_switches(self) -> None:
        names: set[str] = set()
        for i, switch in enumerate(self.data.get("switches", [])):
            here = f"switches[{i}]"
            self.unique(f"{here}.name", names, switch["name"], repr(switch["name"]))
            if "quote" in switch and "source" not in switch:
                self.problem(f"{here}.quote", "a quote needs a source document")
            self.source(here, switch)

    def check_provisions(self) -> None:
        covered: set[str] = set()
        for i, prov in enumerate(self.data["provisions"]):
            here = f"provisions[{i}]"
            covered.add(prov["topic"])
            grade, value = prov["grade"], prov["value"]
            if grade == "NOT_FOUND":
                if value != "not_documented":
                    self.problem(
                        f"{here}.value", "must be not_documented when the grade is NOT_FOUND"
                    )
                for name in ("quote", "source"):
                    if name in prov:
                        self.problem(
                            f"{here}.{name}", "cannot be given when nothing was found (NOT_FOUND)"
                        )
            else:
                self.source(here, prov)
            if "quote" in prov and "source" not in prov:
                self.problem(f"{here}.quote", "a quote needs a source document")
            if grade in v.WEAK_GRADES | {"NOT_FOUND"} and prov["confidence"] != "low":
                self.problem(
                    f"{here}.confidence",
                    f"must be low for a fact graded {grade} (secondary, ConductAtlas, unverified "
                    "or not found)",
                )
            if value == "not_documented" and prov["verdict"] != "unknown":
                self.problem(f"{here}.verdict", "must be unknown when the value is not_documented")
        for topic in v.CORE_TOPICS:
            if topic not in covered:
                self.problem(
                    "provisions",
                    f"no provision for the topic {topic!r}: every platform needs one for each core "
                    "topic (value not_documented, grade NOT_FOUND when nothing was found)",
                )


def check_rules(data: dict[str, Any], *, file_stem: str) -> list[tuple[str, str]]:
    """Rules across fields, for data that already matches the schema: [(path, message)]."""
    return _Rules(data).run(file_stem)


# --- Files --------------------------------------------------------------------------------------


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def validate_file(path: Path) -> tuple[CatalogFile | None, list[Problem]]:
    name = display_path(path)
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        return None, [Problem(name, "", f"is not UTF-8 text ({exc.reason} at byte {exc.start})")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        return None, [Problem(name, "", f"is not valid YAML: {where}{problem}")]
    if not isinstance(data, dict):
        return None, [Problem(name, "", "must be a mapping of fields (slug, name, …)")]

    errors = sorted(_validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        return None, [Problem(name, *_schema_problem(e)) for e in errors]
    problems = [Problem(name, p, m) for p, m in check_rules(data, file_stem=path.stem)]
    if problems:
        return None, problems
    return CatalogFile(path=path, data=data), []


def names_of(data: dict[str, Any]) -> list[str]:
    """Every name a person may type for a platform: its slug, name and aliases."""
    return [data["slug"], data["name"], *data.get("aliases", [])]


def _alias_problems(files: list[CatalogFile]) -> list[Problem]:
    """An alias may name only one platform, and never another platform's name or slug."""
    problems: list[Problem] = []
    owner: dict[str, CatalogFile] = {}
    for catalog_file in files:
        own = set()
        for name in names_of(catalog_file.data):
            key = " ".join(name.casefold().split())
            if key in own:
                continue
            own.add(key)
            other = owner.setdefault(key, catalog_file)
            if other is not catalog_file:
                problems.append(
                    Problem(
                        display_path(catalog_file.path),
                        "aliases",
                        f"{name!r} already names {other.data['name']} "
                        f"({display_path(other.path)}): a name can lead to one platform only",
                    )
                )
    return problems


def catalog_paths(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix in SUFFIXES)


def read_catalog(directory: Path) -> list[CatalogFile]:
    """Every validated catalog file in ``directory``, or CatalogError naming every problem."""
    if not directory.is_dir():
        raise CatalogError([Problem(str(directory), "", "is not a directory")])
    paths = catalog_paths(directory)
    if not paths:
        raise CatalogError([Problem(str(directory), "", "holds no catalog files (*.yaml)")])

    files: list[CatalogFile] = []
    problems: list[Problem] = []
    for path in paths:
        catalog_file, found = validate_file(path)
        problems.extend(found)
        if catalog_file:
            files.append(catalog_file)

    by_stem: dict[str, Path] = {}
    for path in paths:
        if path.stem in by_stem:
            problems.append(
                Problem(
                    display_path(path),
                    "slug",
                    f"duplicate slug {path.stem!r}: {display_path(by_stem[path.stem])} already defines it",
                )
            )
        by_stem.setdefault(path.stem, path)
    by_name: dict[str, CatalogFile] = {}
    for catalog_file in files:
        key = catalog_file.data["name"].casefold()
        if key in by_name:
            problems.append(
                Problem(
                    display_path(catalog_file.path),
                    "name",
                    f"duplicate name {catalog_file.data['name']!r}: "
                    f"{display_path(by_name[key].path)} already uses it",
                )
            )
        by_name.setdefault(key, catalog_file)
    problems.extend(_alias_problems(files))

    if problems:
        raise CatalogError(problems)
    return files
