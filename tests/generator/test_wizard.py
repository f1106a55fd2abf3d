"""The request wizard, step by step, as a browser without JavaScript drives it: it keeps what
was typed on every error, honours the catalog's links, prefills a signed-in person's details
and, for an anonymous person, stores nothing anywhere."""

from __future__ import annotations

import base64
import email
import email.policy
import io
import re
from html import unescape

import pytest
import time_machine
from django.apps import apps
from django.core import signing
from django.db import connection
from pypdf import PdfReader

from apps.generator import wizard
from tests.generator.helpers import (
    DETAILS,
    current_state,
    post_step,
    state_of,
    step_of,
    walk_to_preview,
)

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))


def letter_of(response) -> str:
    found = re.search(
        r'<pre class="letter-text" id="letter-text">(.*?)</pre>', response.content.decode(), re.S
    )
    assert found, "no letter on the page"
    return unescape(found.group(1))


def test_it_starts_at_the_recipient_and_lists_the_catalog(client, real_catalog):
    page = client.get("/request/new/", follow=True)
    html = page.content.decode()
    assert page.status_code == 200
    assert page.redirect_chain == [("/request/new/recipient/", 303)]
    assert "Step 1 of 5: Who to write to" in html
    assert 'value="openai"' in html
    assert "A company that is not listed" in html


def test_a_platform_button_opens_the_wizard_at_what_you_want_with_it_ticked(client, real_catalog):
    page = client.get("/request/new/?platform=openai&want=object", follow=True)
    html = page.content.decode()
    assert page.redirect_chain == [("/request/new/rights/", 303)]
    assert "Step 2 of 5: What you want" in html
    assert re.search(r'<input type="checkbox" name="rights" value="object"[^>]*checked', html)
    assert "To <strong>OpenAI</strong>" in html


def test_an_unknown_platform_or_right_in_the_link_is_ignored_politely(client, real_catalog):
    page = client.get("/request/new/?platform=nope&want=everything", follow=True)
    assert page.status_code == 200
    assert "not in our catalog" in text_of(page)
    assert "Step 1 of 5" in page.content.decode()


def test_recipient_custom_opens_the_custom_company_form_with_the_name_filled(client, real_catalog):
    page = client.get("/request/new/?platform=clipdrop&want=object&recipient=custom", follow=True)
    html = page.content.decode()
    assert re.search(r'value="custom"[^>]*checked', html)
    assert 'name="custom-name"' in html
    assert 'value="Clipdrop"' in html


def test_the_whole_walk_ends_with_the_letter_and_every_way_to_send_it(client, real_catalog):
    page = walk_to_preview(client, rights=("object", "delete"))
    text = text_of(page)
    body = letter_of(page)
    assert "Art. 21(1) GDPR" in body
    assert "Art. 17(1)(c) GDPR" in body
    assert "Jane Doe" in body
    assert "dsar@openai.com" in text
    assert "Download PDF letter" in text
    assert "Download email draft (.eml)" in text
    assert "Through their web form" in text
    assert "Through the setting in the app" in text
    assert "Save to my tracker" not in text  # anonymous
    assert "create an account" in text


@pytest.mark.parametrize(
    ("step", "data", "message"),
    [
        ("recipient", {"platform": ""}, "Choose a platform"),
        ("recipient", {"platform": "not-a-platform"}, "choose one from the list"),
        (
            "recipient",
            {"platform": "custom", "custom-name": ""},
            "Give the company's or the service's name",
        ),
        ("rights", {}, "Choose at least one thing"),
        ("place", {"country": ""}, "Choose the country you live in"),
        ("place", {"country": "US", "region": ""}, "Choose your state or province"),
        ("place", {"country": "US", "region": "QC"}, "not in the country you chose"),
    ],
    ids=[
        "no-platform",
        "unknown-platform",
        "custom-without-name",
        "no-right",
        "no-country",
        "us-without-state",
        "wrong-region",
    ],
)
def test_each_step_says_what_is_missing_at_its_own_address(
    client, real_catalog, step, data, message
):
    client.get("/request/new/")
    order = ["recipient", "rights", "place"]
    answers = {"recipient": {"platform": "openai"}, "rights": {"rights": ["object"]}, "place": {}}
    for earlier in order[: order.index(step)]:
        post_step(client, earlier, answers[earlier])
    response = client.post(f"/request/new/{step}/", data)
    assert response.status_code == 303
    assert response["Location"] == f"/request/new/{step}/"  # the page's own address
    page = client.get(response["Location"])
    assert message in text_of(page)
    html = page.content.decode()
    assert re.search(r"<title>Error: ", html)
    assert 'class="error-summary"' in html
    assert text_of(page).count(message) == 2  # in the summary, and at the field


