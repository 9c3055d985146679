"""An outside tester feeds the meetings pages odd and hostile input: a clear message, never a 500."""

import pytest
from django.urls import reverse

from meetings.models import Invitation, Meeting

from .factories import AgendaItemFactory, InvitationFactory, MeetingFactory
from .test_meeting_pages import form
from .test_rsvp_by_link import form_data

pytestmark = pytest.mark.django_db

TOO_LONG_EMAIL = "a" * 250 + "@example.org"  # 262 characters; the column holds 254


@pytest.mark.parametrize("field, value", [("date", "9999-12-31"), ("date", "1900-01-10"), ("rsvp_by", "0001-01-01")])
def test_a_meeting_date_far_outside_the_calendar_is_refused_next_to_its_field(client_for, secretariat, field, value):
    response = client_for(secretariat).post(reverse("meetings:create"), form(**{field: value}))
    assert response.status_code == 200
    assert "Give a date between the years 2000 and 2100." in response.context["form"].errors[field]
    assert not Meeting.objects.exists()


def test_a_reminder_a_hundred_billion_days_before_the_deadline_is_refused(client_for, secretariat):
    response = client_for(secretariat).post(reverse("meetings:create"), form(reminder_days="100000000000"))
    assert response.status_code == 200
    assert response.context["form"].errors["reminder_days"]
    assert not Meeting.objects.exists()


def test_copying_an_agenda_from_a_source_that_is_not_a_number_says_what_to_choose(client_for, secretariat):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=MeetingFactory())
    url = reverse("meetings:agenda_copy", args=[meeting.pk])
    for source in ["abc", "1 OR 1=1", "²", "99999999999999999999999"]:
        response = client_for(secretariat).post(url, {"source": source}, follow=True)
        assert response.status_code == 200
        assert "Choose the meeting whose agenda to copy." in response.content.decode()
    assert not meeting.agenda_items.exists()


def test_an_invitation_to_an_e_mail_longer_than_the_column_is_refused_next_to_the_field(client_for, secretariat):
    meeting = MeetingFactory()
    response = client_for(secretariat).post(
        reverse("meetings:invitations", args=[meeting.pk]), {"name": "Ms. Long", "email": TOO_LONG_EMAIL}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert not Invitation.objects.exists()


def test_an_attendee_with_an_e_mail_longer_than_the_column_is_refused(client, mailoutbox):
    invitation = InvitationFactory()
    response = client.post(invitation.get_absolute_url(), form_data(attendees=[("Ms. A", "", TOO_LONG_EMAIL)]))
    assert response.status_code == 200
    assert response.context["attendees"].forms[0].errors["email"]
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.PENDING and not invitation.attendees.exists()


@pytest.mark.parametrize("token", ["ab\x00cd", "x" * 65, "ລາວ", "a b"])
def test_a_tampered_rsvp_link_is_not_found(client, token):
    invitation = InvitationFactory()
    for name in ("meetings:rsvp", "meetings:rsvp_ics"):
        response = client.get(reverse(name, args=[invitation.meeting_id, token]))
        assert response.status_code == 404


def test_zero_attendees_per_organisation_is_refused_next_to_the_field_not_by_constraint_name(client_for, secretariat):
    response = client_for(secretariat).post(reverse("meetings:create"), form(max_attendees="0"))
    assert response.status_code == 200
    form_errors = response.context["form"].errors
    assert form_errors["max_attendees"] == ["Ensure this value is greater than or equal to 1."]
    assert "__all__" not in form_errors
    assert not Meeting.objects.exists()


def test_a_megabyte_pasted_into_the_invitation_text_is_refused_next_to_the_field(client_for, secretariat):
    response = client_for(secretariat).post(reverse("meetings:create"), form(purpose_en="ການປະຊຸມ purpose " * 70_000))
    assert response.status_code == 200
    assert "Ensure this value has at most 10000 characters" in response.context["form"].errors["purpose_en"][0]
    assert not Meeting.objects.exists()


def test_an_agenda_item_with_a_megabyte_of_sub_points_is_refused_and_nothing_is_added(client_for, secretariat):
    meeting = MeetingFactory()
    response = client_for(secretariat).post(
        reverse("meetings:agenda_item_new", args=[meeting.pk]),
        {"start": "09:00", "end": "09:30", "kind": "session", "title_en": "Opening", "points_en": "MPS\n" * 250_000},
    )
    assert response.status_code == 422
    assert "Ensure this value has at most 5000 characters" in response.context["form"].errors["points_en"][0]
    assert not meeting.agenda_items.exists()
