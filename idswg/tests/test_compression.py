"""Pages are sent compressed to a browser that accepts gzip; downloads are sent as they are."""

import gzip

import pytest
from django.urls import reverse

from idswg.tests.factories import FinishedRenderFactory

pytestmark = pytest.mark.django_db


def test_a_page_is_gzipped_for_a_browser_that_accepts_it(secretariat, client_for):
    response = client_for(secretariat).get(reverse("organisation_list"), HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200 and response["Content-Encoding"] == "gzip"
    assert b"</html>" in gzip.decompress(response.content)


def test_a_page_is_plain_for_a_client_that_does_not_ask_for_gzip(secretariat, client_for):
    response = client_for(secretariat).get(reverse("organisation_list"))
    assert "Content-Encoding" not in response and b"</html>" in response.content


def test_a_pdf_download_is_not_compressed_again_and_keeps_its_strong_etag(secretariat, client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    FinishedRenderFactory()
    url = reverse("render_download", kwargs={"key": "contact-list", "obj_id": 0})
    response = client_for(secretariat).get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in response and not response["ETag"].startswith("W/")
    response.close()
