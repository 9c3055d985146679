"""The 400, 403, 404 and 500 pages, with DEBUG off as in production: the portal's layout and a
way back home. The 500 page needs neither the database nor a template context."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client, override_settings
from django.urls import path, reverse

from idswg.urls import urlpatterns as portal_urlpatterns


def _raises(exception):
    def view(request):
        raise exception

    return view


urlpatterns = [
    path("test-errors/400/", _raises(SuspiciousOperation("bad"))),
    path("test-errors/403/", _raises(PermissionDenied)),
    path("test-errors/500/", _raises(RuntimeError("boom"))),
    *portal_urlpatterns,
]
handler400 = "idswg.errors.bad_request"
handler500 = "idswg.errors.server_error"

# The 400 and 500 tests have no database: pytest-django refuses any query they would make.
pytestmark = pytest.mark.urls(__name__)


@pytest.fixture
def client(client):
    client.raise_request_exception = False
    return client


def assert_error_page(response, status, heading):
    html = response.content.decode()
    assert response.status_code == status
    assert f"Error {status}" in html and heading in html
    assert 'class="navbar navbar' in html and "site-footer" in html  # the portal's layout
    assert 'href="/"' in html and "Back to the home page" in html
    assert "Traceback" not in html and "boom" not in html


@override_settings(DEBUG=False)
def test_a_bad_request_gets_the_400_page(client):
    assert_error_page(client.get("/test-errors/400/"), 400, "The request could not be understood")


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_a_refused_page_gets_the_403_page_with_the_menu(client_for, partner):
    response = client_for(partner).get("/test-errors/403/")
    assert_error_page(response, 403, "You cannot open this page")
    assert "Log out" in response.content.decode()  # the full layout: the user's own menu


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_an_unknown_address_gets_the_404_page(client):
    assert_error_page(client.get("/no-such-page/"), 404, "This page does not exist")


@override_settings(DEBUG=False)
def test_a_crash_gets_the_500_page_without_touching_the_database(client):
    response = client.get("/test-errors/500/")
    assert_error_page(response, 500, "Something went wrong on our side")
    html = response.content.decode()
    assert 'href="/static/vendor/bootstrap/bootstrap.min.css"' in html and 'href="/static/css/portal.css"' in html


def test_the_500_page_renders_even_without_the_static_manifest(client, settings, tmp_path):
    # The failure of the issue: collected files without a manifest, so any {% static %} raises.
    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    assert_error_page(client.get("/test-errors/500/"), 500, "Something went wrong on our side")


@override_settings(DEBUG=False)
def test_the_stylesheets_the_500_page_links_are_served(client):
    for stylesheet in ("/static/vendor/bootstrap/bootstrap.min.css", "/static/css/portal.css"):
        assert client.get(stylesheet).status_code == 200


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_a_form_sent_without_its_csrf_token_gets_the_portals_403_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "someone", "password": "secret"})
    assert_error_page(response, 403, "The form could not be accepted")
    assert "reload the page and send the form again" in response.content.decode()
    assert "<style" not in response.content.decode()  # Django's own page has one, which the CSP refuses
