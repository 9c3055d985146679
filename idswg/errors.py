"""The 400 and 500 pages: rendered without the request's context, so they work when nothing else does.

A 500 may come from the database being down or a template failing, so the page uses no
context processor (no user, no menu: they query the database), no ``{% url %}`` and no
``{% static %}`` (which needs the manifest of collected files). It links the stylesheets by
their plain names, which WhiteNoise serves as well as the hashed ones. A 400 (a bad host name,
a malformed request) shares the layout: the request itself is not to be trusted there.
The 403 and 404 pages are Django's views with ``templates/403.html`` and ``404.html``, in
the full layout, as is the page of a form refused for its CSRF token (``csrf_failure``).
"""

from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def _render(template_name):
    return loader.get_template(template_name).render({"static_url": settings.STATIC_URL, "home_url": "/"})


def bad_request(request, exception):
    return HttpResponseBadRequest(_render("400.html"))


def server_error(request):
    return HttpResponseServerError(_render("500.html"))


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token, mostly from a page left open too long: say what to do.

    Django's own page carries an inline ``<style>``, which the CSP refuses; this one is in the
    portal's layout (rendered with the request: the database is there for an ordinary 403).
    """
    return render(request, "403_csrf.html", status=403)
