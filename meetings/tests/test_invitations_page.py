"""The secretariat invites, sends, resends and reads the answers given, from the meeting's pages."""

import pytest
from django.core import mail
from django.urls import reverse

from idswg.models import SentMessage
from idswg.tests.factories import OrganisationFactory, PersonFactory
from meetings import rsvp
from meetings.models import Invitation, Meeting

from .factories import InvitationFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_inviting_organisations_and_someone_else_then_sending(
    client_for, secretariat, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(state=Meeting.State.DRAFT)
    embassy = OrganisationFactory()
    PersonFactory(organisation=embassy, email="officer@embassy.example")
    data = {"organisations": [embassy.pk], "name": "Dr. Guest", "email": "guest@example.org", "send_now": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(secretariat).post(reverse("meetings:invitations", args=[meeting.pk]), data)
    assert response.status_code == 302
    assert sorted(meeting.invitations.values_list("email", flat=True)) == [
        "guest@example.org",
        "officer@embassy.example",
    ]
    assert SentMessage.objects.filter(topic="meetings.invitation", state="sent").count() == 2
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.INVITED


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "Dr. Guest", "email": "guest@"}, "Enter a valid email address."),
        ({"email": "guest@example.org"}, "Give the name of the person to invite."),
        ({"name": "Dr. Guest"}, "Give the e-mail address the invitation goes to."),
        ({}, "Choose organisations or people to invite"),
    ],
)
def test_bad_invitation_input_is_refused_with_a_message(client_for, secretariat, data, message):
    meeting = MeetingFactory()
    response = client_for(secretariat).post(reverse("meetings:invitations", args=[meeting.pk]), data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not Invitation.objects.exists()


def test_resending_records_another_message(client_for, secretariat):
    invitation = InvitationFactory()
    url = reverse("meetings:invitation_resend", args=[invitation.meeting_id, invitation.pk])
    response = client_for(secretariat).post(url, {"back": "dashboard"})
    assert response["Location"] == reverse("meetings:dashboard", args=[invitation.meeting_id])
    assert SentMessage.objects.filter(to=invitation.email, topic="meetings.invitation").count() == 1


def test_sending_one_invitation_of_a_draft_meeting_opens_its_rsvp(client_for, secretariat):
    invitation = InvitationFactory(meeting=MeetingFactory(state=Meeting.State.DRAFT))
    client_for(secretariat).post(reverse("meetings:invitation_resend", args=[invitation.meeting_id, invitation.pk]))
    assert Meeting.objects.get(pk=invitation.meeting_id).state == Meeting.State.INVITED


def test_an_invitation_of_another_meeting_cannot_be_resent_through_this_one(client_for, secretariat):
    invitation = InvitationFactory()
    url = reverse("meetings:invitation_resend", args=[MeetingFactory().pk, invitation.pk])
    assert client_for(secretariat).post(url).status_code == 404
    invitation_after = type(invitation).objects.get(pk=invitation.pk)
    assert invitation_after.sent_at == invitation.sent_at and not mail.outbox


def test_the_history_shows_who_answered_what_and_when(client_for, secretariat, partner):
    invitation = InvitationFactory(organisation=partner.organisation)
    rsvp.answer(invitation.pk, "accepted", [{"name": "Ms. A", "position": "", "email": "a@example.org"}])
    rsvp.answer(invitation.pk, "declined", user=partner, via="account")
    url = reverse("meetings:invitation_history", args=[invitation.meeting_id, invitation.pk])
    page = client_for(secretariat).get(url).content.decode()
    assert page.index("Not attending") < page.index("Attending")  # newest first
    assert "Ms. A" in page and "Logged in: " + str(partner) in page and "Personal link" in page


def test_the_dashboard_refreshes_itself_with_a_fragment(client_for, secretariat):
    invitation = InvitationFactory()
    url = reverse("meetings:dashboard", args=[invitation.meeting_id])
    fragment = client_for(secretariat).get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment and 'data-testid="count-invited">1<' in fragment
