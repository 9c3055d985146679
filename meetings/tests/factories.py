"""Factories for the meetings app. Meetings are in the future with their RSVP open."""

from datetime import datetime, time, timedelta

import factory
from django.utils import timezone

from idswg.tests.factories import OrganisationFactory, PersonFactory
from meetings.models import AgendaItem, Attendee, Invitation, Meeting, MeetingCoChair, MeetingOrganiser


def vientiane(day, clock):
    return timezone.make_aware(datetime.combine(day, clock), timezone.get_current_timezone())


def in_days(days, clock=time(8, 30)):
    return vientiane(timezone.localdate() + timedelta(days=days), clock)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    kind = Meeting.Kind.HIGH_LEVEL
    title = factory.Sequence(lambda n: f"High-Level Meeting {n}")
    starts_at = factory.LazyFunction(lambda: in_days(30))
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + timedelta(hours=4))
    rsvp_deadline = factory.LazyAttribute(lambda m: m.starts_at - timedelta(days=2))
    venue = "Double Tree by Hilton Vientiane"
    participants = "High level representatives"
    purpose = "To review the progress of the National Drug Control Master Plan."
    max_attendees = 2
    contact_email = "secretariat@example.org"
    state = Meeting.State.INVITED


class MeetingOrganiserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingOrganiser

    meeting = factory.SubFactory(MeetingFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    order = factory.Sequence(int)


class CoChairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingCoChair

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    order = factory.Sequence(int)


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(int)
    start = time(9, 0)
    end = time(9, 30)
    title = factory.Sequence(lambda n: f"Session {n}")
    kind = AgendaItem.Kind.SESSION


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    meeting = factory.SubFactory(MeetingFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Invitee {n}")
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")


class AttendeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendee

    invitation = factory.SubFactory(InvitationFactory, state=Invitation.State.ACCEPTED, answered_at=timezone.now())
    name = factory.Sequence(lambda n: f"Attendee {n}")
    position = "Counsellor"
    email = factory.Sequence(lambda n: f"attendee{n}@example.org")
