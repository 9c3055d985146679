"""A view that asks shared caches to keep its answer, for tests/test_security_headers.py."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import cache_control


@cache_control(public=True, max_age=3600)
def cached(request):
    return HttpResponse("a page a proxy would keep for an hour")


urlpatterns = [path("cached/", cached)]
