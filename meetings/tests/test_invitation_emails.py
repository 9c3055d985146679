"""Invitations, resends, reminders and confirmations are e-mailed with the .ics and recorded."""

from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from idswg.models import SentMessage
from idswg.tests.factories import OrganisationFactory, PersonFactory
from meetings import invitations, rsvp
from meetings.models import Invitation, Meeting

from .factories import InvitationFactory, MeetingFactory, MeetingOrganiserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Mail leaves when the transaction commits: ``with committed():`` runs those callbacks."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def ics_of(message):
    (name, content, mimetype), *_ = message.attachments
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    return Calendar.from_ical(content)


def test_inviting_an_organisation_invites_its_people_with_an_email():
    meeting = MeetingFactory()
    embassy = OrganisationFactory()
    with_mail = PersonFactory(organisation=embassy)
    PersonFactory(organisation=embassy, email="")
    empty = OrganisationFactory()
    created, skipped = invitations.invite(meeting, [embassy, empty])
    assert [(i.email, i.organisation, i.person) for i in created] == [(with_mail.email, embassy, with_mail)]
    assert skipped == [empty]
    again, _ = invitations.invite(meeting, [embassy], people=[with_mail], extra=[("X", with_mail.email.upper(), None)])
    assert again == []


def test_an_invitation_email_carries_the_personal_link_and_a_calendar_file(mailoutbox, settings, committed):
    settings.SITE_URL = "https://idswg.example.org"
    meeting = MeetingFactory(state=Meeting.State.DRAFT)
    MeetingOrganiserFactory(meeting=meeting, organisation=OrganisationFactory(short_name="LCDC"))
    invitation = InvitationFactory(meeting=meeting)
    with committed():
        assert len(invitations.send_unsent(meeting)) == 1
    message = mailoutbox[0]
    assert message.to == [invitation.email]
    assert f"https://idswg.example.org/meetings/{meeting.pk}/rsvp/{invitation.token}/" in message.body
    event = ics_of(message).events[0]
    assert str(event["uid"]) == f"meeting-{meeting.uid}@idswg"
    assert str(event["location"]) == meeting.venue
    assert str(event["organizer"]) == "mailto:secretariat@example.org"
    assert event["organizer"].params["cn"] == "LCDC"
    assert event.start == meeting.starts_at and str(event.start.tzinfo) == "Asia/Vientiane"
    assert ics_of(message).timezones[0].tz_name == "Asia/Vientiane"
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.INVITED
    recorded = SentMessage.objects.get(topic="meetings.invitation")
    assert recorded.state == SentMessage.State.SENT and recorded.attachments[0]["filename"].endswith(".ics")
    assert Invitation.objects.get(pk=invitation.pk).sent_at is not None


def test_a_resent_invitation_is_the_same_calendar_event(mailoutbox, committed):
    invitation = InvitationFactory()
    with committed():
        invitations.send(invitation)
        invitations.send(invitation)
    uids = {str(ics_of(m).events[0]["uid"]) for m in mailoutbox}
    assert len(mailoutbox) == 2 and len(uids) == 1
    assert SentMessage.objects.filter(to=invitation.email).count() == 2


def test_the_reminder_goes_once_to_those_who_have_not_answered_when_it_is_due(mailoutbox, committed):
    meeting = MeetingFactory(reminder_days=3)
    waiting = InvitationFactory(meeting=meeting, sent_at=timezone.now())
    answered = InvitationFactory(meeting=meeting, sent_at=timezone.now())
    InvitationFactory(meeting=meeting)  # never sent: no reminder either
    rsvp.answer(answered.pk, "declined")
    mailoutbox.clear()
    early = meeting.rsvp_deadline - timedelta(days=4)
    assert invitations.send_due_reminders(now=early) == 0
    due = meeting.rsvp_deadline - timedelta(days=2)
    with committed():
        assert invitations.send_due_reminders(now=due) == 1
        assert invitations.send_due_reminders(now=due + timedelta(hours=1)) == 0
    assert [m.to for m in mailoutbox] == [[waiting.email]]
    assert "Reminder" in mailoutbox[0].subject
    assert SentMessage.objects.filter(topic="meetings.reminder").count() == 1


def test_no_reminder_after_the_deadline_or_without_a_reminder_day(mailoutbox):
    meeting = MeetingFactory(reminder_days=3)
    InvitationFactory(meeting=meeting, sent_at=timezone.now())
    assert invitations.send_due_reminders(now=meeting.rsvp_deadline + timedelta(minutes=1)) == 0
    Meeting.objects.filter(pk=meeting.pk).update(reminder_days=None)
    assert invitations.send_due_reminders(now=meeting.rsvp_deadline - timedelta(hours=1)) == 0


def test_the_beat_task_sends_due_reminders(mailoutbox):
    from meetings.tasks import send_due_reminders

    MeetingFactory(reminder_days=40, rsvp_deadline=timezone.now() + timedelta(days=1))
    InvitationFactory(meeting=Meeting.objects.get(), sent_at=timezone.now())
    assert send_due_reminders.delay().get() == 1


def test_an_answer_is_confirmed_by_email_with_the_calendar_file(mailoutbox, committed):
    invitation = InvitationFactory()
    attendees = [{"name": "Ms. A", "position": "Counsellor", "email": "a@example.org"}]
    with committed():
        rsvp.answer(invitation.pk, "accepted", attendees, "Vegetarian")
    message = mailoutbox[0]
    assert "Attending" in message.subject
    assert "Ms. A, Counsellor <a@example.org>" in message.body and "Vegetarian" in message.body
    assert ics_of(message).events[0]["summary"] == invitation.meeting.title


def test_celery_beat_runs_the_reminder_task(settings):
    from idswg import celery_app

    entry = settings.CELERY_BEAT_SCHEDULE["meetings-rsvp-reminders"]
    celery_app.loader.import_default_modules()
    assert entry["task"] in celery_app.tasks


def test_a_title_with_an_ampersand_reads_as_written_in_the_subject(mailoutbox, committed):
    invitation = InvitationFactory(meeting=MeetingFactory(title="Drugs & Precursors <Meeting>"))
    with committed():
        invitations.send(invitation)
    assert mailoutbox[0].subject.startswith("Invitation: Drugs & Precursors <Meeting>, ")
    assert "Drugs & Precursors <Meeting>" in mailoutbox[0].body
    html, mimetype = mailoutbox[0].alternatives[0]
    assert mimetype == "text/html"
    assert "Drugs &amp; Precursors &lt;Meeting&gt;" in html and invitation.link() in html
