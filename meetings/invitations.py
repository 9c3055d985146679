"""Inviting organisations and people, and the e-mails that carry the personal links.

Every message goes through ``idswg.mail.queue`` (recorded as a SentMessage, sent by a
Celery worker) with the meeting's .ics attached.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.utils import timezone, translation

from idswg import mail
from idswg.models import SentMessage

from . import answers_cache, calendar, materials
from .models import Invitation, Meeting


def render_message(kind, invitation):
    """Subject, text and HTML of an e-mail of ``kind`` (invitation, reminder, confirmation) in the reader's language."""
    context = {
        "invitation": invitation,
        "meeting": invitation.meeting,
        "link": invitation.link(),
        "kind": kind,
        "materials": materials.for_invitee(invitation.meeting) if kind == "invitation" else (),
        "site_url": settings.SITE_URL,
    }
    with translation.override(language_of(invitation)):
        subject = render_to_string(f"meetings/email/{kind}_subject.txt", context).strip()
        body = render_to_string(f"meetings/email/{kind}.txt", context)
        html = render_to_string("meetings/email/message.html", context)
    return " ".join(subject.split()), body, html


def _existing_emails(meeting):
    return set(meeting.invitations.annotate(address=Lower("email")).values_list("address", flat=True))


def _create(meeting, candidates):
    """Create invitations for ``(name, email, organisation, person)`` not yet invited; returns them."""
    taken = _existing_emails(meeting)
    created = []
    for name, email, organisation, person in candidates:
        if not email or email.lower() in taken:
            continue
        try:
            with transaction.atomic():
                invitation = Invitation.objects.create(
                    meeting=meeting, name=name, email=email, organisation=organisation, person=person
                )
        except IntegrityError:  # invited by someone else a moment ago
            continue
        taken.add(email.lower())
        created.append(invitation)
    return created


def invite(meeting, organisations=(), people=(), extra=()):
    """Invite the people with an e-mail of ``organisations``, the ``people`` and ``extra`` (name, email, org).

    Returns ``(created, skipped_organisations)``: organisations without anyone to write to are skipped.
    """
    candidates, skipped = [], []
    for organisation in organisations:
        reachable = [p for p in organisation.people.all() if p.email]
        if not reachable:
            skipped.append(organisation)
        candidates += [(p.full_name, p.email, organisation, p) for p in reachable]
    candidates += [(p.full_name, p.email, p.organisation, p) for p in people if p.email]
    candidates += [(name, email, organisation, None) for name, email, organisation in extra]
    return _create(meeting, candidates), skipped


def language_of(invitation):
    """The language an invitee reads: the one chosen for the person in the directory, else English."""
    person = invitation.person
    return (person.language if person is not None else "") or settings.LANGUAGE_CODE


def send(invitation, kind="invitation"):
    """E-mail ``invitation`` its personal link with the .ics, in the invitee's language; records the message.

    The message row and the invitation's ``sent_at`` are written in one transaction, and the
    message goes to the broker only after it commits (``idswg.outbox``), so an invitation is
    never marked sent without its e-mail, and an unreachable broker leaves it queued, not lost.
    """
    subject, body, html = render_message(kind, invitation)
    with translation.override(language_of(invitation)):
        ics = calendar.attachment(invitation.meeting, invitation.link())
    with transaction.atomic():
        message = mail.queue(
            invitation.email,
            subject,
            body,
            html=html,
            attachments=[ics],
            topic=f"meetings.{kind}",
        )
        changes = {"message": message}
        if kind == "invitation":
            changes["sent_at"] = timezone.now()
        Invitation.objects.filter(pk=invitation.pk).update(**changes)
        answers_cache.touch(pk=invitation.meeting_id)  # the UPDATE sends no signal
        if kind == "invitation":
            # An invitation out means answers are taken: a draft meeting moves on.
            Meeting.objects.filter(pk=invitation.meeting_id, state=Meeting.State.DRAFT).update(
                state=Meeting.State.INVITED
            )
    return message


@transaction.atomic
def send_unsent(meeting):
    """Send every invitation not sent yet (which moves a draft meeting to "invitations sent").

    The unsent invitations are locked and skipped when locked, so a second click (or a second
    secretary) at the same moment finds nothing left to send: each invitee gets one e-mail.
    Returns the messages queued.
    """
    unsent = list(
        meeting.invitations.filter(sent_at__isnull=True)
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("meeting")
        .order_by("pk")
    )
    return [send(invitation) for invitation in unsent]


#: A resend within this of the last e-mail is taken for a second click and sends nothing.
RESEND_GRACE = timedelta(seconds=60)


def resend(invitation_id):
    """Send an invitation again: ``(message, True)``, or ``(its last message, False)`` when that
    one is still waiting to go out or left a moment ago (a double click, two secretaries)."""
    with transaction.atomic():
        # Locked alone, then read: a statement after the lock sees what the previous holder committed.
        Invitation.objects.select_for_update().filter(pk=invitation_id).values_list("pk").get()
        invitation = Invitation.objects.select_related("meeting", "message").get(pk=invitation_id)
        last = invitation.message
        if last is not None and (
            last.state == SentMessage.State.QUEUED
            or (last.state == SentMessage.State.SENT and last.created_at > timezone.now() - RESEND_GRACE)
        ):
            return last, False
        return send(invitation), True


def send_due_reminders(now=None):
    """Remind once everyone who has not answered a meeting whose reminder day has come.

    Claiming an invitation (setting ``reminded_at`` where it is empty) and queueing its
    message happen in one transaction, so two beat runs never remind anyone twice.
    """
    now = now or timezone.now()
    sent = 0
    meetings = Meeting.objects.filter(state=Meeting.State.INVITED, rsvp_deadline__gte=now, reminder_days__isnull=False)
    for meeting in meetings:
        if now < meeting.reminder_due_at():
            continue
        # Only invitations that went out: a reminder of an invitation never sent would be the first word.
        waiting = meeting.invitations.filter(
            state=Invitation.State.PENDING, reminded_at__isnull=True, sent_at__isnull=False
        )
        for invitation in waiting.select_related("meeting"):
            with transaction.atomic():
                claimed = Invitation.objects.filter(pk=invitation.pk, reminded_at__isnull=True).update(reminded_at=now)
                if claimed:
                    send(invitation, kind="reminder")
                    sent += 1
    return sent
