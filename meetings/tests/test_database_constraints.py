"""The rules hold in the database itself, whatever the form in front of it."""

from datetime import time, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from meetings.models import Attendee, Invitation, RsvpAnswer

from .factories import AgendaItemFactory, AttendeeFactory, InvitationFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def refused(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_a_meeting_cannot_end_before_it_starts():
    meeting = MeetingFactory()
    refused(lambda: MeetingFactory(starts_at=meeting.starts_at, ends_at=meeting.starts_at - timedelta(hours=1)))


def test_the_rsvp_deadline_cannot_fall_after_the_meeting_starts():
    meeting = MeetingFactory()
    refused(lambda: MeetingFactory(starts_at=meeting.starts_at, rsvp_deadline=meeting.starts_at + timedelta(hours=1)))


def test_an_agenda_item_cannot_end_before_it_starts():
    refused(lambda: AgendaItemFactory(start=time(10, 0), end=time(9, 0)))


def test_one_invitation_per_meeting_and_email_whatever_the_case():
    invitation = InvitationFactory(email="someone@example.org")
    refused(lambda: InvitationFactory(meeting=invitation.meeting, email="SomeOne@Example.org"))
    InvitationFactory(email="someone@example.org")  # another meeting is fine


def test_an_invitation_needs_an_email():
    refused(lambda: InvitationFactory(email=""))


def test_an_answered_invitation_has_an_answer_time_and_a_pending_one_has_none():
    refused(lambda: InvitationFactory(state=Invitation.State.ACCEPTED, answered_at=None))
    refused(lambda: InvitationFactory(state=Invitation.State.PENDING, answered_at=timezone.now()))


def test_tokens_are_unique_and_long():
    first, second = InvitationFactory(), InvitationFactory()
    assert first.token != second.token
    assert len(first.token) >= 40
    refused(lambda: Invitation.objects.filter(pk=second.pk).update(token=first.token))


def test_an_attendee_is_named_once_per_invitation():
    attendee = AttendeeFactory(email="a@example.org")
    refused(lambda: Attendee.objects.create(invitation=attendee.invitation, name="Again", email="A@example.org"))


def test_a_history_row_is_always_an_answer():
    invitation = InvitationFactory()
    refused(lambda: RsvpAnswer.objects.create(invitation=invitation, state=Invitation.State.PENDING))
