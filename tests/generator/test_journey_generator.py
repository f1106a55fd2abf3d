"""In a real browser: from a platform's page to a letter in hand, as PDF and .eml."""

from __future__ import annotations

import email
import email.policy
import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def read(download) -> bytes:
    with open(download.path(), "rb") as handle:
        return handle.read()


def test_from_a_platform_page_to_the_pdf_and_the_eml(page, screenshot, real_catalog):
    refused: list[str] = []
    page.on(
        "console",
        lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto("/platforms/openai/")
    page.get_by_role("complementary", name="Take action").get_by_role(
        "link", name="Stop training on my data"
    ).click()
    assert page.get_by_role("heading", level=2).inner_text() == "Step 2 of 5: What you want"
    assert page.get_by_label("Stop training on my data").is_checked()
    page.get_by_label("Delete my data").check()
    screenshot("what-you-want")
    page.get_by_role("button", name="Continue").click()

    page.wait_for_load_state()
    page.get_by_label("Country you live in").select_option("US")
    expect(page.get_by_label("State or province")).to_be_visible()
    page.get_by_label("Country you live in").select_option("IE")
    expect(page.get_by_label("State or province")).to_be_hidden()  # only for the US and Canada
    page.get_by_role("button", name="Continue").click()

    page.get_by_role("button", name="Show my letter").click()  # nothing filled in yet
    assert "Give your name" in page.locator("main").inner_text()
    page.get_by_label("Your full name").fill("Siobhán O'Connor")
    page.get_by_label("Email address of your account").fill("siobhan@example.org")
    page.get_by_label("Your postal address (optional)").fill("4 Quay Street\nGalway")
    screenshot("details")
    page.get_by_role("button", name="Show my letter").click()

    assert page.get_by_role("heading", level=2).inner_text() == "Step 5 of 5: Your letter"
    letter = page.locator("#letter-text").inner_text()
    assert "Art. 21(1) GDPR" in letter
    assert "Siobhán O'Connor" in letter
    expect(page.get_by_role("button", name="Copy the letter")).to_be_visible()  # with JavaScript
    assert "too long for a one-click email link" in page.locator("main").inner_text()
    screenshot("preview")

    with page.expect_download() as info:
        page.get_by_role("button", name="Download PDF letter").click()
    pdf = info.value
    assert re.fullmatch(r"request-letter-RD-\d{8}-[0-9A-F]{4}\.pdf", pdf.suggested_filename)
    reader = PdfReader(io.BytesIO(read(pdf)))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    assert "Siobhán O'Connor" in text
    assert "4 Quay Street" in text
    assert "Art. 17(1)(c) GDPR" in text
    assert round(float(reader.pages[0].mediabox.height)) == 842  # A4 for Ireland

    with page.expect_download() as info:
        page.get_by_role("button", name="Download email draft (.eml)").click()
    message = email.message_from_bytes(read(info.value), policy=email.policy.default)
    assert message["To"] == "dsar@openai.com"
    assert message["X-Unsent"] == "1"
    assert message["Subject"] == letter.split("\n", 1)[0].removeprefix("Subject: ")
    assert message.get_content().replace("\r\n", "\n").strip() == letter.split("\n\n", 1)[1].strip()
    assert refused == []