def test_a_detail_error_keeps_everything_typed_and_the_earlier_answers(client, real_catalog):
    client.get("/request/new/?platform=openai&want=access")
    post_step(client, "rights", {"rights": ["access", "correct"]})
    post_step(client, "place", {"country": "US", "region": "CA"})
    typed = {
        "full_name": "Zoë “Z” O'Brien <script>",
        "account_email": "not an email",
        "username": "zoe",
        "postal_address": "1 Main St\nSpringfield",
        "correction": "",
    }
    page = post_step(client, "details", typed)
    assert step_of(page) == "Details that identify you"
    html = page.content.decode()
    assert "That does not look like an email address" in text_of(page)
    assert "Say what is wrong and what it should say" in text_of(page)
    assert "There are 2 problems" in text_of(page)  # every invalid field at once
    assert "Zoë “Z” O&#x27;Brien &lt;script&gt;" in html
    assert "<script>" not in html.split("<main", 1)[1].split("</main>")[0]
    assert "1 Main St\nSpringfield" in unescape(html)
    state = current_state(client)
    assert state["rights"] == ["access", "correct"]
    assert (state["country"], state["region"]) == ("US", "CA")
    # Reloading shows the same answers and errors; nothing is posted again.
    again = client.get("/request/new/details/")
    assert "There are 2 problems" in text_of(again)
    assert "Zoë “Z” O&#x27;Brien &lt;script&gt;" in again.content.decode()


def test_every_problem_of_a_step_is_reported_at_once(client, real_catalog):
    client.get("/request/new/?platform=openai&want=object")
    post_step(client, "rights", {"rights": ["object"]})
    post_step(client, "place", {"country": "IE"})
    page = post_step(client, "details", {"full_name": "", "account_email": "", "username": ""})
    text = text_of(page)
    assert "There are 2 problems" in text
    assert "Give your name" in text
    assert "Give the email address of your account or your username" in text
    assert 'href="#id_full_name"' in page.content.decode()
    assert 'href="#id_account_email"' in page.content.decode()


def test_a_custom_company_with_several_mistakes_gets_each_one_named_once(client, real_catalog):
    client.get("/request/new/?want=delete&recipient=custom")
    page = post_step(
        client,
        "recipient",
        {"platform": "custom", "custom-name": "", "custom-web_form_url": "not a url"},
    )
    text = text_of(page)
    assert "Give the company's or the service's name" in text
    assert text.count("That does not look like a web address") == 2  # summary + field, once each
    assert "Enter a valid URL" not in text
    assert "Give an email address or a postal address" in text


def test_going_back_keeps_what_was_typed_in_the_step_being_left(client, real_catalog):
    walk_to_preview(client)
    page = client.get("/request/new/details/")
    assert step_of(page) == "Details that identify you"
    page = post_step(client, "details", {**DETAILS, "full_name": "Half typed"}, action="back")
    assert step_of(page) == "Where you live"
    assert current_state(client)["full_name"] == "Half typed"


