"""A real Celery worker e-mails an invitation; the message and its .ics read back as sent."""

import pytest
from icalendar import Calendar

from idswg.tests.worker_mail import wait_until_sent, written_to
from meetings import invitations

from .factories import InvitationFactory


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_mails_the_invitation_with_its_calendar_file(real_celery_worker, settings):
    invitation = InvitationFactory(email="worker-invitee@example.org")
    message = invitations.send(invitation)
    wait_until_sent(message, real_celery_worker)
    parsed = written_to(real_celery_worker, "worker-invitee@example.org")
    assert parsed["Subject"].startswith("Invitation: " + invitation.meeting.title)
    body = parsed.get_body(preferencelist=("plain",)).get_content()
    assert invitation.link() in body
    [attachment] = [part for part in parsed.iter_attachments() if part.get_content_type() == "text/calendar"]
    assert attachment.get_filename().endswith(".ics")
    calendar = Calendar.from_ical(attachment.get_payload(decode=True))
    event = calendar.events[0]
    assert str(event["uid"]) == f"meeting-{invitation.meeting.uid}@idswg"
    assert event.start == invitation.meeting.starts_at and str(event.start.tzinfo) == "Asia/Vientiane"
    assert str(event["location"]) == invitation.meeting.venue
    assert str(event["organizer"]) == "mailto:secretariat@example.org"
    assert calendar.timezones[0].tz_name == "Asia/Vientiane"
