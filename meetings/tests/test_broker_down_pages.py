"""With the broker unreachable the meetings pages answer as usual and say plainly what waits.

No worker here (see ``test_broker_outage.py`` for the whole story with one): what matters is
that nothing answers 500, nothing saved is reported as failed, and each e-mail waits, due,
in the outbox.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from idswg.models import SentMessage
from meetings.models import Invitation, Meeting

from .factories import InvitationFactory, MeetingFactory
from .test_rsvp_by_link import TWO, form_data

pytestmark = pytest.mark.django_db(transaction=True)


def waiting(**filters):
    """The messages matching ``filters``, each still queued and due for the outbox sweep."""
    messages = list(SentMessage.objects.filter(**filters))
    assert messages and all(
        m.state == SentMessage.State.QUEUED and m.next_attempt_at <= timezone.now() for m in messages
    )
    return messages


def test_an_rsvp_by_link_is_saved_and_reported_as_saved(broker_down, client, mailoutbox):
    invitation = InvitationFactory()
    response = client.post(invitation.get_absolute_url(), form_data("accepted", TWO[:1]), follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your answer is saved; the confirmation e-mail will go out as soon as the mail service is back" in page
    assert Invitation.objects.get(pk=invitation.pk).state == Invitation.State.ACCEPTED
    waiting(to=invitation.email, topic="meetings.confirmation")
    assert not mailoutbox


def test_sending_invitations_marks_them_sent_with_their_emails_waiting(broker_down, client_for, secretariat):
    meeting = MeetingFactory(state=Meeting.State.DRAFT)
    invited = InvitationFactory.create_batch(3, meeting=meeting)
    response = client_for(secretariat).post(reverse("meetings:invitations_send", args=[meeting.pk]), follow=True)
    page = response.content.decode()
    assert "3 invitation(s) saved; the e-mails will go out as soon as the mail service is back" in page
    assert page.count("e-mail waiting to go out") == 3
    assert "unsent invitation" not in page  # nothing is left to send: the e-mails exist
    for invitation in invited:
        invitation.refresh_from_db()
        assert invitation.sent_at is not None and invitation.message in waiting(to=invitation.email)
    assert Meeting.objects.get(pk=meeting.pk).state == Meeting.State.INVITED


def test_a_resend_while_the_broker_is_down_is_saved_and_a_second_one_adds_nothing(broker_down, client_for, secretariat):
    invitation = InvitationFactory()
    url = reverse("meetings:invitation_resend", args=[invitation.meeting_id, invitation.pk])
    client = client_for(secretariat)
    first = client.post(url, follow=True).content.decode()
    assert "will go out as soon as the mail service is back" in first
    second = client.post(url, follow=True).content.decode()
    assert "is already on its way; nothing more was sent" in second
    assert len(waiting(to=invitation.email)) == 1
