"""Answering an invitation: the one function every way of answering goes through.

The invitation (and the other invitations of the same organisation, which share the
attendee limit) are locked with ``SELECT ... FOR UPDATE`` inside one transaction, so two
answers sent at the same moment are applied one after the other and the last one wins
whole: its state, its attendees and its note. Each answer is also kept as an
:class:`RsvpAnswer`.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from idswg import mail

from . import calendar
from .models import Attendee, Invitation, RsvpAnswer


class RsvpClosed(Exception):
    """The deadline has passed or the secretariat closed the RSVP."""


def _lock(invitation_id):
    """Lock the invitation and its organisation's other invitations, always in primary-key order."""
    meeting_id, organisation_id = Invitation.objects.values_list("meeting_id", "organisation_id").get(pk=invitation_id)
    group = Invitation.objects.select_for_update().filter(meeting_id=meeting_id)
    group = group.filter(organisation_id=organisation_id) if organisation_id else group.filter(pk=invitation_id)
    locked = list(group.order_by("pk"))
    invitation = next(item for item in locked if item.pk == invitation_id)
    return invitation, [item.pk for item in locked if item.pk != invitation_id]


def is_token_shaped(token):
    """Whether ``token`` could be a link token (URL-safe base64, as ``new_token`` makes them)."""
    return 0 < len(token) <= 64 and token.isascii() and all(ch.isalnum() or ch in "-_" for ch in token)


def places_left(invitation):
    """How many attendees this invitation may still name, given its organisation's other answers."""
    others = Attendee.objects.filter(
        invitation__meeting_id=invitation.meeting_id,
        invitation__organisation_id=invitation.organisation_id,
        invitation__state__in=Invitation.ATTENDING,
    ).exclude(invitation_id=invitation.pk)
    taken = others.count() if invitation.organisation_id else 0
    return max(invitation.meeting.max_attendees - taken, 0)


def answer(invitation_id, state, attendees=(), note="", *, user=None, via="link", now=None):
    """Record ``state`` with ``attendees`` (dicts of name, position, email) for one invitation.

    Raises :class:`RsvpClosed` after the deadline and ``ValidationError`` when the answer
    breaks a rule (attendees missing, too many for the organisation); nothing changes then.
    """
    attendees = [dict(a) for a in attendees] if state in Invitation.ATTENDING else []
    with transaction.atomic():
        invitation, _siblings = _lock(invitation_id)
        now = now or timezone.now()  # read under the lock, so the history's order is the order applied
        meeting = invitation.meeting
        if not meeting.rsvp_open(now):
            raise RsvpClosed
        if state not in Invitation.State.values or state == Invitation.State.PENDING:
            raise ValidationError(_("Choose an answer."), code="state")
        if state in Invitation.ATTENDING and not attendees:
            raise ValidationError(_("Name at least one person who will attend."), code="no_attendees")
        limit = places_left(invitation)
        if len(attendees) > limit:
            raise ValidationError(
                _("Your organisation may name at most %(limit)s more attendee(s) for this meeting.") % {"limit": limit},
                code="too_many",
            )
        invitation.attendees.all().delete()
        Attendee.objects.bulk_create(
            Attendee(
                invitation=invitation,
                order=position,
                name=a["name"].strip(),
                position=a.get("position", "").strip(),
                email=a["email"].strip(),
            )
            for position, a in enumerate(attendees)
        )
        invitation.state = state
        invitation.note = note.strip()
        invitation.answered_at = now
        invitation.save(update_fields=["state", "note", "answered_at"])
        RsvpAnswer.objects.create(
            invitation=invitation,
            state=state,
            attendees=attendees,
            note=invitation.note,
            answered_by=user if user is not None and user.is_authenticated else None,
            via=via,
            created_at=now,
        )
        # Handed to the broker after the commit; ``outbox.any_waiting`` tells whether it got there.
        invitation.confirmation = send_confirmation(invitation)
    return invitation


def send_confirmation(invitation):
    from .invitations import render_message

    subject, body, html = render_message("confirmation", invitation)
    return mail.queue(
        invitation.email,
        subject,
        body,
        html=html,
        attachments=[calendar.attachment(invitation.meeting, invitation.link())],
        topic="meetings.confirmation",
    )
