"""Pages say what our research could not confirm calmly ("not confirmed"), never in the
reference's capitals, and point to addresses a person can follow; absurd dates are refused."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from apps.core.templatetags.notes import as_note, calm
from apps.tracker.services import request_record_event
from tests.letters.factories import saved_request
from tests.tracker.test_request_page import shown_again

pytestmark = pytest.mark.django_db

NOW = "2026-05-20 12:00:00+00:00"


@pytest.mark.parametrize(
    ("note", "shown", "unconfirmed"),
    [
        pytest.param(
            "Counting the extension as three months from receipt is the ICO's method, adopted "
            "for the EU; the EU method is UNVERIFIED (laws.md E7).",
            "Counting the extension as three months from receipt is the ICO's method, adopted "
            "for the EU; the EU method is not confirmed.",
            True,
            id="capitals-and-a-pointer-into-our-files",
        ),
        pytest.param(
            "No statutory acknowledgement deadline for rights requests (UNVERIFIED for the "
            "post-DUAA text).",
            "No statutory acknowledgement deadline for rights requests (not confirmed for the "
            "post-DUAA text).",
            True,
            id="in-brackets",
        ),
        pytest.param(
            "The CCPA does not define 'business day' (laws.md §3.3).",
            "The CCPA does not define 'business day'.",
            False,
            id="a-pointer-alone",
        ),
        pytest.param(
            "whether the ICO has been renamed the 'Information Commission' is UNVERIFIED",
            "Whether the ICO has been renamed the 'Information Commission' is not confirmed",
            True,
            id="starts-a-sentence",
        ),
    ],
)
def test_research_notes_read_calmly(note, shown, unconfirmed):
    assert calm(note) == shown
    assert as_note(note).unconfirmed is unconfirmed


def sent(user, on=date(2026, 3, 2), **letter):
    saved = saved_request(user, **letter)
    request_record_event(request=saved, kind="sent", on=on, today=date(2026, 5, 20))
    return saved


@pytest.mark.parametrize(
    "letter",
    [
        pytest.param({"rights": ("object", "delete")}, id="gdpr-ireland"),
        pytest.param({"rights": ("access",), "country": "GB"}, id="uk"),
        pytest.param(
            {"rights": ("delete", "opt-out-sale"), "country": "US", "region": "CA"}, id="ccpa"
        ),
    ],
)
@time_machine.travel(NOW, tick=False)
def test_request_pages_carry_no_research_capitals(alice_client, alice, letter):
    saved = sent(alice, **letter)
    page = alice_client.get(f"/requests/{saved.code}/").content.decode()
    assert "UNVERIFIED" not in page
    assert "laws.md" not in page
    assert "Check this before you rely on it" in page


@time_machine.travel(NOW, tick=False)
def test_the_unconfirmed_points_carry_a_calm_label(alice_client, alice):
    saved = sent(alice, rights=("object", "delete"))  # GDPR: the EU extension method
    page = alice_client.get(f"/requests/{saved.code}/").content.decode()
    assert '<span class="badge badge-unconfirmed">Not confirmed</span> ' in page
    assert "the EU method is not confirmed" in page


@time_machine.travel(NOW, tick=False)
def test_the_wizard_preview_carries_no_research_capitals(client, real_catalog):
    from tests.generator.helpers import walk_to_preview

    page = walk_to_preview(client, rights=("object", "delete")).content.decode()
    assert "UNVERIFIED" not in page
    assert "laws.md" not in page


@time_machine.travel(NOW, tick=False)
def test_the_icos_complaint_form_is_a_link_on_the_complaint_page(alice_client, alice):
    saved = sent(alice, rights=("access",), country="GB")
    request_record_event(
        request=saved, kind="follow_up_sent", on=date(2026, 4, 10), today=date(2026, 5, 20)
    )
    page = alice_client.get(f"/requests/{saved.code}/complaint/").content.decode()
    assert "Information Commissioner" in page
    note = page.split('id="authority-note"')[1].split("</p>")[0]
    assert '<a href="https://ico.org.uk/make-a-complaint/personal-information-complaint"' in note
    assert "UNVERIFIED" not in page
    assert "is not confirmed" in page


@time_machine.travel(NOW, tick=False)
def test_a_sending_date_before_the_letter_is_refused_on_the_page(alice_client, alice):
    saved = saved_request(alice, rights=("delete",))  # the letter is dated 31 Jan 2026
    response = alice_client.post(
        f"/requests/{saved.code}/events/sent/", {"sent-occurred_on": "1899-01-01"}
    )
    page = shown_again(alice_client, response, saved)  # back on the request's own page
    assert "Your letter is dated 31 Jan 2026, so it cannot have been sent on 1 Jan 1899." in page
    assert 'value="1899-01-01"' in page  # what was typed is kept
    saved.refresh_from_db()
    assert saved.status == "draft"
    assert not saved.events.exists()
    assert "46,691" not in alice_client.get("/requests/").content.decode()
