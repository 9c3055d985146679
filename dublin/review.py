"""The review of a country report: draft -> in review -> final (and back from review to draft)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .editing import lock_report
from .models import CountryReport

S = CountryReport.State
TRANSITIONS = {S.DRAFT: (S.REVIEW,), S.REVIEW: (S.FINAL, S.DRAFT), S.FINAL: ()}


def next_states(report):
    return TRANSITIONS[S(report.state)]


@transaction.atomic
def move_to(report, state, user):
    report = lock_report(report.pk)
    if state not in next_states(report):
        raise ValidationError(
            _("A report in state “%(current)s” cannot move to “%(target)s”.")
            % {"current": report.get_state_display(), "target": state}
        )
    report.state = state
    report._history_user = user
    report.save()
    return report