def test_every_post_redirects_and_every_step_has_its_own_address(client, real_catalog):
    client.get("/request/new/")
    for step, data, lands in [
        ("recipient", {"platform": "anthropic"}, "/request/new/rights/"),
        ("rights", {"rights": ["delete"]}, "/request/new/place/"),
        ("place", {"country": "GB"}, "/request/new/details/"),
        ("details", DETAILS, "/request/new/preview/"),
    ]:
        response = client.post(f"/request/new/{step}/", data)
        assert (response.status_code, response["Location"]) == (303, lands)
    preview = client.get("/request/new/preview/")
    assert "Step 5 of 5: Your letter" in preview.content.decode()
    assert letter_of(client.get("/request/new/preview/")) == letter_of(preview)  # reload
    # A step reached from the preview goes back to it once answered.
    response = client.post("/request/new/place/", {"country": "FR"})
    assert response["Location"] == "/request/new/preview/"


def test_a_later_step_cannot_be_reached_before_the_earlier_ones(client, real_catalog):
    client.get("/request/new/?platform=openai")
    response = client.get("/request/new/details/")
    assert (response.status_code, response["Location"]) == (303, "/request/new/rights/")
    assert client.get("/request/new/nonsense/").status_code == 404


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("full_name", "x" * 201, "under 200 characters"),
        ("full_name", "Jane\nBcc: evil@example.org", "must be on one line"),
        ("full_name", "Jane\x07Doe", "control characters"),
        ("full_name", "Jane \u202eeoD", "text-direction characters"),
        ("username", "a\r\nSubject: hi", "must be on one line"),
        ("username", "a\u2028Subject: hi", "must be on one line"),
        ("account_email", "jane@example.org\r\nBcc: evil@example.org", "email address"),
        ("postal_address", "line\n" * 12, "8 lines or fewer"),
        ("postal_address", "x" * 501, "under 500 characters"),
    ],
    ids=[
        "long-name",
        "newline-name",
        "control-name",
        "bidi-name",
        "newline-username",
        "separator-username",
        "header-in-email",
        "many-lines",
        "long-address",
    ],
)
def test_bad_input_is_bounded_with_a_clear_message(client, real_catalog, field, value, message):
    client.get("/request/new/?platform=openai&want=object")
    post_step(client, "rights", {"rights": ["object"]})
    post_step(client, "place", {"country": "IE"})
    page = post_step(client, "details", {**DETAILS, field: value})
    assert step_of(page) == "Details that identify you"
    assert message in text_of(page)


def test_any_unicode_and_markup_reach_every_output_escaped(client, real_catalog):
    name = 'Łukasz 王 O\'Neil "<b>bold</b>" & <img src=x onerror=alert(1)>'
    page = walk_to_preview(client, details={**DETAILS, "full_name": name, "username": "<u>me</u>"})
    html = page.content.decode()
    main = html.split("<main", 1)[1]
    assert "<img src=x" not in main
    assert "<b>bold</b>" not in main
    assert name in letter_of(page)
    state = state_of(page)
    eml = client.post("/request/new/letter.eml", {"state": state})
    message = email.message_from_bytes(eml.content, policy=email.policy.default)
    assert name in message.get_content()
    assert sorted(message.keys()) == sorted(
        [
            "To",
            "Subject",
            "Date",
            "X-Unsent",
            "Content-Type",
            "Content-Transfer-Encoding",
            "MIME-Version",
        ]
    )
    pdf = client.post("/request/new/letter.pdf", {"state": state})
    assert pdf.content.startswith(b"%PDF")
    # The shipped font has no CJK glyphs: the page says so before anyone prints boxes.
    assert "The PDF's font cannot draw 王" in text_of(page)


def test_names_in_the_scripts_the_font_covers_print_in_the_pdf_as_typed(client, real_catalog):
    name = 'Łukasz Ødegård-Ελένη Кузнецова "<b>bold</b>" & <i>'
    page = walk_to_preview(client, details={**DETAILS, "full_name": name})
    assert "cannot draw" not in text_of(page)
    pdf = client.post("/request/new/letter.pdf", {"state": state_of(page)})
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert name in text


