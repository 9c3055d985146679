"""Every e-mail the portal sends is recorded and goes out through a Celery task."""

import email
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from idswg import mail as outbox
from idswg.models import SentMessage

pytestmark = pytest.mark.django_db


def test_a_queued_message_is_sent_with_its_attachment_and_recorded(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox.queue(
            "partner@example.org",
            "Invitation",
            "Dear partner",
            attachments=[("meeting.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")],
            topic="test",
        )
    message.refresh_from_db()
    assert message.state == SentMessage.State.SENT
    assert message.sent_at is not None
    [sent] = mail.outbox
    assert sent.to == ["partner@example.org"]
    assert sent.attachments[0][0] == "meeting.ics"


def test_delivering_twice_sends_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox.queue("a@example.org", "Hello", "Body")
    outbox.deliver(message.pk)
    assert len(mail.outbox) == 1
    assert SentMessage.objects.get().attempts == 1


def test_a_transport_failure_is_retried_later_and_failed_after_the_last_attempt(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 1  # nothing listens there
    settings.EMAIL_TIMEOUT = 2
    message = SentMessage.objects.create(to="a@example.org", subject="Hello", body="Body")
    before = timezone.now()
    assert outbox.deliver(message.pk) == SentMessage.State.QUEUED
    message.refresh_from_db()
    assert "ConnectionRefusedError" in message.error and message.attempts == 1
    assert message.next_attempt_at >= before + outbox.BACKOFF[0]
    for attempt in range(2, outbox.MAX_ATTEMPTS + 1):
        state = outbox.deliver(message.pk)
        message.refresh_from_db()
        assert message.attempts == attempt
        if attempt < outbox.MAX_ATTEMPTS:
            assert state == SentMessage.State.QUEUED
            assert message.next_attempt_at >= timezone.now() + outbox.BACKOFF[attempt - 1] - timedelta(seconds=5)
    assert state == SentMessage.State.FAILED and message.next_attempt_at is None
    assert outbox.deliver(message.pk) == SentMessage.State.FAILED  # a failed message waits for a resend
    assert SentMessage.objects.get(pk=message.pk).attempts == outbox.MAX_ATTEMPTS


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_the_message_through_redis(real_celery_worker):
    message = outbox.queue("partner@example.org", "Through the worker", "Sent by a real Celery worker")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        message.refresh_from_db()
        if message.state != SentMessage.State.QUEUED:
            break
        time.sleep(0.2)
    assert message.state == SentMessage.State.SENT, Path(real_celery_worker.log).read_text()[-3000:]
    # The worker is shared by the session: other tests' mail is in the same folder.
    written = [email.message_from_bytes(path.read_bytes()) for path in real_celery_worker.mail_dir.glob("*.log")]
    assert [m["To"] for m in written if m["Subject"] == "Through the worker"] == ["partner@example.org"]
