"""The history of a country report, with diffs, and bringing an earlier version of a part back."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from idswg.roles import secretariat_required

from .. import editing, history
from ..models import CountryReport, FollowUp, PartnerUpdate, Recommendation, Section

MODELS = {"section": Section, "update": PartnerUpdate, "recommendation": Recommendation, "follow_up": FollowUp}


@secretariat_required
def report_history(request, pk):
    report = get_object_or_404(CountryReport.objects.select_related("country"), pk=pk)
    return render(request, "dublin/report_history.html", {"report": report, "entries": history.report_history(report)})


@require_POST
@secretariat_required
def restore(request, pk, kind, history_id):
    """Put an earlier version of a section, update, recommendation or follow-up of report ``pk`` back."""
    report = get_object_or_404(CountryReport, pk=pk)
    model = MODELS.get(kind)
    if model is None:
        return redirect("dublin:report_history", pk=pk)
    record = get_object_or_404(model.history.filter(report_id=report.pk), history_id=history_id)
    current = get_object_or_404(model, pk=record.id, report=report)
    try:
        editing.restore(model, current.pk, record, current.version, request.user)
    except editing.Stale:
        messages.error(request, _("It changed while you were reading the history; look again before restoring."))
    else:
        messages.success(request, _("The earlier version is back, as a new version."))
    return redirect("dublin:report_history", pk=pk)