def test_the_downloads_are_posts_that_render_from_the_submitted_answers(client, real_catalog):
    page = walk_to_preview(client, country="US", region="CA")
    state = state_of(page)
    assert client.get("/request/new/letter.pdf").status_code == 405
    pdf = client.post("/request/new/letter.pdf", {"state": state})
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert re.fullmatch(
        r'attachment; filename="request-letter-RD-\d{8}-[0-9A-F]{4}\.pdf"',
        pdf["Content-Disposition"],
    )
    assert pdf["Cache-Control"] == "no-store"
    reader = PdfReader(io.BytesIO(pdf.content))
    assert round(float(reader.pages[0].mediabox.width)) == 612  # US Letter for California
    eml = client.post("/request/new/letter.eml", {"state": state})
    message = email.message_from_bytes(eml.content, policy=email.policy.default)
    assert message["Subject"] == letter_of(page).split("\n", 1)[0].removeprefix("Subject: ")
    assert message.get_content().replace("\r\n", "\n") == letter_of(page).split("\n\n", 1)[1]
    text = client.post("/request/new/letter.txt", {"state": state})
    assert text.content.decode() == letter_of(page)


def test_a_person_in_a_place_without_a_privacy_law_is_told_no_statutory_deadline_applies(
    client, real_catalog
):
    # Japan now has the APPI (issue 15); China is a place our rules do not model.
    page = walk_to_preview(client, country="CN", platform="midjourney", rights=("delete",))
    text = text_of(page)
    assert "No statutory deadline applies." in text
    assert "courtesy date, not a legal one" in text
    assert "not relying on a privacy law" in letter_of(page)


def row_counts() -> dict[str, int]:
    """Rows in every table of the database, sessions and cache included."""
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - table names from the schema
            counts[table] = cursor.fetchone()[0]
    return counts


def test_a_tampered_or_foreign_state_is_refused_with_a_fresh_start(client, real_catalog):
    forged = signing.dumps({"platform": "openai"}, salt="another.salt")
    assert client.post("/request/new/letter.pdf", {"state": forged}).status_code == 400
    assert client.post("/request/new/letter.pdf", {"state": "garbage"}).status_code == 400
    client.cookies["rd_letter"] = "not-what-the-server-wrote"
    client.cookies["rd_letter"]["path"] = "/request/"
    page = client.get("/request/new/details/", follow=True)
    assert page.redirect_chain[-1][0] == "/request/new/recipient/"  # nothing usable: start


def test_a_custom_recipient_gets_the_letter_at_the_address_given(client, real_catalog):
    client.get("/request/new/?want=delete&recipient=custom")
    page = post_step(
        client,
        "recipient",
        {
            "platform": "custom",
            "custom-name": "Acme Pictures",
            "custom-legal_entity": "Acme Pictures GmbH",
            "custom-email": "privacy@acme.example",
            "custom-country": "DE",
        },
    )
    assert "Step 2 of 5" in page.content.decode()
    post_step(client, "rights", {"rights": ["delete"]})
    post_step(client, "place", {"country": "US", "region": "TX"})
    page = post_step(client, "details", DETAILS)
    body = letter_of(page)
    assert "privacy@acme.example" in text_of(page)
    assert "Texas Data Privacy and Security Act" in body
    assert "GDPR" in body  # the German establishment is the controller: the GDPR applies too
    assert "as a user of" not in body


def test_a_signed_in_person_starts_with_their_profile_and_can_save(client, real_catalog, alice):
    profile = alice.profile
    profile.full_name = "Alice Liddell"
    profile.postal_address = "1 Rabbit Hole\nOxford"
    profile.country = "GB"
    profile.save()
    client.force_login(alice)
    client.get("/request/new/?platform=anthropic&want=object")
    state = current_state(client)
    assert state["full_name"] == "Alice Liddell"
    assert state["country"] == "GB"
    post_step(client, "rights", {"rights": ["object"]})
    page = post_step(client, "place", {"country": "GB", "region": ""})
    assert 'value="Alice Liddell"' in page.content.decode()
    page = post_step(
        client,
        "details",
        {"full_name": "Alice Liddell", "account_email": "alice@example.org"},
    )
    assert "Save to my tracker" in text_of(page)
    assert "UK GDPR" in letter_of(page)
    assert not client.cookies.get("rd_letter") or not client.cookies["rd_letter"].value


