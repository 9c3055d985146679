"""Comments on matrix rows: members comment on a report in review, the secretariat resolves them."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from idswg.roles import member_required, secretariat_required

from .. import review
from ..access import ensure_editable, readable_report
from ..forms import CommentForm
from ..models import MatrixRow, RowComment


@member_required
@require_POST
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


@secretariat_required
@require_POST
def comment_resolve(request, pk):
    comment = get_object_or_404(RowComment.objects.select_related("row__section__report"), pk=pk)
    review.resolve_comment(comment, request.user)
    messages.success(request, _("Comment resolved."))
    return redirect(f"{comment.row.section.report.get_absolute_url()}#row-{comment.row_id}")
