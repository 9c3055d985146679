"""The regional report: its cover, the country reports it binds and its Word file (the PDF is a document)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from idswg.attachments import DOCX, attachment
from idswg.roles import secretariat_required

from .. import regional
from ..forms import RegionalForm
from ..models import RegionalReport
from .common import form_page


@secretariat_required
def regional_detail(request, pk):
    report = get_object_or_404(RegionalReport, pk=pk)
    return render(
        request, "dublin/regional_detail.html", {"regional": report, "reports": regional.chosen_reports(report)}
    )


@secretariat_required
def regional_edit(request, pk=None):
    """The cover and, once the year is known, which of the year's country reports go in, in which order."""
    instance = get_object_or_404(RegionalReport, pk=pk) if pk else None
    form = RegionalForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        report = form.save()
        if instance is not None:
            regional.set_reports(report, form.chosen())
        messages.success(request, _("Regional report saved."))
        return redirect(report if instance is not None else reverse("dublin:regional_edit", args=[report.pk]))
    cancel = instance.get_absolute_url() if instance else reverse("dublin:report_list")
    title = _("Edit: %(title)s") % {"title": instance} if instance else _("New regional report")
    return form_page(request, form, title, cancel)


@secretariat_required
def regional_docx(request, pk):
    report = get_object_or_404(RegionalReport, pk=pk)
    from ..docx_export import (
        regional_report_docx,
    )  # python-docx: loaded by the one request that needs it, never at start-up

    content, filename = regional_report_docx(report)
    return attachment(content, filename, DOCX)
