"""Every model that belongs to a person, found by walking the installed models, and rows for it.

Used by the export and deletion specs so that models added by later apps are covered without
anyone remembering to list them. A model belongs to a person when it reaches the user model
through foreign keys (``owner``, ``user``, ``request__owner``…), or declares the path itself
with ``OWNER_FIELD`` (``OWNER_FIELD = None`` declares a model that points at users but holds
nothing of theirs).

``populate(user)`` gives the person at least one row of every such model: through a factory
below when the model's rows need meaning (a working two-factor authenticator), otherwise by
filling every field with a sample value of its type. A model the generic filler cannot build
makes the spec fail with a message saying to add a factory here.
"""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Callable, Iterator
from datetime import date, time, timedelta
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.db.models import Model, QuerySet
from django.utils import timezone

MAX_DEPTH = 4
_counter = itertools.count(1)


def all_models() -> list[type[Model]]:
    """Every concrete model, including the tables Django makes for many-to-many fields."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy and model._meta.managed
    ]


def user_path(model: type[Model]) -> str | None:
    """The lookup from ``model`` to its owning user (``"pk"`` for the user model itself)."""
    user_model = get_user_model()
    if model is user_model:
        return "pk"
    if hasattr(model, "OWNER_FIELD"):
        return model.OWNER_FIELD
    queue: list[tuple[type[Model], list[str]]] = [(model, [])]
    seen = {model}
    while queue:
        current, path = queue.pop(0)
        if len(path) >= MAX_DEPTH:
            continue
        for field in current._meta.concrete_fields:
            if not field.is_relation:
                continue
            target = field.related_model
            if target is user_model:
                return "__".join([*path, field.name])
            if target not in seen:
                seen.add(target)
                queue.append((target, [*path, field.name]))
    return None


def owned_models() -> list[tuple[type[Model], str]]:
    """(model, path to the user) for every model that belongs to a person."""
    found = []
    for model in all_models():
        path = user_path(model)
        if path is not None:
            found.append((model, path))
    return found


def rows_of(model: type[Model], path: str, user_or_pk: Any) -> QuerySet:
    pk = getattr(user_or_pk, "pk", user_or_pk)
    return model._default_manager.filter(**{path: pk})


def label(model: type[Model]) -> str:
    return model._meta.label_lower


# --- Making rows ----------------------------------------------------------------------------


def _authenticators(user: Any) -> None:
    """A real authenticator app and recovery codes, secrets encrypted as in production."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, generate_totp_secret())
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists():
        RecoveryCodes.activate(user)


FACTORIES: dict[str, Callable[[Any], None]] = {
    "mfa.authenticator": _authenticators,
}


def sample_value(field: models.Field) -> Any:
    n = next(_counter)
    if field.choices:
        return field.flatchoices[0][0] if field.flatchoices else None
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.DateTimeField):
        return timezone.now() - timedelta(days=n % 30, minutes=n)
    if isinstance(field, models.DateField):
        return date(2026, 1, 1) + timedelta(days=n)
    if isinstance(field, models.TimeField):
        return time(9, n % 60)
    if isinstance(field, models.DurationField):
        return timedelta(days=n)
    if isinstance(field, models.DecimalField):
        return Decimal(n % 10 ** (field.max_digits - field.decimal_places - 1))
    if isinstance(field, models.FloatField):
        return n + 0.5
    if isinstance(field, models.IntegerField | models.PositiveIntegerField):
        return n % 100 + 1
    if isinstance(field, models.UUIDField):
        return uuid.uuid4()
    if isinstance(field, models.JSONField):
        return {"sample": n}
    if isinstance(field, models.BinaryField):
        return f"sample {n}".encode()
    if isinstance(field, models.GenericIPAddressField):
        return f"192.0.2.{n % 250 + 1}"
    if isinstance(field, models.EmailField):
        return f"row{n}@sample.invalid"
    if isinstance(field, models.URLField):
        return f"https://sample.invalid/{n}"
    if isinstance(field, models.SlugField):
        return f"sample-{n}"[: field.max_length]
    if isinstance(field, models.FileField):
        return f"samples/{n}.txt"
    if isinstance(field, models.CharField | models.TextField):
        text = f"sample {n} ünïcode"
        return text[: field.max_length] if field.max_length else text
    if field.get_internal_type() in {"CharField", "TextField"}:  # e.g. a pickled-object field
        return f"sample {n}"
    raise NotImplementedError(f"no sample value for {type(field).__name__}")


def _related_row(field: models.Field, user: Any) -> Any:
    target = field.related_model
    path = user_path(target)
    if user is not None and path is not None:
        existing = rows_of(target, path, user).first()
        return existing or make_row(target, user)
    existing = target._default_manager.first()
    if existing is not None:
        return existing
    if field.null:
        return None
    return make_row(target, None)


def make_row(model: type[Model], user: Any) -> Model:
    """One row of ``model`` belonging to ``user``, every field filled with a sample value."""
    values: dict[str, Any] = {}
    for field in model._meta.concrete_fields:
        if field.primary_key and isinstance(field, models.AutoField):
            continue
        if field.is_relation:
            if field.related_model is get_user_model():
                values[field.name] = user
            else:
                values[field.name] = _related_row(field, user)
            continue
        values[field.name] = sample_value(field)
    with transaction.atomic():
        return model._default_manager.create(**values)


def populate(user: Any) -> None:
    """At least one row of every model that belongs to a person, for ``user``."""
    user_model = get_user_model()
    for model, path in owned_models():
        if model is user_model:
            continue
        factory = FACTORIES.get(label(model))
        if factory is not None:
            factory(user)
            continue
        try:
            make_row(model, user)
        except IntegrityError:
            # e.g. a second profile (one per person): one already exists, which is enough.
            if not rows_of(model, path, user).exists():
                raise
        except NotImplementedError as exc:
            raise AssertionError(
                f"{label(model)} belongs to a person but tests/owned_data.py cannot make a row "
                f"of it ({exc}): add a factory to FACTORIES."
            ) from exc
    missing = [label(m) for m, p in owned_models() if not rows_of(m, p, user).exists()]
    assert not missing, f"no rows made for {missing}: add factories in tests/owned_data.py"


# --- Comparing with the export ----------------------------------------------------------------


def as_json(value: Any) -> Any:
    """A value as it reads after a round trip through the export's JSON encoder."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def walk_dicts(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk_dicts(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk_dicts(value)
