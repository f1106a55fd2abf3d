"""Every form a letter leaves in says the same thing: the PDF's text and page size, the .eml
parsed back with Python's email package, the mailto: link decoded, the web-form steps."""

from __future__ import annotations

import email
import email.policy
import io
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from pypdf import PdfReader

from apps.catalog.recipients import Recipient
from apps.letters import MAILTO_LIMIT, eml_bytes, mailto, pdf_bytes, web_routes, weekday_date
from apps.letters.content import paper_size, stored_letter
from apps.letters.pdf import parse_body
from tests.letters.factories import OPENAI_IE, letter

A4 = (595.28, 841.89)
US_LETTER = (612.0, 792.0)


def pdf_text(data: bytes) -> tuple[str, list[tuple[float, float]], PdfReader]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    sizes = [
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
        for p in reader.pages
    ]
    return text, sizes, reader


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(
    ("country", "region", "size"),
    [("IE", "", A4), ("GB", "", A4), ("US", "CA", US_LETTER), ("CA", "QC", US_LETTER)],
    ids=["ireland-a4", "uk-a4", "california-letter", "quebec-letter"],
)
def test_the_pdf_holds_the_letter_as_selectable_text_on_the_paper_of_the_country(
    country, region, size
):
    made = letter(rights=("object", "delete"), country=country, region=region)
    text, sizes, _reader = pdf_text(pdf_bytes(made))
    assert set(sizes) == {size}
    flat = squash(text)
    assert squash(made.subject) in flat
    assert f"Reference: {made.reference}" in flat
    assert "31 January 2026" in flat  # the date line
    assert "12 Harbour Road" in flat
    assert "OpenAI Ireland Limited" in flat
    for deadline in made.extra["plan"].governing:
        assert squash(weekday_date(deadline.due_on)) in flat
    assert (
        flat.endswith("Jane Doe")
        or "Jane Doe" in flat.splitlines()[-1]
        or "Jane Doe" in flat[-200:]
    )
    for paragraph in made.body.split("\n\n"):
        first_line = paragraph.split("\n")[0].removeprefix("- ")
        assert squash(first_line)[:60] in flat


def test_paper_is_us_letter_only_where_people_use_it():
    assert paper_size("US") == paper_size("CA") == "Letter"
    assert paper_size("IE") == paper_size("BR") == paper_size("JP") == "A4"


def test_the_pdf_embeds_its_own_font_so_it_never_depends_on_the_machine():
    _text, _sizes, reader = pdf_text(pdf_bytes(letter()))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, "the font is not embedded"
            fonts.add(str(font["/BaseFont"]).split("+", 1)[-1])
    assert fonts <= {"Letter-Sans", "Letter-Sans-Bold"}


def test_a_saved_letter_prints_exactly_its_stored_text():
    made = letter(rights=("object", "correct"), correction="Line one\nLine two “quoted”")
    saved = stored_letter(
        kind="request",
        subject=made.subject,
        body=made.body,
        reference=made.reference,
        dated=made.dated,
        recipient=made.recipient,
        requester=made.requester,
    )
    assert saved.body == made.body
    assert pdf_bytes(saved)[:4] == b"%PDF"
    blocks, closing, signature = parse_body(made.body)
    assert closing == "Yours faithfully,"
    assert signature == "Jane Doe"
    assert any(b.items for b in blocks)
    assert any(b.quote for b in blocks)


def test_the_eml_parses_back_into_the_same_subject_and_body():
    made = letter(rights=("object", "access"))
    message = email.message_from_bytes(eml_bytes(made), policy=email.policy.default)
    assert message["Subject"] == made.subject
    assert message["To"] == "dsar@openai.com"
    assert message["X-Unsent"] == "1"
    assert message["Date"] is not None
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert message.get_content().replace("\r\n", "\n") == made.body


# Any text the forms let through: every Unicode character but surrogates, controls and
# Unicode line/paragraph separators (the forms refuse controls and turn separators into line
# breaks), plus plain line breaks, quotes and angle brackets.
HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
        st.sampled_from(["\n", '"', "'", "<", ">", "&", "%", "?", "#", "="]),
    ),
    min_size=1,
    max_size=300,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=HOSTILE, username=HOSTILE, correction=HOSTILE)
def test_nothing_typed_can_add_a_header_to_the_eml_or_a_field_to_the_mailto(
    name, username, correction
):
    made = letter(
        rights=("correct",),
        full_name=name,
        username=username,
        correction=correction,
        recipient=Recipient(
            name=f"Evil\r\nBcc: x@evil.example {name}", email="dpo@company.example"
        ),
    )
    message = email.message_from_bytes(eml_bytes(made), policy=email.policy.default)
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
    assert message["To"] == "dpo@company.example"
    assert message.get_content().replace("\r\n", "\n") == made.body.replace("\r\n", "\n")
    url = mailto(made).url
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    assert parts.path == "dpo@company.example"
    fields = parse_qs(parts.query, keep_blank_values=True)
    assert sorted(fields) == ["body", "subject"]
    assert fields["subject"] == [made.subject]
    assert fields["body"][0].replace("\r\n", "\n") == made.body.replace("\r\n", "\n")
    assert not re.search(r"[\s#<>\"]", url)


def test_the_mailto_link_is_percent_encoded_with_crlf_line_breaks():
    made = letter()
    url = mailto(made).url
    assert url.startswith("mailto:dsar@openai.com?subject=")
    assert "%0D%0A%0D%0A" in url
    assert unquote(url.split("&body=", 1)[1]).replace("\r\n", "\n") == made.body


def test_a_link_too_long_for_mail_programs_is_flagged_and_a_short_one_is_not():
    long = mailto(letter(rights=("object", "delete", "access")))
    assert long.length > MAILTO_LIMIT
    assert not long.fits
    made = letter()
    brief = stored_letter(
        kind="request",
        subject=made.subject,
        body="Dear privacy team,\n\nPlease stop training on my chats.\n\nThanks,\nJane Doe\n",
        reference=made.reference,
        dated=made.dated,
        recipient=made.recipient,
        requester=made.requester,
    )
    short = mailto(brief)
    assert short.length <= MAILTO_LIMIT
    assert short.fits


def test_there_is_no_mailto_without_an_email_address():
    postal = Recipient(name="Midjourney", legal_entity="Midjourney, Inc.", postal_address="x")
    assert mailto(letter(recipient=postal)) is None


def test_a_platform_with_a_form_and_a_setting_gets_the_steps_and_the_text_to_paste():
    recipient = Recipient(
        name="OpenAI",
        web_form_url="https://privacy.openai.com/policies?modal=take-control",
        in_app_path="Settings → Data Controls → turn off “Improve the model for everyone”",
        platform_slug="openai",
    )
    made = letter(recipient=recipient)
    form, setting = web_routes(made)
    assert form.kind == "web-form"
    assert form.where.startswith("https://privacy.openai.com/")
    assert any("paste" in step for step in form.steps)
    assert form.paste == made.text
    assert setting.kind == "in-app"
    assert "Data Controls" in setting.steps[0]
    assert web_routes(letter(recipient=OPENAI_IE)) == []
