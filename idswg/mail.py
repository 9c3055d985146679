"""Outgoing e-mail: every message is recorded, then sent by a Celery task.

``queue()`` writes a :class:`SentMessage` and schedules ``send_message`` once the
surrounding transaction commits; ``deliver()`` does the sending and is safe to run
twice (a message already sent is not sent again).
"""

import base64

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from .models import SentMessage


def queue(to, subject, body, *, html="", attachments=(), topic=""):
    """Record a message to ``to`` and have a worker send it. ``attachments``: (name, bytes, mimetype)."""
    message = SentMessage.objects.create(
        to=to,
        subject=subject[:300],
        body=body,
        html=html,
        topic=topic,
        attachments=[
            {"filename": name, "mimetype": mimetype, "content": base64.b64encode(content).decode("ascii")}
            for name, content, mimetype in attachments
        ],
    )
    from .tasks import send_message

    transaction.on_commit(lambda: send_message.delay(message.pk))
    return message


def build(message):
    """The Django e-mail object for a recorded message."""
    email = EmailMultiAlternatives(
        subject=message.subject, body=message.body, from_email=settings.DEFAULT_FROM_EMAIL, to=[message.to]
    )
    if message.html:
        email.attach_alternative(message.html, "text/html")
    for item in message.attachments:
        email.attach(item["filename"], base64.b64decode(item["content"]), item["mimetype"])
    return email


def deliver(message_id):
    """Send one recorded message; returns its final state."""
    with transaction.atomic():
        message = SentMessage.objects.select_for_update().get(pk=message_id)
        if message.state == SentMessage.State.SENT:
            return message.state
        message.attempts += 1
        try:
            build(message).send()
        except Exception as exc:  # any transport error is recorded, not raised at the user
            message.state = SentMessage.State.FAILED
            message.error = f"{type(exc).__name__}: {exc}"
        else:
            message.state = SentMessage.State.SENT
            message.sent_at = timezone.now()
            message.error = ""
        message.save(update_fields=["state", "error", "attempts", "sent_at"])
        return message.state
