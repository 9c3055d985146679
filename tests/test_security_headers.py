"""Every response carries a Content-Security-Policy and a Permissions-Policy; every response a view
makes (pages, exports, downloads) says ``Cache-Control: private, no-store``; static files keep theirs.

The browser journeys (tests/browser) prove that no page breaks the policy.
"""

import re

import pytest
from django.urls import reverse

from idswg import renders
from meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def policy_of(response):
    """The CSP header as ``{directive: [sources]}``."""
    directives = (part.split() for part in response["Content-Security-Policy"].split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def test_a_page_allows_scripts_styles_fonts_and_images_from_the_portal_only(client):
    policy = policy_of(client.get(reverse("login")))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["font-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]  # Bootstrap's and Trix's icons inside their CSS
    assert policy["style-src"][0] == "'self'" and all(s.startswith("'nonce-") for s in policy["style-src"][1:])
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    every_source = [source for sources in policy.values() for source in sources]
    assert not [s for s in every_source if "unsafe" in s or s == "*" or s.startswith(("http", "https"))]


def test_the_only_style_nonce_is_the_one_trix_is_given(client):
    response = client.get(reverse("login"))
    [nonce] = re.findall(r'<meta name="trix-csp-nonce" content="" nonce="([^"]+)">', response.text)
    assert policy_of(response)["style-src"] == ["'self'", f"'nonce-{nonce}'"]
    another = client.get(reverse("login"))
    assert policy_of(another)["style-src"] != policy_of(response)["style-src"]  # a fresh nonce per response


def test_pages_carry_no_inline_script_handler_or_style_attribute(client_for, secretariat):
    html = client_for(secretariat).get(reverse("home")).text
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert not re.search(r"\son[a-z]+=|\sstyle=|javascript:", html)


def test_every_response_turns_off_camera_microphone_and_location(client):
    policy = client.get(reverse("login"))["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


def test_a_signed_in_page_is_neither_cached_nor_stored(client_for, partner):
    response = client_for(partner).get(reverse("home"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_an_export_is_neither_cached_nor_stored(client_for, secretariat):
    meeting = MeetingFactory()
    response = client_for(secretariat).get(reverse("meetings:participants_csv", args=[meeting.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response["Cache-Control"] == "private, no-store"


def test_a_pdf_download_is_neither_cached_nor_stored(client_for, secretariat, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    renders.run(renders.request_render("contact-list", 0).pk)
    response = client_for(secretariat).get(reverse("render_download", kwargs={"key": "contact-list", "obj_id": 0}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"


def test_a_view_that_lets_a_shared_cache_keep_it_is_overruled(client_for, secretariat, settings):
    settings.ROOT_URLCONF = "tests.public_cache_urls"
    assert client_for(secretariat).get("/cached/")["Cache-Control"] == "private, no-store"


def test_a_view_that_chose_a_private_cache_keeps_its_header(client):
    # The login page is never_cache, which says private and no-store itself.
    cache_control = client.get(reverse("login"))["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


def test_static_files_keep_their_own_cache_headers(client):
    response = client.get("/static/css/portal.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
