"""The live part of the answers dashboard (counts, one page of answers), kept in the cache per version.

The dashboard refreshes itself every 30 seconds on every secretariat screen that shows it, and
at 500 invitations a page cost some 12 ms of queries and rendering (the counts, fifty rows with
their organisations and attendees) while answers come in a few a day. So the part is cached
under a key that changes whenever what it shows may change:

- ``Meeting.answers_stamp``, a new random value at every change of the meeting (``Meeting.save``),
  of its invitations and their attendees (the receivers below), of the name of an invited
  organisation, and at the writes that bypass ``save``: a check-in (``checkin.mark``) and an
  invitation sent (``invitations.send``);
- the meeting's state and whether the RSVP is open now (the deadline passes without a write);
- the search and the page asked for; the language and the time zone (added by ``cached_html``).

The stamp comes with the meeting's row, which the page reads anyway. CSRF tokens, the check of
every hit in the test suite and the part's lifetime are ``idswg.cached_html``'s.
"""

import hashlib

from idswg.cached_html import LazyHtml, cached_html, new_stamp, renew_on_save_and_delete
from idswg.models import Organisation

from . import participants
from .models import Attendee, Invitation, Meeting

TEMPLATE = "meetings/_dashboard_live.html"


def answers(request, meeting, query, page_number):
    """The live part of ``meeting``'s dashboard (safe HTML when written): from the cache, or rendered and kept."""
    return LazyHtml(lambda: _answers_html(request, meeting, query, page_number))


def _answers_html(request, meeting, query, page_number):
    asked = hashlib.sha256(f"{query}\n{page_number}".encode()).hexdigest()[:24]  # any text a user typed
    rsvp_open = meeting.rsvp_open()

    def context():
        summary = participants.summary(meeting)
        page = participants.dashboard_page(meeting, query, page_number, invited=summary["invited"])
        return {
            "meeting": meeting,
            "summary": summary,
            "invitations": page,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number),
            "query": query,
            "rsvp_open": rsvp_open,
        }

    key = (
        "meetings:answers",
        str(meeting.pk),
        meeting.answers_stamp,
        meeting.state,
        "open" if rsvp_open else "closed",
        asked,
    )
    return cached_html(request, key, TEMPLATE, context)


def touch(**filters):
    """Give the meetings matching ``filters`` (say ``pk=...`` or ``invitations=...``) a new answers stamp."""
    Meeting.objects.filter(**filters).update(answers_stamp=new_stamp())


def connect():
    """Renew the stamps on every change the dashboard shows (called by the app's ``ready``)."""
    renew_on_save_and_delete(
        touch,
        {
            Invitation: lambda invitation: {"pk": invitation.meeting_id},
            Attendee: lambda attendee: {"invitations": attendee.invitation_id},
            Organisation: lambda organisation: {"invitations__organisation": organisation.pk},  # its name shows
        },
        "answers_cache",
    )
