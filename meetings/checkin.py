"""Checking attendees in on the day, from the secretariat's phone.

A tap says what it means, "arrived" or "not here", and the portal sets that state: a
repeated tap, a retried request or two phones tapping at once end in the state the last
request asked for, never in the opposite one as a toggle would.
"""

from django.utils import timezone

from . import answers_cache
from .models import Attendee

PRESENT, ABSENT = "present", "absent"


def mark(attendee_id, state, now=None):
    """Set ``attendee_id`` present or absent; a second "present" keeps the first arrival time."""
    if state == PRESENT:
        Attendee.objects.filter(pk=attendee_id, checked_in_at__isnull=True).update(checked_in_at=now or timezone.now())
    elif state == ABSENT:
        Attendee.objects.filter(pk=attendee_id).update(checked_in_at=None)
    else:
        raise ValueError(f"unknown check-in state {state!r}")
    answers_cache.touch(invitations__attendees=attendee_id)  # the UPDATEs above send no signal
