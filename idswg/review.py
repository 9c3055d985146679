"""The review every report of the portal goes through: draft -> in review -> final (and back to draft from review).

The SWG report (``reports.review``) and the country reports (``dublin.review``) both
follow it; each app locks and checks its own report first and then calls ``move``.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DRAFT, REVIEW, FINAL = "draft", "review", "final"
# Which state may follow which. A final report stays final: next year starts from a copy.
TRANSITIONS = {DRAFT: (REVIEW,), REVIEW: (FINAL, DRAFT), FINAL: ()}


def next_states(report):
    """The states ``report`` (anything with a ``state`` of draft, review or final) may move to."""
    return TRANSITIONS[report.state]


def move(report, state, user):
    """Move the locked ``report`` to ``state`` if the review allows it; kept in its history as ``user``'s change."""
    if state not in next_states(report):
        raise ValidationError(
            _("A report in state “%(current)s” cannot move to “%(target)s”.")
            % {"current": report.get_state_display(), "target": state}
        )
    report.state = state
    report._history_user = user
    report.save()
    return report
