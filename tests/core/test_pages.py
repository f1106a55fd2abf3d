import pytest

pytestmark = pytest.mark.django_db


def test_the_home_page_says_what_the_app_does_in_two_sentences(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Take back your prompts and images</h1>" in html
    assert "what each AI platform does with what you type and upload" in html
    assert "keeps track of the company's deadline to answer" in html


def test_every_page_says_it_is_not_legal_advice(client):
    html = client.get("/").content.decode()
    assert "Not legal advice." in html


def test_the_layout_is_accessible_by_construction(client):
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert 'href="#main"' in html  # the skip link…
    assert 'id="main"' in html  # …and its target
    assert '<nav class="site-nav" aria-label="Main">' in html
    assert '<meta name="viewport"' in html


def test_a_missing_page_is_a_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_pages_refuse_framing_and_keep_the_referrer_on_our_site(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
