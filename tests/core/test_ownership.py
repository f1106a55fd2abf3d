"""The ownership helper, exercised on the user model with a nested owner path.

Real owned models (requests, events, reminders) each get their own 404 tests; here the User model
stands in, declaring its owner as ``emailaddress__user`` (a path through a relation, like
``request__owner`` on a request's events).
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from apps.core.ownership import get_owned_or_404, owned, owner_field

pytestmark = pytest.mark.django_db


@pytest.fixture
def user_model(monkeypatch):
    model = get_user_model()
    monkeypatch.setattr(model, "OWNER_FIELD", "emailaddress__user", raising=False)
    return model


def test_the_owner_field_defaults_to_owner():
    class Plain:
        pass

    assert owner_field(Plain) == "owner"


def test_owned_returns_only_the_owners_rows(user_model, alice, bob):
    assert list(owned(user_model, alice)) == [alice]
    assert list(owned(user_model.objects.all(), bob)) == [bob]


def test_owned_returns_nothing_for_an_anonymous_visitor(user_model, alice):
    assert owned(user_model, AnonymousUser()).count() == 0
    assert owned(user_model, None).count() == 0


def test_get_owned_or_404_finds_the_owners_object(user_model, alice):
    assert get_owned_or_404(user_model, alice, pk=alice.pk) == alice


def test_get_owned_or_404_hides_other_peoples_objects_as_not_found(user_model, alice, bob):
    with pytest.raises(Http404):
        get_owned_or_404(user_model, alice, pk=bob.pk)


def test_get_owned_or_404_treats_a_malformed_id_as_not_found(user_model, alice):
    with pytest.raises(Http404):
        get_owned_or_404(user_model, alice, pk="not-a-number")
