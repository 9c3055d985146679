"""A finished PDF is served about as fast as a static file, once access is checked.

The check costs the bare row and the kind's rule (``Document.access_object``), never the
prefetches printing needs; a browser that has the file gets ``304`` on asking again; the WSGI
server's file wrapper sends it, or nginx with ``DOWNLOADS_ACCEL_REDIRECT``.
"""

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory
from django.urls import reverse
from django.utils.http import http_date

from idswg.tests.factories import FinishedRenderFactory

pytestmark = pytest.mark.django_db

URL = reverse("render_download", kwargs={"key": "contact-list", "obj_id": 0})


def queries_of_a_download():
    """The session (none when Redis caches it), the user with their roles (one query), the render."""
    from django.conf import settings

    return (0 if settings.SESSION_ENGINE.endswith("cached_db") else 1) + 2


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_a_download_costs_the_session_the_user_and_the_render(secretariat, client_for, django_assert_num_queries):
    FinishedRenderFactory()
    client = client_for(secretariat)
    with django_assert_num_queries(queries_of_a_download()):
        response = client.get(URL)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_download_carries_an_etag_and_its_render_time(secretariat, client_for):
    job = FinishedRenderFactory()
    response = client_for(secretariat).get(URL)
    assert response["ETag"] == f'"{job.pk}-{job.input_hash[:20]}"'
    assert response["Last-Modified"] == http_date(job.finished_at.timestamp())
    assert response["Cache-Control"] == "private, no-store"  # never kept: drafts and contact lists
    assert response["Content-Disposition"] == 'attachment; filename="idswg-contact-list.pdf"'


def test_asking_again_with_the_etag_answers_304_without_a_body(secretariat, client_for, django_assert_num_queries):
    FinishedRenderFactory()
    client = client_for(secretariat)
    etag = client.get(URL)["ETag"]
    with django_assert_num_queries(queries_of_a_download()):
        response = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and response.content == b""


def test_asking_with_the_date_of_the_file_answers_304(secretariat, client_for):
    FinishedRenderFactory()
    client = client_for(secretariat)
    modified = client.get(URL)["Last-Modified"]
    assert client.get(URL, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304


def test_a_newer_render_is_sent_whole_to_a_browser_that_has_the_older_one(secretariat, client_for):
    FinishedRenderFactory()
    client = client_for(secretariat)
    old = client.get(URL)["ETag"]
    newer = FinishedRenderFactory()
    response = client.get(URL, HTTP_IF_NONE_MATCH=old)
    assert response.status_code == 200 and response["ETag"] == f'"{newer.pk}-{newer.input_hash[:20]}"'


def test_who_may_not_download_gets_403_even_with_the_etag(partner, secretariat, client_for):
    FinishedRenderFactory()
    etag = client_for(secretariat).get(URL)["ETag"]
    assert client_for(partner).get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 403


def test_the_wsgi_servers_file_wrapper_sends_the_file(secretariat, client_for):
    FinishedRenderFactory()
    cookies = client_for(secretariat).cookies
    environ = RequestFactory().get(URL).environ
    environ["HTTP_COOKIE"] = "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items())
    wrapped = []

    def file_wrapper(filelike, block_size=8192):  # what gunicorn offers (it sends with sendfile)
        wrapped.append(filelike)
        return [filelike.read()]

    environ["wsgi.file_wrapper"] = file_wrapper
    # As the test client does: the request's end must not close the test's database connection.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        body = WSGIHandler()(environ, lambda status, headers: None)
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)
    assert len(wrapped) == 1 and wrapped[0].fileno() >= 0
    assert b"".join(body).startswith(b"%PDF")
    wrapped[0].close()


def test_with_accel_redirect_nginx_sends_the_file_after_the_check(secretariat, partner, client_for, settings):
    settings.DOWNLOADS_ACCEL_REDIRECT = "/protected-media/"
    job = FinishedRenderFactory()
    response = client_for(secretariat).get(URL)
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == f"/protected-media/{job.output.name}"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="idswg-contact-list.pdf"'
    forbidden = client_for(partner).get(URL)
    assert forbidden.status_code == 403 and "X-Accel-Redirect" not in forbidden
