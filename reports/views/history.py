"""A report's history and the rows' histories: what changed, who changed it, and bringing earlier versions back."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from idswg.roles import secretariat_required

from .. import editing, history
from ..access import can_edit, ensure_editable
from ..layouts import columns
from ..models import MatrixRow, MatrixSection, NarrativeSection, Report


@secretariat_required
def report_history(request, pk):
    report = get_object_or_404(Report, pk=pk)
    entries = history.offer_actions(report, history.report_history(report), can_edit(request.user, report))
    return render(request, "reports/report_history.html", {"report": report, "entries": entries})


@secretariat_required
@require_POST
def report_restore(request, pk, history_id):
    """Put an earlier version of the report header back (not its state, which follows the review, nor its year)."""
    report = get_object_or_404(Report, pk=pk)
    record = get_object_or_404(report.history, history_id=history_id)
    editing.restore_header(report.pk, record, request.user)
    messages.success(request, _("The earlier version of the header is back."))
    return redirect("reports:report_history", pk=pk)


@secretariat_required
@require_POST
def row_undelete(request, pk, history_id):
    """Bring back a deleted row of report ``pk`` from the report's history."""
    report = get_object_or_404(Report, pk=pk)
    ensure_editable(report)
    record = get_object_or_404(MatrixRow.history.filter(history_type="-"), history_id=history_id)
    try:
        row = editing.undelete_row(report, record, request.user)
    except MatrixSection.DoesNotExist as error:
        messages.error(request, str(error))
        return redirect("reports:report_history", pk=pk)
    except ValueError:
        messages.error(request, _("That row is already back."))
        return redirect("reports:report_history", pk=pk)
    messages.success(request, _("The row is back."))
    return redirect(f"{report.get_absolute_url()}#row-{row.pk}")


@secretariat_required
def row_history(request, pk):
    row = get_object_or_404(MatrixRow.objects.select_related("section__report"), pk=pk)
    report = row.section.report
    entries = history.row_actions(row, history.row_history(row), can_edit(request.user, report))
    return render(
        request,
        "reports/row_history.html",
        {"row": row, "report": report, "entries": entries, "columns": columns(report.layout)},
    )


@secretariat_required
@require_POST
def row_restore(request, pk, history_id):
    row = get_object_or_404(MatrixRow.objects.select_related("section__report"), pk=pk)
    record = get_object_or_404(row.history, history_id=history_id)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = 0
    try:
        editing.restore_row(row.pk, record, version, request.user)
    except editing.StaleRow:
        messages.error(request, _("The row changed while you were reading its history; look again before restoring."))
    else:
        messages.success(request, _("The earlier version is back, as a new version."))
    return redirect("reports:row_history", pk=pk)


@secretariat_required
@require_POST
def narrative_restore(request, pk, history_id):
    """Put an earlier version of a narrative section back (its title, text and plan), as a new entry."""
    narrative = get_object_or_404(NarrativeSection, pk=pk)
    record = get_object_or_404(narrative.history, history_id=history_id)
    editing.restore_narrative(narrative.pk, record, request.user)
    messages.success(request, _("The earlier version of the section is back."))
    return redirect("reports:report_history", pk=narrative.report_id)


@secretariat_required
@require_POST
def section_restore(request, pk, history_id):
    """Put an earlier title of a matrix section back, as a new entry."""
    section = get_object_or_404(MatrixSection, pk=pk)
    record = get_object_or_404(section.history, history_id=history_id)
    editing.restore_section_title(section.pk, record, request.user)
    messages.success(request, _("The earlier title of the section is back."))
    return redirect("reports:report_history", pk=section.report_id)
