"""Saving a request to the tracker: the exact letter and its inputs, on a page only its owner
can reach, with every output regenerated from the stored text, and in the data export."""

from __future__ import annotations

import email
import email.policy
import hashlib
import io
import json
import zipfile
from datetime import date

import pytest
import time_machine
from pypdf import PdfReader

from apps.accounts import exports
from apps.catalog.models import Platform
from apps.catalog.recipients import Recipient
from apps.tracker.models import PrivacyRequest
from apps.tracker.services import letter_of
from tests.generator.helpers import post_step, state_of, walk_to_preview
from tests.letters.factories import saved_request

pytestmark = pytest.mark.django_db


@time_machine.travel("2026-01-31 10:00:00+00:00", tick=False)
def test_save_to_my_tracker_stores_the_exact_letter_and_its_inputs(client, real_catalog, alice):
    client.force_login(alice)
    page = walk_to_preview(client, rights=("object", "delete"), country="FR")
    preview_text = page.content.decode()
    response = client.post("/requests/save/", {"state": state_of(page)})
    saved = PrivacyRequest.objects.get(owner=alice)
    assert response.status_code == 302
    assert response["Location"] == f"/requests/{saved.code}/"
    assert saved.platform == Platform.objects.get(slug="openai")
    assert Recipient.from_dict(saved.recipient).legal_entity == "OpenAI Ireland Limited"
    assert saved.rights == ["object", "delete"]
    assert (saved.regime, saved.regimes) == ("gdpr", ["gdpr"])
    assert (saved.country, saved.region, saved.company_country) == ("FR", "", "IE")
    assert saved.identifiers == {
        "full_name": "Jane Doe",
        "account_email": "jane@example.org",
        "username": "janed",
        "postal_address": "12 Harbour Road\nDublin 4",
    }
    assert saved.body_sha256 == hashlib.sha256(saved.body.encode()).hexdigest()
    assert saved.status == "draft"
    assert saved.dated_on == date(2026, 1, 31)
    assert saved.subject in preview_text
    assert "Monday 2 March 2026" in saved.body


def test_the_request_page_shows_the_letter_as_saved_with_every_output(client, alice):
    saved = saved_request(alice, rights=("object",))
    client.force_login(alice)
    page = client.get(f"/requests/{saved.code}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Request to ChatGPT" in html
    assert "Draft" in html
    assert saved.body_sha256 in html
    assert f"/requests/{saved.code}/letter.pdf" in html
    assert "GDPR: by" in html  # the engine's deadline, counted as if received today
    assert "Check this before you rely on it" in html  # the unverified points, recomputed
    pdf = client.get(f"/requests/{saved.code}/letter.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert saved.reference in text
    eml = email.message_from_bytes(
        client.get(f"/requests/{saved.code}/letter.eml").content, policy=email.policy.default
    )
    assert eml["Subject"] == saved.subject
    assert eml.get_content().replace("\r\n", "\n") == saved.body
    assert client.get(f"/requests/{saved.code}/letter.txt").content.decode() == (
        f"Subject: {saved.subject}\n\n{saved.body}"
    )


def test_a_catalog_edit_never_rewrites_a_saved_letter(client, real_catalog, alice):
    client.force_login(alice)
    page = walk_to_preview(client)
    client.post("/requests/save/", {"state": state_of(page)})
    saved = PrivacyRequest.objects.get(owner=alice)
    body = saved.body
    Platform.objects.filter(slug="openai").delete()
    saved.refresh_from_db()
    assert saved.platform is None
    assert letter_of(saved).body == body
    assert client.get(f"/requests/{saved.code}/").status_code == 200


@pytest.mark.parametrize("suffix", ["", "letter.pdf", "letter.eml", "letter.txt"])
def test_bob_gets_404_on_every_url_of_alices_request(client, alice, bob, suffix):
    saved = saved_request(alice)
    client.force_login(bob)
    assert client.get(f"/requests/{saved.code}/{suffix}").status_code == 404


@pytest.mark.parametrize("suffix", ["", "letter.pdf"])
def test_strangers_are_sent_to_sign_in(client, alice, suffix):
    saved = saved_request(alice)
    response = client.get(f"/requests/{saved.code}/{suffix}")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_saving_needs_an_account_and_a_valid_letter(client, real_catalog, alice):
    page = walk_to_preview(client)
    response = client.post("/requests/save/", {"state": state_of(page)})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    client.force_login(alice)
    response = client.post("/requests/save/", {"state": "forged"}, follow=True)
    assert "nothing was saved" in response.content.decode()
    assert not PrivacyRequest.objects.exists()


def test_the_export_holds_each_request_and_its_letter_as_a_pdf(alice, bob):
    mine = saved_request(alice)
    saved_request(bob)
    document, files = exports.collect(alice)
    rows = json.loads(exports.to_json(document))["sections"]["requests"]
    assert [row["code"] for row in rows] == [str(mine.code)]
    assert rows[0]["body"] == mine.body
    assert rows[0]["letter_pdf"] == f"letter-{mine.code}.pdf"
    pdf = files[f"requests/letter-{mine.code}.pdf"]
    assert mine.reference in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    archive = zipfile.ZipFile(io.BytesIO(exports.build_zip(alice)))
    assert f"requests/letter-{mine.code}.pdf" in archive.namelist()


def test_closed_states_are_the_four_final_ones():
    assert PrivacyRequest.CLOSED == {"fulfilled", "partly_fulfilled", "refused", "withdrawn"}
    assert PrivacyRequest.Status.DRAFT == "draft"


def test_the_signed_in_preview_offers_saving_and_the_anonymous_one_does_not(
    client, real_catalog, alice
):
    client.get("/request/new/?platform=openai&want=object")
    post_step(client, "rights", {"rights": ["object"]})
    assert "Save to my tracker" not in walk_to_preview(client).content.decode()
    client.force_login(alice)
    assert "Save to my tracker" in walk_to_preview(client).content.decode()
