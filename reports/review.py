"""The review of a report: draft -> in review -> final, and the comments readers leave on rows meanwhile."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from idswg import review
from idswg.roles import is_secretariat

from .access import can_comment, ensure_editable
from .models import Report, RowComment

S = Report.State
TRANSITIONS = review.TRANSITIONS
next_states = review.next_states


@transaction.atomic
def move_to(report, state, user):
    """Move ``report`` to ``state`` if the review (``idswg.review``) allows it; kept in the report's history."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    ensure_editable(report)
    return review.move(report, state, user)


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
