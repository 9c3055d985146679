"""The PDF pages: request a render, watch it with HTMX, download it, only when allowed."""

import pytest
from django.urls import reverse

from idswg import renders
from idswg.models import RenderJob

pytestmark = pytest.mark.django_db

KWARGS = {"key": "contact-list", "obj_id": 0}


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_requesting_a_pdf_answers_with_a_fragment_that_polls_until_done(secretariat, client_for):
    client = client_for(secretariat)
    # The task is queued for after the commit, which a test transaction never reaches.
    response = client.post(reverse("render_request", kwargs=KWARGS), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-hx-trigger="every 2s"' in html and reverse("render_status", kwargs=KWARGS) in html
    assert "Waiting for the PDF renderer" in html
    job = RenderJob.objects.get()
    assert job.state == RenderJob.State.QUEUED and job.requested_by == secretariat

    renders.run(job.pk)  # what the worker does
    html = client.get(reverse("render_status", kwargs=KWARGS)).content.decode()
    assert "hx-trigger" not in html
    assert reverse("render_download", kwargs=KWARGS) in html and "1 page" in html


def test_without_htmx_a_request_goes_back_to_the_page_it_came_from(secretariat, client_for):
    response = client_for(secretariat).post(reverse("render_request", kwargs=KWARGS), {"next": "/directory/"})
    assert response.status_code == 302 and response["Location"] == "/directory/"
    response = client_for(secretariat).post(reverse("render_request", kwargs=KWARGS), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("render_list")


def test_the_download_is_the_pdf_with_a_meaningful_file_name(secretariat, client_for):
    renders.run(renders.request_render("contact-list", 0).pk)
    response = client_for(secretariat).get(reverse("render_download", kwargs=KWARGS))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="idswg-contact-list.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_there_is_nothing_to_download_before_the_first_render(secretariat, client_for):
    assert client_for(secretariat).get(reverse("render_download", kwargs=KWARGS)).status_code == 404


def test_who_may_not_download_a_document_gets_403_and_anonymous_the_login(cochair, partner, client_for):
    renders.run(renders.request_render("contact-list", 0).pk)
    url = reverse("render_download", kwargs=KWARGS)
    assert client_for(cochair).get(url).status_code == 403
    assert client_for(partner).get(url).status_code == 403
    response = client_for(None).get(url)
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert client_for(cochair).post(reverse("render_request", kwargs=KWARGS)).status_code == 403
    assert not RenderJob.objects.filter(state=RenderJob.State.QUEUED).exists()


def test_an_unknown_document_or_object_is_404(secretariat, client_for):
    client = client_for(secretariat)
    assert client.get(reverse("render_status", kwargs={"key": "nothing", "obj_id": 0})).status_code == 404
    assert client.get(reverse("render_status", kwargs={"key": "contact-list", "obj_id": 7})).status_code == 404


def test_a_failed_render_shows_its_error_and_offers_to_try_again(secretariat, client_for):
    job = renders.request_render("contact-list", 0)
    RenderJob.objects.filter(pk=job.pk).update(
        state=RenderJob.State.FAILED, error="WeasyPrint ran out of paper", finished_at=job.requested_at
    )
    client = client_for(secretariat)
    html = client.get(reverse("render_status", kwargs=KWARGS)).content.decode()
    assert "WeasyPrint ran out of paper" in html and "Try again" in html
    client.post(reverse("render_request", kwargs=KWARGS), HTTP_HX_REQUEST="true")
    assert RenderJob.objects.filter(state=RenderJob.State.QUEUED).count() == 1


def test_the_secretariat_sees_every_render_with_its_timings(secretariat, client_for):
    renders.run(renders.request_render("contact-list", 0, secretariat).pk)
    html = client_for(secretariat).get(reverse("render_list")).content.decode()
    assert "IDSWG contact list" in html and "Ready" in html and str(secretariat) in html
