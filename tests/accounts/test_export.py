"""The export holds everything the database holds about the person: nothing missing, nothing
of anyone else's, no secrets.

Which models belong to a person is found by walking every installed model
(tests/owned_data.py); each of their rows must appear in the export with every stored field,
so a model a later app adds is checked the moment it exists.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from django.contrib.auth import get_user_model
from django.db.models import Model

from apps.accounts import exports
from apps.accounts.exports import EXPORT_FILENAME, ExportSection, register_exporter
from tests.owned_data import as_json, label, owned_models, populate, rows_of, walk_dicts

pytestmark = pytest.mark.django_db


def expected_row(obj: Model) -> dict:
    """Every stored field of the row, as the export must show it: the foreign key to the person
    (always them) and declared secrets left out, everything else under its own name."""
    user_model = get_user_model()
    secrets = exports.secret_fields(type(obj))
    row = {}
    for field in obj._meta.concrete_fields:
        if field.is_relation and field.related_model is user_model:
            continue
        if field.name in secrets:
            continue
        row[field.name] = as_json(getattr(obj, field.attname))
    return row


def exported(user) -> dict:
    document, _files = exports.collect(user)
    return json.loads(exports.to_json(document))


def sections_for(document: dict, model: type[Model]) -> list:
    names = [e.name for e in exports.exporters() if model in e.models]
    return [document["sections"][name] for name in names]


def matches(candidate: dict, expected: dict) -> bool:
    return all(key in candidate and candidate[key] == value for key, value in expected.items())


def test_every_model_that_belongs_to_a_person_is_exported_or_says_why_not():
    covered = {model for exporter in exports.exporters() for model in exporter.models}
    left_out = set(exports.not_exported())
    missing = [label(m) for m, _path in owned_models() if m not in covered | left_out]
    assert missing == [], "register an exporter (apps/accounts/exports.py) for these"


def test_the_export_holds_every_row_the_database_holds_for_the_person(alice, bob):
    populate(alice)
    populate(bob)
    document = exported(alice)
    compared = 0
    for model, path in owned_models():
        if model in exports.not_exported():
            continue
        candidates = [d for section in sections_for(document, model) for d in walk_dicts(section)]
        for obj in rows_of(model, path, alice):
            want = expected_row(obj)
            assert any(matches(d, want) for d in candidates), (
                f"{label(model)} row {obj.pk} is not in the export as stored: {want}"
            )
            compared += 1
        for obj in rows_of(model, path, bob):
            want = expected_row(obj)
            assert not any(matches(d, want) for d in candidates), (
                f"bob's {label(model)} row {obj.pk} is in alice's export"
            )
    assert compared >= len(owned_models()) - len(exports.not_exported())


def test_the_export_never_contains_secrets_or_anyone_elses_address(alice, bob):
    populate(alice)
    populate(bob)
    text = exports.to_json(exports.collect(alice)[0])
    assert "bob@example.org" not in text
    assert alice.password not in text
    assert alice.profile.calendar_token not in text
    for authenticator in Authenticator.objects.filter(user=alice):
        stored_secrets = [v for v in authenticator.data.values() if isinstance(v, str)]
        assert stored_secrets
        for value in stored_secrets:
            assert value not in text
        if authenticator.type == Authenticator.Type.TOTP:
            assert decrypt(authenticator.data["secret"]) not in text
        else:
            for code in authenticator.wrap().get_unused_codes():
                assert code not in text
    left_out = json.loads(text)["left_out"]
    assert "accounts.user.password" in left_out
    assert "mfa.authenticator.data" in left_out
    assert "accounts.profile.calendar_token" in left_out
    assert "admin.logentry" in left_out


def test_the_two_factor_section_says_whether_it_is_on_and_how_many_recovery_codes_are_left(alice):
    populate(alice)
    two_factor = exported(alice)["sections"]["two_factor"]
    assert two_factor["enabled"] is True
    [codes] = [a for a in two_factor["authenticators"] if a["type"] == "recovery_codes"]
    assert codes["unused_recovery_codes"] == 10


def test_the_profile_section_spells_out_places_and_the_date_format(alice):
    profile = alice.profile
    profile.country, profile.region, profile.date_format = "US", "CA", "iso"
    profile.save()
    section = exported(alice)["sections"]["profile"]
    assert section["country"] == "US"
    assert section["country_name"] == "United States"
    assert section["region_name"] == "California"
    assert section["date_format_example"] == "2026-11-23"


def test_a_later_app_plugs_in_a_section_with_files(alice, monkeypatch):
    monkeypatch.setattr(exports, "_exporters", dict(exports._exporters))

    def letters(user):
        return ExportSection(data=[{"letter": 1}], files={"letter-1.pdf": b"%PDF-1.7 test"})

    register_exporter("letters", letters)
    archive = zipfile.ZipFile(io.BytesIO(exports.build_zip(alice)))
    assert archive.read("letters/letter-1.pdf") == b"%PDF-1.7 test"
    document = json.loads(archive.read(EXPORT_FILENAME))
    assert document["sections"]["letters"] == [{"letter": 1}]
    assert document["files"] == ["letters/letter-1.pdf"]


@pytest.mark.parametrize("name", ["../escape.pdf", "/etc/passwd", "sub/../../x"])
def test_a_section_cannot_write_outside_its_folder(alice, monkeypatch, name):
    monkeypatch.setattr(exports, "_exporters", dict(exports._exporters))
    register_exporter("letters", lambda user: ExportSection(data=[], files={name: b"x"}))
    with pytest.raises(ValueError, match="Unsafe file name"):
        exports.build_zip(alice)


# --- The download -----------------------------------------------------------------------------


def test_a_person_downloads_one_zip_with_the_json_and_a_readme(alice_client, alice):
    response = alice_client.post("/account/data/export/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="rightsdesk-export-')
    assert "no-store" in response["Cache-Control"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert set(archive.namelist()) == {EXPORT_FILENAME, "README.txt"}
    document = json.loads(archive.read(EXPORT_FILENAME))
    assert document["format"] == "rightsdesk-export"
    assert document["sections"]["account"]["email"] == "alice@example.org"
    assert document["sections"]["email_addresses"][0]["email"] == "alice@example.org"
    assert document["sections"]["profile"]["reminder_days_before"] == [7, 1]
    readme = archive.read("README.txt").decode()
    assert "rightsdesk-export.json holds everything" in readme
    assert "email_addresses" in readme


def test_the_export_is_a_post_so_no_link_or_prefetch_can_trigger_it(alice_client):
    assert alice_client.get("/account/data/export/").status_code == 405


def test_strangers_are_sent_to_sign_in(client):
    response = client.post("/account/data/export/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
