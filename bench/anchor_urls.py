"""The product's URLs plus two anchors the benchmark compares the portal's pages with."""

from django.http import HttpResponse
from django.urls import include, path

BODY = "<!doctype html><title>bare</title>" + "<p>" + "x" * 20_480 + "</p>"


def bare(request):
    """What Django costs with nothing of the portal: 20 kB of HTML, no session, no query."""
    return HttpResponse(BODY)


def bare_authenticated(request):
    """The same, once the session and the user are loaded (what every signed-in page pays)."""
    return HttpResponse(BODY if request.user.is_authenticated else "anonymous")


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/bare-authenticated/", bare_authenticated),
    path("", include("idswg.urls")),
]
