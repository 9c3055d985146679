"""The matrix page's in-place editing: HTMX requests that swap one row, or the matrix, never the whole page.

A failed save answers 409 (stale version: both versions shown) or 422 (invalid);
the matrix page tells HTMX to swap those too. Without HTMX a structural change
redirects back to the report.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from idswg.fragments import fragment_or_redirect
from idswg.live_region import announce
from idswg.roles import member_required, secretariat_required

from .. import editing
from ..access import ensure_editable, page_flags, readable_report
from ..forms import RowForm
from ..layouts import table_columns
from ..models import MatrixRow, MatrixSection, Report
from ..services import report_for_display


def row_context(request, row, report):
    return {
        "row": row,
        "report": report,
        "table_columns": table_columns(report.layout),
        **page_flags(request.user, report),
    }


def _row(request, pk):
    row = get_object_or_404(MatrixRow.objects.select_related("section__report"), pk=pk)
    readable_report(request.user, row.section.report_id)
    return row, row.section.report


def _place_of(row, report):
    """Where a row's fragment belongs: its line in the report's matrix."""
    return f"{report.get_absolute_url()}#row-{row.pk}"


def render_matrix(request, report, status=200, editing_row=None):
    """The matrix fragment (HTMX) or, for a plain form post, a redirect to the report."""
    if not request.htmx:
        return redirect(report)
    display = report_for_display(report, with_comments=True)
    context = {
        "display": display,
        "report": report,
        **page_flags(request.user, report),
        "editing_row": editing_row,
    }
    if editing_row is not None:
        context["row_form"] = RowForm(layout=report.layout, row=editing_row)
    return render(request, "reports/_matrix.html", context, status=status)


@member_required
@require_GET
def row_fragment(request, pk):
    """One row as shown (the cancel button of the editor swaps it back)."""
    row, report = _row(request, pk)
    row = MatrixRow.objects.prefetch_related("priority_areas__plan", "comments__author").get(pk=row.pk)
    return fragment_or_redirect(request, "reports/_row.html", row_context(request, row, report), _place_of(row, report))


@secretariat_required
def row_edit(request, pk):
    """GET: the row's editor in place of the row. POST: save it unless someone saved in between."""
    row, report = _row(request, pk)
    ensure_editable(report)
    context = row_context(request, row, report)
    if request.method == "GET":
        context["form"] = RowForm(layout=report.layout, row=row)
        return fragment_or_redirect(request, "reports/_row_form.html", context, _place_of(row, report))
    form = RowForm(request.POST, layout=report.layout, row=row)
    if not form.is_valid():
        context["form"] = form
        return render(request, "reports/_row_form.html", context, status=422)
    try:
        saved = editing.save_row(
            row.pk,
            form.cleaned_data["version"],
            form.cells(),
            request.user,
            priority_areas=form.cleaned_data["priority_areas"],
        )
    except MatrixRow.DoesNotExist:
        raise Http404(_("This row was deleted meanwhile.")) from None
    except editing.StaleRow as stale:
        # Show theirs and mine; the editor now holds my text on top of their version, to merge by hand.
        data = request.POST.copy()
        data["version"] = stale.current.version
        context.update(
            form=RowForm(data, layout=report.layout, row=stale.current),
            conflict=stale,
            theirs=stale.current,
            theirs_saved=stale.current.history.select_related("history_user").first(),
            mine=stale.mine,
        )
        context["form"].is_valid()
        return render(request, "reports/_row_form.html", context, status=409)
    saved = MatrixRow.objects.prefetch_related("priority_areas__plan", "comments__author").get(pk=saved.pk)
    return announce(render(request, "reports/_row.html", row_context(request, saved, report)), _("Row saved."))


@secretariat_required
@require_POST
def row_create(request, section_pk):
    section = get_object_or_404(MatrixSection.objects.select_related("report"), pk=section_pk)
    row = editing.add_row(section)
    return render_matrix(request, section.report, editing_row=row)


@secretariat_required
@require_POST
def row_move(request, pk):
    row, report = _row(request, pk)
    editing.move_row(row, request.POST.get("direction", "up"))
    return render_matrix(request, report)


@secretariat_required
@require_POST
def row_delete(request, pk):
    row, report = _row(request, pk)
    editing.delete_row(row)
    return render_matrix(request, report)


def _title(request):
    """The title typed into the prompt HTMX shows (``hx-prompt``), or a form field ``title``."""
    return (request.headers.get("HX-Prompt") or request.POST.get("title") or "").strip()[:500]


@secretariat_required
@require_POST
def section_create(request, report_pk):
    report = get_object_or_404(Report, pk=report_pk)
    parent_pk = request.POST.get("parent", "").strip()
    if parent_pk and not (parent_pk.isascii() and parent_pk.isdigit()):
        raise Http404(_("There is no such section in this report."))
    parent = get_object_or_404(MatrixSection, pk=int(parent_pk), report=report, parent=None) if parent_pk else None
    title = _title(request) or (_("New subsection") if parent else _("New section"))
    editing.add_section(report, title, parent=parent)
    return render_matrix(request, report)


@secretariat_required
@require_POST
def section_edit(request, pk):
    section = get_object_or_404(MatrixSection.objects.select_related("report"), pk=pk)
    title = _title(request)
    if title:
        editing.rename_section(section, title)
    return render_matrix(request, section.report)


@secretariat_required
@require_POST
def section_move(request, pk):
    section = get_object_or_404(MatrixSection.objects.select_related("report"), pk=pk)
    editing.move_section(section, request.POST.get("direction", "up"))
    return render_matrix(request, section.report)


@secretariat_required
@require_POST
def section_delete(request, pk):
    section = get_object_or_404(MatrixSection.objects.select_related("report"), pk=pk)
    editing.delete_section(section)
    return render_matrix(request, section.report)


@secretariat_required
@require_POST
def section_reorder(request, pk):
    """The rows of a section in the order a drag and drop left them (``row`` ids in order)."""
    section = get_object_or_404(MatrixSection.objects.select_related("report"), pk=pk)
    try:
        ids = [int(v) for v in request.POST.getlist("row")]
    except ValueError:
        raise PermissionDenied from None
    editing.reorder_rows(section, ids)
    return render_matrix(request, section.report)
