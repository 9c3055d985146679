"""What the views of this app share: reading a report the user may see, and the version a form sent."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from .. import access


def readable_report(user, pk):
    """The country report ``pk`` if ``user`` may read it, else 404 (a draft is not shown to exist)."""
    report = access.visible_reports(user).filter(pk=pk).first()
    if report is None:
        raise Http404(_("No such country report."))
    return report


def form_page(request, form, title, cancel_url, status=200, **extra):
    return render(
        request, "dublin/form.html", {"form": form, "title": title, "cancel_url": cancel_url, **extra}, status=status
    )
