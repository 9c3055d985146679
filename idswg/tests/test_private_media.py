"""Rendered PDFs and uploads have no public URL, with DEBUG on or off: only the download views
(which check who asks) serve them."""

import importlib

import pytest
from django.conf import settings as django_settings
from django.urls import clear_url_caches, reverse

from idswg import renders

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls_built_with(settings):
    """``urls_built_with(debug)``: the URL configuration as it is built with DEBUG on or off."""

    def build(debug):
        settings.DEBUG = debug
        importlib.reload(importlib.import_module(django_settings.ROOT_URLCONF))
        clear_url_caches()

    yield build
    settings.DEBUG = False
    importlib.reload(importlib.import_module(django_settings.ROOT_URLCONF))
    clear_url_caches()


@pytest.fixture
def rendered_contact_list(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    job = renders.request_render("contact-list", 0)
    renders.run(job.pk)
    job.refresh_from_db()
    assert (tmp_path / job.output.name).is_file()
    return job


@pytest.mark.parametrize("debug", [True, False], ids=["DEBUG on", "DEBUG off"])
def test_a_rendered_file_has_no_public_url(debug, urls_built_with, rendered_contact_list, client_for, secretariat):
    urls_built_with(debug)
    path = django_settings.MEDIA_URL + rendered_contact_list.output.name
    assert path.startswith("/media/renders/")
    assert client_for(None).get(path).status_code == 404
    assert client_for(secretariat).get(path).status_code == 404  # not even for the secretariat
    assert client_for(None).get("/media/").status_code == 404
    # The way to the file is the download view, which checks who asks.
    download = reverse("render_download", kwargs={"key": "contact-list", "obj_id": 0})
    assert client_for(secretariat).get(download).status_code == 200
    assert client_for(None).get(download).status_code == 302
