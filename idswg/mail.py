"""Outgoing e-mail: every message is recorded, then sent by a Celery task.

``queue()`` writes a :class:`SentMessage` and hands ``send_message`` to the broker once
the surrounding transaction commits (``idswg.outbox``: an unreachable broker leaves the
message queued for the sweep, the request does not fail). ``deliver()`` does the sending
and is safe to run twice (a message already sent is not sent again); a transport error
is retried with a growing delay and, after ``MAX_ATTEMPTS``, leaves the message failed
on the secretariat's outbox page, where it can be sent again.
"""

import base64
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from . import outbox
from .models import Person, SentMessage, User

State = SentMessage.State

#: Attempts at the mail server before a message is left failed.
MAX_ATTEMPTS = 5
#: The wait before attempt 2, 3, 4, 5 after a transport error.
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1))
#: A message handed to the broker but still queued this long after is handed over again
#: (the broker may have lost it); a second delivery of a sent message sends nothing.
REQUEUE_AFTER = timedelta(minutes=10)


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
        next_attempt_at=timezone.now() + REQUEUE_AFTER,
    )
    _hand_over_after_commit(message)
    return message


def languages_of(addresses):
    """``{lower-cased address: language}`` for the ``addresses`` someone chose a language for.

    The directory's choice for a person (the language of the e-mails sent to them) comes
    first, then the language a user picked for their account; an address with neither is
    left out, for the caller to fall back on. Two queries whatever the number of addresses.
    """
    wanted = {address.lower() for address in addresses if address}
    if not wanted:
        return {}
    found = {}
    users = User.objects.annotate(address=Lower("email")).filter(address__in=wanted).exclude(language="")
    for address, language in users.order_by("-pk").values_list("address", "language"):
        found[address] = language  # the oldest account wins: ordered newest first, written last
    people = Person.objects.annotate(address=Lower("email")).filter(address__in=wanted).exclude(language="")
    found.update(people.values_list("address", "language"))
    return found


def _due_now(message_id):
    SentMessage.objects.filter(pk=message_id, state=State.QUEUED).update(next_attempt_at=timezone.now())


def _hand_over_after_commit(message):
    from .tasks import send_message  # here: the tasks module imports this one

    outbox.after_commit(send_message, message, on_failure=_due_now)


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
    """Send one recorded message; returns its state (a failed try is retried later, up to MAX_ATTEMPTS)."""
    with transaction.atomic():
        message = SentMessage.objects.select_for_update().get(pk=message_id)
        if message.state != State.QUEUED:
            return message.state  # sent, or failed until someone sends it again
        message.attempts += 1
        now = timezone.now()
        try:
            build(message).send()
        except Exception as exc:  # any transport error is recorded, not raised at the user
            message.error = f"{type(exc).__name__}: {exc}"[:2000]
            if message.attempts >= MAX_ATTEMPTS:
                message.state = State.FAILED
                message.next_attempt_at = None
            else:
                message.next_attempt_at = now + BACKOFF[min(message.attempts, len(BACKOFF)) - 1]
        else:
            message.state = State.SENT
            message.sent_at = now
            message.error = ""
            message.next_attempt_at = None
        message.save(update_fields=["state", "error", "attempts", "sent_at", "next_attempt_at"])
        return message.state


def requeue_due(now=None, limit=500):
    """Hand the queued messages that are due to the broker again (the outbox sweep); returns how many."""
    now = now or timezone.now()
    due = Q(next_attempt_at__lte=now) | Q(next_attempt_at__isnull=True)
    with transaction.atomic():
        # skip_locked: a message being delivered right now is not due, and two sweeps split the work.
        ids = list(
            SentMessage.objects.select_for_update(skip_locked=True)
            .filter(due, state=State.QUEUED)
            .order_by("created_at")
            .values_list("pk", flat=True)[:limit]
        )
        SentMessage.objects.filter(pk__in=ids).update(next_attempt_at=now + REQUEUE_AFTER)
    from .tasks import send_message

    return outbox.hand_over_many(
        send_message, ids, lambda rest: SentMessage.objects.filter(pk__in=rest).update(next_attempt_at=now)
    )


def send_again(message_id):
    """Queue a failed message again with a fresh set of attempts; None unless it had failed.

    One UPDATE with the state in its condition: two clicks queue it once.
    """
    with transaction.atomic():
        requeued = SentMessage.objects.filter(pk=message_id, state=State.FAILED).update(
            state=State.QUEUED, attempts=0, next_attempt_at=timezone.now() + REQUEUE_AFTER
        )
        if not requeued:
            return None
        message = SentMessage.objects.get(pk=message_id)
        _hand_over_after_commit(message)
    return message
