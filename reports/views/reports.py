"""Report pages: the list, the report with its matrix, its header, its review state, next year's copy."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from idswg.roles import member_required, secretariat_required

from .. import access, carry_forward, page_cache, review
from ..access import ensure_editable, readable_report, visible_reports
from ..forms import CarryForwardForm, ReportForm
from ..models import Report


@member_required
def report_list(request):
    reports = visible_reports(request.user).order_by("-year", "kind")
    return render(request, "reports/report_list.html", {"reports": reports})


@member_required
def report_detail(request, pk):
    """The report as one page: header, narratives and the matrix (editable in place by the secretariat)."""
    report = readable_report(request.user, pk)
    flags = access.page_flags(request.user, report)
    moves = {"narrative_moves": (("up", "up", _("Move up")), ("down", "down", _("Move down")))}
    return render(
        request,
        "reports/report_detail.html",
        {
            "report": report,
            **flags,
            "next_states": review.next_states(report),
            "report_body": page_cache.report_body(request, report, flags, moves),
        },
    )


def _form_page(request, form, title, cancel_url):
    return render(request, "idswg/form.html", {"form": form, "title": title, "cancel_url": cancel_url})


@secretariat_required
def report_create(request):
    form = ReportForm(request.POST or None, initial={"swg_name": _("Illicit Drug Sector Working Group (IDSWG)")})
    if request.method == "POST" and form.is_valid():
        report = form.save()
        messages.success(request, _("Report “%(title)s” created as a draft.") % {"title": report})
        return redirect(report)
    return _form_page(request, form, _("New report"), reverse("reports:report_list"))


@secretariat_required
def report_edit(request, pk):
    report = get_object_or_404(Report, pk=pk)
    ensure_editable(report)
    form = ReportForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            ensure_editable(Report.objects.select_for_update().get(pk=pk))
            form.save()
        messages.success(request, _("Report header saved."))
        return redirect(report)
    return _form_page(request, form, _("Edit the report header"), report.get_absolute_url())


@secretariat_required
@require_POST
def report_state(request, pk):
    report = get_object_or_404(Report, pk=pk)
    try:
        report = review.move_to(report, request.POST.get("state", ""), request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The report is now “%(state)s”.") % {"state": report.get_state_display()})
    return redirect(report)


@secretariat_required
def report_next_year(request, pk):
    """Start next year's report from this one, keeping the columns the secretariat ticks."""
    report = get_object_or_404(Report, pk=pk)
    form = CarryForwardForm(request.POST or None, report=report)
    if request.method == "POST" and form.is_valid():
        try:
            new = carry_forward.start_next_year(report, set(form.cleaned_data["keep"]), form.cleaned_data["title"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Draft “%(title)s” started from %(year)s.") % {"title": new, "year": report.year}
            )
            return redirect(new)
    return _form_page(
        request, form, _("Start %(year)s from this report") % {"year": report.year + 1}, report.get_absolute_url()
    )
