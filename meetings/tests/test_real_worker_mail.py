"""A real Celery worker e-mails an invitation; the message and its .ics read back as sent."""

import email
import time
from email import policy
from pathlib import Path

import pytest
from icalendar import Calendar

from idswg.models import SentMessage
from meetings import invitations

from .factories import InvitationFactory


def wait_until_sent(message, worker, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        message.refresh_from_db()
        if message.state != SentMessage.State.QUEUED:
            break
        time.sleep(0.2)
    assert message.state == SentMessage.State.SENT, Path(worker.log).read_text()[-3000:]


def written_to(worker, address):
    for path in worker.mail_dir.glob("*.log"):
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            parsed = email.message_from_bytes(chunk.strip(), policy=policy.default)
            if parsed["To"] == address:
                return parsed
    raise AssertionError(f"no mail to {address} in {worker.mail_dir}")


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
