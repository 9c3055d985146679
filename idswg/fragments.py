"""HTMX fragments that a person may also open as a page.

A fragment's URL is an ordinary link: a bookmark, "open in new tab", a screen reader's list of
links or a reload after an error all open it without HTMX. Such a request gets a whole, titled
document in the reader's language instead of a bare ``<tr>``: either a redirect to the page the
fragment belongs to (a row goes to its table), or the fragment inside the base layout when it
stands on its own (a PDF's status box, a year's history).

The response varies on ``HX-Request``, so that a browser never serves one answer for the other.
"""

from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers

PAGE_TEMPLATE = "idswg/fragment_page.html"


def _varies(response):
    patch_vary_headers(response, ("HX-Request",))
    return response


def fragment_or_redirect(request, template, context, page, status=200):
    """``template`` for HTMX; otherwise a redirect to ``page``, the URL of the page it belongs to."""
    if request.htmx:
        return _varies(render(request, template, context, status=status))
    return _varies(redirect(page))


def fragment_or_page(request, template, context, title, back=None, status=200):
    """``template`` for HTMX; otherwise the same fragment on a page of its own, titled ``title``.

    ``back`` is an optional ``(url, label)`` for a link to the page the fragment comes from.
    """
    if request.htmx:
        return _varies(render(request, template, context, status=status))
    page = {**context, "fragment_template": template, "page_title": title, "back": back}
    return _varies(render(request, PAGE_TEMPLATE, page, status=status))
