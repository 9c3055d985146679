"""A report's narrative sections (sector overview, lessons learned...): write, delete, reorder."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from idswg.roles import secretariat_required

from .. import editing
from ..access import ensure_editable
from ..forms import NarrativeForm
from ..models import NarrativeSection, Report


@secretariat_required
def narrative_edit(request, report_pk, pk=None):
    report = get_object_or_404(Report, pk=report_pk)
    ensure_editable(report)
    narrative = get_object_or_404(NarrativeSection, pk=pk, report=report) if pk else None
    form = NarrativeForm(request.POST or None, instance=narrative)
    if request.method == "POST" and form.is_valid():
        narrative = form.save(commit=False)
        if narrative.report_id is None:
            narrative.report = report
            narrative.position = report.narratives.count() + 1
        narrative.save()
        messages.success(request, _("Section “%(title)s” saved.") % {"title": narrative.title})
        return redirect(f"{report.get_absolute_url()}#narrative-{narrative.pk}")
    title = _("Edit a narrative section") if narrative else _("New narrative section")
    return render(request, "reports/narrative_form.html", {"form": form, "title": title, "report": report})


@secretariat_required
@require_POST
def narrative_delete(request, pk):
    narrative = get_object_or_404(NarrativeSection.objects.select_related("report"), pk=pk)
    ensure_editable(narrative.report)
    narrative.delete()
    messages.success(request, _("Section deleted; it stays in the report's history."))
    return redirect(narrative.report)


@secretariat_required
@require_POST
def narrative_move(request, pk):
    narrative = get_object_or_404(NarrativeSection.objects.select_related("report"), pk=pk)
    editing.move_narrative(narrative, request.POST.get("direction", "up"))
    return redirect(f"{narrative.report.get_absolute_url()}#narrative-{narrative.pk}")
