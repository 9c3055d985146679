"""Who may read a country report and who may read or write each programme update: the one rule.

Views, documents and templates all ask these functions, so the rule is stated once:

- the secretariat reads and changes everything (until the report is final);
- the other members read a country report once it is in review or final, as the SWG report;
- a partner reads and writes its own organisation's update, whatever the report's state,
  until the deadline passes or the secretariat accepts it; it never sees another
  organisation's update before that one is submitted.
"""

import datetime

from django.utils import timezone

from idswg.roles import ANY_ROLE, PARTNER, has_role, is_secretariat

from .models import CountryReport, PartnerUpdate

READER_STATES = (CountryReport.State.REVIEW, CountryReport.State.FINAL)
# What a reader other than the writer sees of an update: a submitted or accepted text.
SHOWN_STATES = (PartnerUpdate.State.SUBMITTED, PartnerUpdate.State.ACCEPTED)


def visible_reports(user):
    """The country reports ``user`` may read: all for the secretariat, the others not drafts."""
    reports = CountryReport.objects.select_related("country")
    if is_secretariat(user):
        return reports
    if has_role(user, *ANY_ROLE):
        return reports.filter(state__in=READER_STATES)
    return reports.none()


def can_read_report(user, report):
    return is_secretariat(user) or (has_role(user, *ANY_ROLE) and report.state in READER_STATES)


def is_own_update(user, update):
    """``update`` is for the organisation of ``user``, a partner."""
    return (
        has_role(user, PARTNER) and user.organisation_id is not None and user.organisation_id == update.organisation_id
    )


def can_see_update(user, update):
    """The secretariat always; the writing organisation always; others a submitted text in a report they read."""
    if is_secretariat(user) or is_own_update(user, update):
        return True
    return update.state in SHOWN_STATES and can_read_report(user, update.report)


def deadline_passed(update, now=None):
    """The deadline is a day in Vientiane: writing is open until that day ends."""
    if update.deadline is None:
        return False
    today = timezone.localdate(now or timezone.now())
    return today > update.deadline


def can_write_update(user, update, now=None):
    """Whether ``user`` may change ``update`` now (the reason it may not is ``why_read_only``)."""
    return why_read_only(user, update, now) is None


def why_read_only(user, update, now=None):
    """None when ``user`` may change ``update``; else a short code: final, accepted, deadline, not_yours."""
    if update.report.state == CountryReport.State.FINAL:
        return "final"
    if is_secretariat(user):
        return None
    if not is_own_update(user, update):
        return "not_yours"
    if update.state == PartnerUpdate.State.ACCEPTED:
        return "accepted"
    if deadline_passed(update, now):
        return "deadline"
    return None


def updates_for_print(updates, user=None):
    """The updates a printed or shown report holds: submitted and accepted ones (drafts stay with their writers).

    ``user`` (the page's reader) also sees its own organisation's draft in place.
    """
    return [u for u in updates if u.state in SHOWN_STATES or (user is not None and is_own_update(user, u))]


def updates_to_write(user):
    """The updates the partner ``user`` is asked to write (home panel, “your updates to write”)."""
    if not has_role(user, PARTNER) or user.organisation_id is None:
        return PartnerUpdate.objects.none()
    return (
        PartnerUpdate.objects.filter(organisation_id=user.organisation_id, requested_at__isnull=False)
        .exclude(report__state=CountryReport.State.FINAL)
        .exclude(state=PartnerUpdate.State.ACCEPTED)
        .select_related("report__country", "section")
        .order_by("deadline", "pk")
    )


def late(update, today=None):
    """Asked or drafted and the deadline is gone: the board shows it as late."""
    if update.deadline is None or update.state in SHOWN_STATES:
        return False
    today = today or timezone.localdate()
    return today > update.deadline


def end_of_deadline(update):
    """The last moment writing is open (midnight at the end of the deadline day, Vientiane time)."""
    day = update.deadline + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
