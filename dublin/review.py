"""The review of a country report: the portal's draft -> in review -> final (``idswg.review``)."""

from django.db import transaction

from idswg import review

from .editing import lock_report

next_states = review.next_states


@transaction.atomic
def move_to(report, state, user):
    """Move ``report`` to ``state`` if the review allows it (a final report refuses, as every change)."""
    return review.move(lock_report(report.pk), state, user)
