"""The review of a report: draft -> in review -> final, and the comments readers leave on rows meanwhile."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from idswg.roles import is_secretariat

from .access import can_comment, ensure_editable
from .models import Report, RowComment

S = Report.State
# Which state may follow which. A final report stays final: next year starts from a copy.
TRANSITIONS = {
    S.DRAFT: (S.REVIEW,),
    S.REVIEW: (S.FINAL, S.DRAFT),
    S.FINAL: (),
}


def next_states(report):
    return TRANSITIONS[Report.State(report.state)]


@transaction.atomic
def move_to(report, state, user):
    """Move ``report`` to ``state`` if the workflow allows it; the change is kept in the report's history."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    ensure_editable(report)
    if state not in next_states(report):
        raise ValidationError(
            _("A report in state “%(current)s” cannot move to “%(target)s”.")
            % {"current": report.get_state_display(), "target": state}
        )
    report.state = state
    report._history_user = user
    report.save()
    return report


@transaction.atomic
def add_comment(row, user, body):
    """A reader's comment on ``row``; only while its report is in review."""
    report = row.section.report
    ensure_editable(report)
    if not can_comment(user, report):
        raise PermissionDenied(_("Comments can only be added while the report is in review."))
    body = body.strip()
    if not body:
        raise ValidationError(_("Write a comment first."))
    return RowComment.objects.create(row=row, author=user, body=body[:4000])


@transaction.atomic
def resolve_comment(comment, user):
    """The secretariat marks ``comment`` as dealt with."""
    ensure_editable(comment.row.section.report)
    if not is_secretariat(user):
        raise PermissionDenied
    if comment.resolved_at is None:
        comment.resolved_at = timezone.now()
        comment.resolved_by = user
        comment.save(update_fields=["resolved_at", "resolved_by"])
    return comment