def test_an_anonymous_walk_stores_nothing_on_the_server(client, real_catalog):
    models = {m._meta.db_table for m in apps.get_models(include_auto_created=True)}
    before = row_counts()
    assert "django_session" in before
    assert models <= set(before)
    client.get("/request/new/?platform=openai&want=object")
    post_step(client, "rights", {"rights": ["object", "correct"]})
    post_step(client, "place", {"country": "XX"})  # an error on the way
    post_step(client, "place", {"country": "FR"})
    post_step(client, "details", {**DETAILS, "correction": "The year is wrong."})
    post_step(client, "details", {**DETAILS, "correction": "The year is wrong."}, action="back")
    page = walk_to_preview(client, platform="openai", rights=("object", "access"))
    state = state_of(page)
    for suffix in ("pdf", "eml", "txt"):
        assert client.post(f"/request/new/letter.{suffix}", {"state": state}).status_code == 200
    assert row_counts() == before
    # No session: the answers are in one cookie, encrypted, for the wizard's pages only.
    assert set(client.cookies) == {"csrftoken", "rd_letter"}
    cookie = client.cookies["rd_letter"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/request/"
    assert int(cookie["max-age"]) == 2 * 60 * 60
    token = cookie.value.encode()
    readable = token + base64.urlsafe_b64decode(token + b"=" * (-len(token) % 4))
    for typed in (b"Jane", b"jane@example.org", b"Harbour", b"openai"):
        assert typed not in readable


def test_searching_narrows_the_platform_list_and_keeps_the_answers(client, real_catalog):
    client.get("/request/new/?want=access")
    page = client.get("/request/new/recipient/", {"q": "gemini"})
    html = page.content.decode()
    assert 'value="google-gemini"' in html
    assert 'value="openai"' not in html
    assert 'value="custom"' in html  # the way out is always offered
    assert current_state(client)["rights"] == ["access"]


def test_the_search_is_its_own_form_so_enter_on_a_platform_continues(client, real_catalog):
    html = client.get("/request/new/", follow=True).content.decode()
    wizard_form = html.split('class="wizard-form"', 1)[1]
    own = [b for b in re.findall(r"<button[^>]*>", wizard_form) if 'form="' not in b]
    assert 'value="next"' in own[0]  # the form's first submit button is its default: Continue
    assert re.search(r'<input type="search" name="q"[^>]*form="platform-search"', html)
    assert re.search(r'<button type="submit"[^>]*form="platform-search"', html)


def test_a_catalog_platform_without_a_documented_contact_says_so_and_offers_to_add_one(
    client, real_catalog
):
    page = walk_to_preview(client, platform="clipdrop", country="IE")
    assert "No documented contact for Clipdrop" in text_of(page)
    assert "we will not guess an address" in text_of(page)
    assert 'href="/request/new/contact/"' in page.content.decode()


@pytest.mark.parametrize(
    ("when", "answers", "dated"),
    [
        ("2026-09-01 20:00Z", {"country": "JP"}, "RD-20260902-"),  # one zone: 05:00 on the 2nd
        (
            "2026-09-01 20:00Z",
            {"country": "US", "region": "CA", "tz": "Asia/Tokyo"},
            "RD-20260902-",
        ),
        # 00:30 in New York, 21:30 in Los Angeles, and the server (UTC) already on the 2nd.
        ("2026-09-02 04:30Z", {"country": "US", "region": "CA"}, "RD-20260901-"),
        ("2026-09-01 20:00Z", {"country": "AU", "region": ""}, "RD-20260902-"),
    ],
    ids=["the-country", "the-browser", "several-zones-earliest", "several-zones-agree"],
)
def test_an_anonymous_letter_is_dated_by_the_persons_own_day(
    client, real_catalog, when, answers, dated
):
    state = {
        "platform": "openai",
        "rights": ["delete"],
        "region": "",
        **answers,
        "full_name": "Ken Sato",
        "account_email": "ken@example.org",
    }
    with time_machine.travel(when, tick=False):
        text = client.post("/request/new/letter.txt", {"state": wizard.dumps(state)})
    assert text.status_code == 200
    assert dated in text.content.decode()  # the reference carries the letter's date
