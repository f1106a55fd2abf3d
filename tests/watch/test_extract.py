"""What counts as the policy's text, and what does not count as a change."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from apps.watch.extract import (
    EmptyText,
    SelectorNotFound,
    UnreadablePage,
    UnsupportedContent,
    extract_text,
    normalize,
    readable_text,
    text_sha256,
)

PAGE = """<!doctype html><html><head><title>Privacy</title><style>p{color:red}</style>
<script>window.track("abc")</script></head><body>
<header><a href="/">Home</a> <nav>Products Pricing</nav></header>
<div id="cookie-banner">We use cookies. <button>Accept</button></div>
<main>
  <h1>Privacy Policy</h1>
  <p>Last updated: 4 June 2026</p>
  <p>We may use your <a href="/content">Content</a> to <b>train</b> our models.</p>
  <ul><li>Prompts</li><li>Images you upload</li></ul>
  <form><input name="csrf" value="x9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4"></form>
</main>
<footer>© 2026 Example Inc. Rendered at 10:42:13 UTC</footer>
</body></html>"""


def test_it_keeps_the_main_content_as_one_line_per_block():
    assert extract_text(PAGE) == "\n".join(
        [
            "Privacy Policy",
            "Last updated: 4 June 2026",
            "We may use your Content to train our models.",
            "Prompts",
            "Images you upload",
        ]
    )


def test_a_declared_selector_takes_only_that_part():
    assert extract_text(PAGE, "main ul") == "Prompts\nImages you upload"


def test_a_selector_that_matches_nothing_is_an_error_not_an_empty_policy():
    with pytest.raises(SelectorNotFound, match="#terms"):
        extract_text(PAGE, "#terms")


def test_without_main_it_falls_back_to_article_then_body():
    assert extract_text("<body><nav>x</nav><article><p>A</p></article><p>B</p></body>") == "A"
    assert extract_text("<body><nav>x</nav><p>B</p></body>") == "B"


def test_reformatted_markup_is_not_a_change():
    reformatted = PAGE.replace("<p>", "<p class='x'>\n   ").replace("</li><li>", "</li>\n\n<li>")
    assert text_sha256(extract_text(reformatted)) == text_sha256(extract_text(PAGE))


def test_a_new_render_time_or_tracking_token_is_not_a_change():
    a = "<main><p>Policy text.</p><p>Generated 2026-11-23T10:42:13Z for session a1b2c3d4e5f6a7b8c9d0e1f2a3b4</p></main>"
    b = "<main><p>Policy text.</p><p>Generated 2026-11-24T08:01:55Z for session 9z8y7x6w5v4u3t2s1r0q9p8o7n6m</p></main>"
    assert extract_text(a) == extract_text(b)


def test_a_changed_word_is_a_change():
    changed = PAGE.replace("to <b>train</b> our models", "to <b>train and sell</b> our models")
    assert text_sha256(extract_text(changed)) != text_sha256(extract_text(PAGE))


def test_a_changed_date_is_a_change():
    changed = PAGE.replace("4 June 2026", "1 December 2026")
    assert extract_text(changed) != extract_text(PAGE)


def test_invisible_characters_and_unicode_forms_do_not_count():
    assert normalize("caf\u0065\u0301 pol\u200bicy\u00a0text") == normalize("café policy text")


def test_bytes_in_any_state_are_decoded_without_crashing():
    assert extract_text(b"<main><p>ok \xff</p></main>") == "ok \ufffd"


words = st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=12)


@given(st.lists(st.lists(words, min_size=1, max_size=8), min_size=1, max_size=8))
def test_normalising_is_idempotent(paragraphs):
    text = "\n".join(" ".join(p) for p in paragraphs)
    once = normalize(text)
    assert normalize(once) == once


@given(
    st.lists(st.lists(words, min_size=1, max_size=8), min_size=1, max_size=8),
    st.sampled_from([" ", "\n  ", "\t", "  \n\n "]),
)
def test_whitespace_between_words_never_changes_the_hash(paragraphs, spacer):
    html = "".join("<p>" + " ".join(p) + "</p>" for p in paragraphs)
    spaced = "".join("<p>" + spacer.join(p) + "</p>\n" for p in paragraphs)
    assert text_sha256(extract_text(html)) == text_sha256(extract_text(spaced))


def test_a_response_is_decoded_by_its_declared_charset():
    body = "<main><p>Données personnelles</p></main>".encode("latin-1")
    assert readable_text(body, "text/html; charset=ISO-8859-1") == "Données personnelles"


def test_an_unknown_charset_falls_back_to_utf8():
    body = "<main><p>Données</p></main>".encode()
    assert readable_text(body, "text/html; charset=klingon") == "Données"


def test_plain_text_is_taken_as_it_is_one_line_per_line():
    body = b"Terms of Use\n\n  1. You may not   misuse the service.\n"
    assert readable_text(body, "text/plain") == "Terms of Use\n1. You may not misuse the service."


@pytest.mark.parametrize(
    ("body", "content_type", "error", "message"),
    [
        (b"%PDF-1.7", "application/pdf", UnsupportedContent, "application/pdf"),
        (b"<main><p>x</p></main>", "text/html", SelectorNotFound, "#terms"),
        (b"plain", "text/plain", SelectorNotFound, "plain text"),
        (
            b"<body><div id=root></div><script>app()</script></body>",
            "text/html",
            EmptyText,
            "JavaScript",
        ),
    ],
    ids=["pdf", "selector-missing", "selector-on-plain-text", "script-built-page"],
)
def test_unreadable_responses_are_refused_with_the_reason(body, content_type, error, message):
    selector = "#terms" if error is SelectorNotFound else ""
    with pytest.raises(error, match=message):
        readable_text(body, content_type, selector)
    assert issubclass(error, UnreadablePage)
