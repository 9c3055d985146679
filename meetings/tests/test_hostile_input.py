"""An outside tester feeds the meetings pages odd and hostile input: a clear message, never a 500."""

import pytest
from django.urls import reverse

from .factories import AgendaItemFactory, InvitationFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_copying_an_agenda_from_a_source_that_is_not_a_number_says_what_to_choose(client_for, secretariat):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=MeetingFactory())
    url = reverse("meetings:agenda_copy", args=[meeting.pk])
    for source in ["abc", "1 OR 1=1", "²", "99999999999999999999999"]:
        response = client_for(secretariat).post(url, {"source": source}, follow=True)
        assert response.status_code == 200
        assert "Choose the meeting whose agenda to copy." in response.content.decode()
    assert not meeting.agenda_items.exists()


@pytest.mark.parametrize("token", ["ab\x00cd", "x" * 65, "ລາວ", "a b"])
def test_a_tampered_rsvp_link_is_not_found(client, token):
    invitation = InvitationFactory()
    for name in ("meetings:rsvp", "meetings:rsvp_ics"):
        response = client.get(reverse(name, args=[invitation.meeting_id, token]))
        assert response.status_code == 404
