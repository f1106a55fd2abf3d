"""Follow-ups and complaints: what they must say (the original date, the deadline missed, the
provisions; the chronology, the enclosures, the competent authority), checked against golden
texts, and every output of the request letter works for them too."""

from __future__ import annotations

import email
import email.policy
import io
import os
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from apps.catalog.recipients import Recipient
from apps.deadlines import compute_deadline
from apps.letters import (
    TimelineLine,
    as_text,
    complaint_authorities,
    compose_complaint,
    compose_followup,
    eml_bytes,
    mailto,
    pdf_bytes,
)
from tests.letters.factories import OPENAI_IE, letter

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
SENT = date(2026, 3, 2)
TODAY = date(2026, 4, 20)


def gdpr_deadlines(rights=("object", "delete"), country="IE", company="IE", extended=False):
    return tuple(
        compute_deadline(
            "gdpr", right, SENT, country=country, company_country=company, extended=extended
        )
        for right in rights
    )


def original(**kwargs):
    return letter(rights=("object", "delete"), **kwargs)


def followup(**kwargs):
    defaults = {
        "original": original(),
        "sent_on": SENT,
        "deadlines": gdpr_deadlines(),
        "today": TODAY,
    }
    return compose_followup(**{**defaults, **kwargs})


def complaint(recipient=OPENAI_IE, **kwargs):
    first = original(recipient=recipient)
    deadlines = gdpr_deadlines()
    defaults = {
        "original": first,
        "timeline": [
            TimelineLine(SENT, "I sent my request to OpenAI Ireland Limited."),
            TimelineLine(date(2026, 4, 8), "I sent OpenAI Ireland Limited a follow-up."),
        ],
        "deadlines": deadlines,
        "authority": complaint_authorities(deadlines, recipient)[0],
        "today": TODAY,
        "enclosures": ("my request of 2 March 2026", "my follow-up of 8 April 2026"),
        "status_sentence": "As of 20 April 2026 I have received no answer.",
    }
    return compose_complaint(**{**defaults, **kwargs})


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden text {name}: run with UPDATE_GOLDEN=1, read it, commit it"
    assert text == path.read_text(encoding="utf-8")


def test_the_follow_up_matches_its_golden_text():
    check_golden("followup-gdpr-overdue.txt", as_text(followup()))


def test_the_complaint_matches_its_golden_text():
    check_golden("complaint-gdpr.txt", as_text(complaint()))


def test_a_follow_up_cites_the_original_date_the_deadline_missed_and_the_provisions():
    text = followup().text
    first = original()
    assert "On 2 March 2026 I sent you a request" in text
    assert first.reference in text
    assert first.subject in text
    assert "due by Thursday 2 April 2026" in text
    assert "GDPR Art. 12(3)" in text
    assert "I intend to complain to Data Protection Commission (DPC)" in text
    assert text.rstrip().endswith("Jane Doe")


def test_a_follow_up_to_an_incomplete_reply_asks_for_the_rest():
    text = followup(answered_on=date(2026, 3, 30), incomplete=True).text
    assert "Your reply of 30 March 2026 does not answer everything I asked for." in text
    assert "I have not received your answer" not in text


def test_a_follow_up_after_a_valid_extension_cites_the_extended_date():
    text = followup(deadlines=gdpr_deadlines(extended=True)).text
    assert "due by Tuesday 2 June 2026 (as extended)" in text


def test_without_a_statute_a_follow_up_states_no_deadline():
    none = compute_deadline("none", "access", SENT, country="JP")
    made = followup(deadlines=(none,))
    assert "The law required" not in made.text
    assert "I have not received your answer" in made.text
    assert made.notes == ("No statute sets a deadline for this request: the letter cites none.",)


