"""The admin: platforms with every row inline and their evidence in view; export back to YAML."""

from __future__ import annotations

import io
import zipfile

import pytest

from apps.catalog.files import parse_yaml
from apps.catalog.models import Platform, Provision
from tests.conftest import make_user, staff_client

pytestmark = pytest.mark.usefixtures("real_catalog")


@pytest.fixture
def curator_client(db):
    return staff_client("curator@example.org")


def test_a_platform_is_curated_with_its_rows_and_their_evidence_inline(curator_client):
    openai = Platform.objects.get(slug="openai")
    page = curator_client.get(f"/admin/catalog/platform/{openai.pk}/change/").content.decode()
    assert "source of truth" in page
    for inline in (
        "Provisions",
        "Documents",
        "Channels",
        "Plans",
        "Legal entities",
        "Representatives",
    ):
        assert inline in page
    for field in (
        "provisions-0-quote",
        "provisions-0-grade",
        "provisions-0-confidence",
        "provisions-0-source",
        "documents-0-captured",
        "documents-0-sha256",
    ):
        assert f'name="{field}"' in page
    # A provision's source can only be one of this platform's documents.
    assert "OpenAI EU Terms of Use" in page
    assert "Anthropic Privacy Policy" not in page


def test_provisions_can_be_reviewed_by_evidence_grade(curator_client):
    page = curator_client.get("/admin/catalog/provision/?grade__exact=CA").content.decode()
    assert "Stability AI" in page
    provision = Provision.objects.filter(platform__slug="midjourney").first()
    change = curator_client.get(f"/admin/catalog/provision/{provision.pk}/change/").content.decode()
    assert "How do I keep my images private?" in change
    assert "OpenAI EU Terms of Use" not in change


def test_a_platform_downloads_as_a_catalog_file(curator_client):
    midjourney = Platform.objects.get(slug="midjourney")
    response = curator_client.post(
        "/admin/catalog/platform/",
        {"action": "download_yaml", "_selected_action": [midjourney.pk]},
    )
    assert response["Content-Disposition"] == 'attachment; filename="midjourney.yaml"'
    assert parse_yaml(response.content.decode())["slug"] == "midjourney"


def test_several_platforms_download_as_a_zip_of_files(curator_client):
    ids = list(Platform.objects.filter(slug__in=["openai", "canva"]).values_list("pk", flat=True))
    response = curator_client.post(
        "/admin/catalog/platform/", {"action": "download_yaml", "_selected_action": ids}
    )
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert sorted(archive.namelist()) == ["canva.yaml", "openai.yaml"]


def test_the_admin_is_closed_to_people_who_are_not_staff(client):
    client.force_login(make_user("visitor@example.org"))
    response = client.get("/admin/catalog/platform/")
    assert response.status_code == 302
