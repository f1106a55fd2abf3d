"""The one way to reach an object that belongs to somebody.

Every model a person owns has an ``owner`` foreign key to the user, or declares where the owner
is with ``OWNER_FIELD`` (e.g. ``OWNER_FIELD = "request__owner"`` on a request's events). Views
never call ``Model.objects.get(pk=...)`` for such objects: they call ``owned(...)`` or
``get_owned_or_404(...)``, so another person's object is a 404, indistinguishable from one that
does not exist.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from django.http import Http404


def _queryset(model_or_queryset: type[Model] | QuerySet) -> QuerySet:
    if isinstance(model_or_queryset, QuerySet):
        return model_or_queryset
    return model_or_queryset._default_manager.all()


def owner_field(model: type[Model]) -> str:
    return getattr(model, "OWNER_FIELD", "owner")


def owned(model_or_queryset: type[Model] | QuerySet, user: Any) -> QuerySet:
    """The objects of this model (or queryset) that belong to ``user``; none for anonymous."""
    queryset = _queryset(model_or_queryset)
    if user is None or not getattr(user, "is_authenticated", False):
        return queryset.none()
    return queryset.filter(**{owner_field(queryset.model): user})


def get_owned_or_404(model_or_queryset: type[Model] | QuerySet, user: Any, **lookup: Any) -> Any:
    try:
        return owned(model_or_queryset, user).get(**lookup)
    except (
        _queryset(model_or_queryset).model.DoesNotExist,
        ValueError,  # a malformed UUID or id in the URL
    ):
        raise Http404("No such object.") from None
