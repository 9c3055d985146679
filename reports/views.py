"""Report pages: the list, the report with its matrix, header and narratives, review, history, next year.

The matrix's in-place editing is in ``matrix_views``; Word import and export in ``docx_views``.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from idswg.roles import member_required, secretariat_required

from . import carry_forward, editing, history, review
from .forms import CarryForwardForm, CommentForm, NarrativeForm, ReportForm
from .layouts import columns
from .models import MatrixRow, MatrixSection, NarrativeSection, Report, RowComment
from .services import ensure_editable, readable_report, report_for_display, visible_reports


@member_required
def report_list(request):
    reports = visible_reports(request.user).order_by("-year", "kind")
    return render(request, "reports/report_list.html", {"reports": reports})


@member_required
def report_detail(request, pk):
    """The report as one page: header, narratives and the matrix (editable in place by the secretariat)."""
    report = readable_report(request.user, pk)
    display = report_for_display(report, with_comments=True)
    return render(
        request,
        "reports/report_detail.html",
        {
            "report": report,
            "display": display,
            "editable": report.state != Report.State.FINAL,
            "can_comment": review.can_comment(request.user, report),
            "next_states": review.next_states(report),
            "narrative_moves": (("up", "up", _("Move up")), ("down", "down", _("Move down"))),
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
    return _form_page(request, form, _("New report"), reverse("report_list"))


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


@require_POST
@secretariat_required
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
def report_history(request, pk):
    report = get_object_or_404(Report, pk=pk)
    return render(request, "reports/report_history.html", {"report": report, "entries": history.report_history(report)})


@require_POST
@secretariat_required
def report_restore(request, pk, history_id):
    """Put an earlier version of the report header back (not its state, which follows the review, nor its year)."""
    report = get_object_or_404(Report, pk=pk)
    record = get_object_or_404(report.history, history_id=history_id)
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=pk)
        ensure_editable(report)
        for name in history.REPORT_FIELDS:
            if name not in ("state", "year"):
                setattr(report, name, getattr(record, name))
        report._change_reason = _("Restored an earlier version")
        report.save()
    messages.success(request, _("The earlier version of the header is back."))
    return redirect("report_history", pk=pk)


@require_POST
@secretariat_required
def row_undelete(request, pk, history_id):
    """Bring back a deleted row of report ``pk`` from the report's history."""
    report = get_object_or_404(Report, pk=pk)
    ensure_editable(report)
    record = get_object_or_404(MatrixRow.history.filter(history_type="-"), history_id=history_id)
    try:
        row = editing.undelete_row(report, record, request.user)
    except MatrixSection.DoesNotExist as error:
        messages.error(request, str(error))
        return redirect("report_history", pk=pk)
    except ValueError:
        messages.error(request, _("That row is already back."))
        return redirect("report_history", pk=pk)
    messages.success(request, _("The row is back."))
    return redirect(f"{report.get_absolute_url()}#row-{row.pk}")


@secretariat_required
def row_history(request, pk):
    row = get_object_or_404(MatrixRow.objects.select_related("section__report"), pk=pk)
    return render(
        request,
        "reports/row_history.html",
        {
            "row": row,
            "report": row.section.report,
            "entries": history.row_history(row),
            "columns": columns(row.section.report.layout),
        },
    )


@require_POST
@secretariat_required
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
    return redirect("row_history", pk=pk)


@require_POST
@secretariat_required
def narrative_restore(request, pk, history_id):
    """Put an earlier version of a narrative section back (its title, text and plan), as a new entry."""
    narrative = get_object_or_404(NarrativeSection, pk=pk)
    record = get_object_or_404(narrative.history, history_id=history_id)
    editing.restore_narrative(narrative.pk, record, request.user)
    messages.success(request, _("The earlier version of the section is back."))
    return redirect("report_history", pk=narrative.report_id)


@require_POST
@secretariat_required
def section_restore(request, pk, history_id):
    """Put an earlier title of a matrix section back, as a new entry."""
    section = get_object_or_404(MatrixSection, pk=pk)
    record = get_object_or_404(section.history, history_id=history_id)
    editing.restore_section_title(section.pk, record, request.user)
    messages.success(request, _("The earlier title of the section is back."))
    return redirect("report_history", pk=section.report_id)


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


@require_POST
@secretariat_required
def narrative_delete(request, pk):
    narrative = get_object_or_404(NarrativeSection.objects.select_related("report"), pk=pk)
    ensure_editable(narrative.report)
    narrative.delete()
    messages.success(request, _("Section deleted; it stays in the report's history."))
    return redirect(narrative.report)


@require_POST
@secretariat_required
def narrative_move(request, pk):
    narrative = get_object_or_404(NarrativeSection.objects.select_related("report"), pk=pk)
    editing.move_narrative(narrative, request.POST.get("direction", "up"))
    return redirect(f"{narrative.report.get_absolute_url()}#narrative-{narrative.pk}")


@require_POST
@member_required
def comment_create(request, row_pk):
    row = get_object_or_404(MatrixRow.objects.select_related("section__report"), pk=row_pk)
    report = readable_report(request.user, row.section.report_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        review.add_comment(row, request.user, form.cleaned_data["body"])
        messages.success(request, _("Comment added."))
    else:
        ensure_editable(report)
        # The comment box sits in the page, not in a form page: its error goes in the message.
        messages.error(request, " ".join(form.errors["body"]))
    return redirect(f"{report.get_absolute_url()}#row-{row.pk}")


@require_POST
@secretariat_required
def comment_resolve(request, pk):
    comment = get_object_or_404(RowComment.objects.select_related("row__section__report"), pk=pk)
    review.resolve_comment(comment, request.user)
    messages.success(request, _("Comment resolved."))
    return redirect(f"{comment.row.section.report.get_absolute_url()}#row-{comment.row_id}")


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
