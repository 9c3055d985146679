"""An invitee answers through their personal link, before the deadline, and only for their own meeting."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Invitation, Meeting, RsvpAnswer

from .factories import InvitationFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def form_data(state="accepted", attendees=(), note=""):
    data = {
        "state": state,
        "note": note,
        "attendee-TOTAL_FORMS": str(max(len(attendees), 2)),
        "attendee-INITIAL_FORMS": "0",
        "attendee-MIN_NUM_FORMS": "0",
        "attendee-MAX_NUM_FORMS": "1000",
    }
    for i, (name, position, email) in enumerate(attendees):
        data |= {f"attendee-{i}-name": name, f"attendee-{i}-position": position, f"attendee-{i}-email": email}
    return data


TWO = [("Ms. A", "First Secretary", "a@example.org"), ("Mr. B", "Attaché", "b@example.org")]


@pytest.fixture
def invitation():
    return InvitationFactory()


def test_an_invitee_answers_with_two_attendees_without_logging_in(
    client, invitation, mailoutbox, django_capture_on_commit_callbacks
):
    page = client.get(invitation.get_absolute_url())
    assert page.status_code == 200
    assert invitation.meeting.title in page.content.decode()
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(invitation.get_absolute_url(), form_data("accepted", TWO, "Wheelchair access"))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.ACCEPTED
    assert [a.name for a in invitation.attendees.all()] == ["Ms. A", "Mr. B"]
    assert invitation.note == "Wheelchair access"
    assert invitation.answers.get().via == "link"
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [invitation.email]


def test_an_invitee_changes_the_answer_and_every_answer_is_kept(client, invitation):
    client.post(invitation.get_absolute_url(), form_data("accepted", TWO))
    client.post(invitation.get_absolute_url(), form_data("representative", TWO[1:]))
    client.post(invitation.get_absolute_url(), form_data("declined"))
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.DECLINED
    assert not invitation.attendees.exists()
    history = list(invitation.answers.order_by("created_at", "pk").values_list("state", flat=True))
    assert history == ["accepted", "representative", "declined"]
    assert RsvpAnswer.objects.filter(invitation=invitation, state="accepted").get().attendees[1]["name"] == "Mr. B"


def test_after_the_deadline_the_page_says_closed_and_an_answer_changes_nothing(client, invitation):
    Meeting.objects.filter(pk=invitation.meeting_id).update(rsvp_deadline=timezone.now() - timedelta(minutes=1))
    page = client.get(invitation.get_absolute_url())
    assert "The RSVP is closed" in page.content.decode()
    assert "secretariat@example.org" in page.content.decode()
    response = client.post(invitation.get_absolute_url(), form_data("accepted", TWO))
    assert response.status_code == 409
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.PENDING and not invitation.answers.exists()


@pytest.mark.parametrize("state", [Meeting.State.DRAFT, Meeting.State.RSVP_CLOSED, Meeting.State.HELD])
def test_no_answer_is_taken_unless_invitations_are_out(client, invitation, state):
    Meeting.objects.filter(pk=invitation.meeting_id).update(state=state)
    assert client.post(invitation.get_absolute_url(), form_data("declined")).status_code == 409
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.PENDING


def test_an_unknown_or_tampered_token_gives_a_bare_404(client, invitation):
    changed = invitation.token[:-1] + ("A" if invitation.token[-1] != "A" else "B")
    for token in ["nope", changed, invitation.token.upper()]:
        response = client.get(reverse("meetings:rsvp", args=[invitation.meeting_id, token]))
        assert response.status_code == 404
        assert invitation.meeting.title not in response.content.decode()
    assert client.post(reverse("meetings:rsvp", args=[invitation.meeting_id, "nope"]), form_data()).status_code == 404


def test_a_token_for_one_meeting_cannot_answer_for_another(client, invitation):
    other = MeetingFactory()
    url = reverse("meetings:rsvp", args=[other.pk, invitation.token])
    assert client.get(url).status_code == 404
    assert client.post(url, form_data("declined")).status_code == 404
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.PENDING


def test_a_bad_email_is_shown_next_to_the_field_and_nothing_is_saved(client, invitation):
    response = client.post(invitation.get_absolute_url(), form_data("accepted", [("Ms. A", "", "not-an-email")]))
    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.PENDING and not invitation.attendees.exists()


def test_an_attendee_without_email_or_a_name_twice_is_refused(client, invitation):
    response = client.post(invitation.get_absolute_url(), form_data("accepted", [("Ms. A", "", "")]))
    assert "Give this attendee" in response.content.decode()
    twice = [("Ms. A", "", "a@example.org"), ("Ms. A again", "", "A@example.org")]
    response = client.post(invitation.get_absolute_url(), form_data("accepted", twice))
    assert "already in the list" in response.content.decode()
    assert not Invitation.objects.get(pk=invitation.pk).answers.exists()


def test_attending_needs_at_least_one_attendee(client, invitation):
    response = client.post(invitation.get_absolute_url(), form_data("accepted", []))
    assert "Name at least one person who will attend." in response.content.decode()
    assert Invitation.objects.get(pk=invitation.pk).state == Invitation.State.PENDING


def test_an_organisation_names_no_more_than_the_meeting_allows(client, invitation):
    colleague = InvitationFactory(meeting=invitation.meeting, organisation=invitation.organisation)
    client.post(colleague.get_absolute_url(), form_data("accepted", TWO[:1]))
    three = TWO + [("Ms. C", "", "c@example.org")]
    response = client.post(invitation.get_absolute_url(), form_data("accepted", three))
    assert "at most 1 more attendee" in response.content.decode()
    assert Invitation.objects.get(pk=invitation.pk).state == Invitation.State.PENDING


def test_a_partner_answers_for_their_organisation_from_the_meeting_page(client_for, partner):
    invitation = InvitationFactory(organisation=partner.organisation)
    client = client_for(partner)
    page = client.get(invitation.meeting.get_absolute_url())
    assert invitation.get_absolute_url() in page.content.decode()
    client.post(invitation.get_absolute_url(), form_data("accepted", TWO[:1]))
    answer = invitation.answers.get()
    assert answer.answered_by == partner and answer.via == "account"


def test_a_partner_never_sees_another_organisations_meeting_or_links(client_for, partner):
    other = InvitationFactory()
    client = client_for(partner)
    assert client.get(other.meeting.get_absolute_url()).status_code == 404
    assert other.meeting.title not in client.get(reverse("meetings:list")).content.decode()
