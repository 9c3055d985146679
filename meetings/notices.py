"""Telling invitees that a meeting moved or was cancelled, with the calendar file that updates it.

A notice goes to every invitation that was sent. Each carries the meeting's .ics with the
same UID and the new SEQUENCE, so calendars replace (or, for a cancellation, remove) the
event they hold. Each notice is recorded per invitation and calendar revision
(``InvitationNotice``, unique on both), so sending twice for one revision sends nothing new.
"""

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy

from idswg import mail

from . import calendar, invitations
from .models import InvitationNotice, Meeting


def describe(meeting):
    """What invitees know of a meeting: date, time and venue as the e-mails print them."""
    start, end = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
    return {
        "title": meeting.title,
        "date": date_format(start, "l, j F Y"),
        "time": f"{start:%H:%M}–{end:%H:%M}",
        "venue": meeting.venue,
    }


LABELS = {
    "title": gettext_lazy("Title"),
    "date": gettext_lazy("Date"),
    "time": gettext_lazy("Time"),
    "venue": gettext_lazy("Location"),
}


def changes_between(before, after):
    """``[(label, old, new)]`` for each part of ``describe`` that differs."""
    return [(str(LABELS[key]), before[key], after[key]) for key in LABELS if before[key] != after[key]]


def recipients(meeting):
    return meeting.invitations.filter(sent_at__isnull=False).select_related("meeting").order_by("pk")


def _render(kind, invitation, changes, reason):
    context = {
        "invitation": invitation,
        "meeting": invitation.meeting,
        "link": invitation.link(),
        "kind": kind,
        "changes": changes,
        "reason": reason,
    }
    with translation.override(invitations.language_of(invitation)):
        subject = render_to_string(f"meetings/email/{kind}_subject.txt", context)
        body = render_to_string(f"meetings/email/{kind}.txt", context)
        html = render_to_string("meetings/email/notice.html", context)
    return " ".join(subject.split()), body, html


def _notify(meeting, kind, changes, reason=""):
    """Queue one notice per sent invitation for the meeting's current revision; returns how many went."""
    sent = 0
    for invitation in recipients(meeting):
        try:
            with transaction.atomic():
                notice = InvitationNotice.objects.create(
                    invitation=invitation, kind=kind, changes=[list(c) for c in changes], sequence=meeting.sequence
                )
                subject, body, html = _render(kind, invitation, changes, reason)
                notice.message = mail.queue(
                    invitation.email,
                    subject,
                    body,
                    html=html,
                    attachments=[calendar.attachment(meeting, invitation.link())],
                    topic=f"meetings.{kind}",
                )
                notice.save(update_fields=["message"])
        except IntegrityError:  # this revision's notice already went to this invitee
            continue
        sent += 1
    return sent


def notify_change(meeting, changes):
    """Tell every invitee what changed (``changes_between``), with the new .ics."""
    if not changes:
        return 0
    return _notify(meeting, InvitationNotice.Kind.CHANGE, changes)


@transaction.atomic
def cancel(meeting_id, reason=""):
    """Cancel the meeting: answers stop, the calendar revision grows, every invitee gets METHOD:CANCEL.

    Returns how many were told; a meeting already cancelled is left as it is (0).
    """
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    if meeting.state == Meeting.State.CANCELLED:
        return 0
    meeting.state = Meeting.State.CANCELLED
    meeting.sequence += 1
    meeting.save(update_fields=["state", "sequence", "updated_at"])
    return _notify(meeting, InvitationNotice.Kind.CANCEL, [], reason=reason)