@pytest.mark.parametrize(
    ("regime", "country", "region", "recipient", "first"),
    [
        pytest.param("gdpr", "FR", "", OPENAI_IE, "Commission nationale", id="gdpr-own-authority"),
        pytest.param(
            "gdpr",
            "FR",
            "",
            Recipient(
                name="ChatGPT",
                lead_authority="Data Protection Commission",
                lead_authority_country="IE",
                platform_slug="openai",
            ),
            "Data Protection Commission (DPC)",
            id="gdpr-lead-authority-first",
        ),
        pytest.param(
            "gdpr",
            "FR",
            "",
            Recipient(
                name="X",
                lead_authority="Some Authority",
                lead_authority_country="LU",
                platform_slug="x",
            ),
            "Some Authority",
            id="gdpr-lead-authority-not-in-reference",
        ),
        pytest.param(
            "uk-gdpr", "GB", "", OPENAI_IE, "Information Commissioner's Office (ICO)", id="uk"
        ),
        pytest.param(
            "ccpa",
            "US",
            "CA",
            OPENAI_IE,
            "California Privacy Protection Agency (CalPrivacy)",
            id="california",
        ),
        pytest.param("us-va", "US", "VA", OPENAI_IE, "Virginia Attorney General", id="virginia"),
        pytest.param(
            "pipeda",
            "CA",
            "ON",
            OPENAI_IE,
            "Office of the Privacy Commissioner of Canada (OPC)",
            id="canada",
        ),
    ],
)
def test_the_complaint_goes_to_the_competent_authority(regime, country, region, recipient, first):
    deadlines = (
        compute_deadline(
            regime,
            "access",
            SENT,
            country=country,
            region=region,
            company_country="IE" if regime == "gdpr" else None,
        ),
    )
    authorities = complaint_authorities(deadlines, recipient)
    assert authorities[0].name.startswith(first)
    if regime == "ccpa":
        assert [a.name for a in authorities][1] == "California Attorney General"
    if first == "Some Authority":
        assert authorities[0].unverified == "its complaint page is not in our reference"


def test_no_authority_for_a_request_no_law_covers():
    none = compute_deadline("none", "access", SENT, country="JP")
    assert complaint_authorities((none,), OPENAI_IE) == ()


def test_the_complaint_states_the_chronology_the_deadlines_and_the_enclosures():
    made = complaint()
    text = made.text
    assert made.recipient.name == "Data Protection Commission (DPC)"  # the person's own, in IE
    assert "- 2 March 2026: I sent my request to OpenAI Ireland Limited." in text
    assert "- 8 April 2026: I sent OpenAI Ireland Limited a follow-up." in text
    assert "due by Thursday 2 April 2026" in text
    assert "Enclosed:\n- my request of 2 March 2026\n- my follow-up of 8 April 2026" in text
    assert "My details: Jane Doe" in text
    # Where to file it is for the page, not the letter.
    authority = made.extra["authority"]
    assert authority.complaint_url
    assert authority.complaint_url not in text


def test_follow_ups_and_complaints_leave_in_every_form():
    for made in (followup(), complaint()):
        parsed = email.message_from_bytes(eml_bytes(made), policy=email.policy.default)
        assert parsed["Subject"] == made.subject
        assert parsed["X-Unsent"] == "1"
        assert parsed.get_content().replace("\r\n", "\n").strip() == made.body.strip()
        pages = PdfReader(io.BytesIO(pdf_bytes(made))).pages
        assert "Jane Doe" in "".join(page.extract_text() for page in pages)
    assert mailto(followup()).url.startswith("mailto:dsar@openai.com?subject=Follow-up")
    assert mailto(complaint()) is None  # authorities take complaints through their pages


def test_a_company_name_cannot_add_an_email_header():
    sly = Recipient(
        name="Evil\r\nBcc: x@example.org", legal_entity="Evil Ltd", email="a@example.org"
    )
    made = followup(original=original(recipient=sly))
    parsed = email.message_from_bytes(eml_bytes(made), policy=email.policy.default)
    assert parsed["Bcc"] is None
