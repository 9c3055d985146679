"""Who sees which meeting, the page that reads like the invitation, creating and editing a meeting."""

from datetime import timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from idswg.tests.factories import PersonFactory
from meetings.models import Meeting

from .factories import AgendaItemFactory, CoChairFactory, InvitationFactory, MeetingFactory, in_days

pytestmark = pytest.mark.django_db


def test_the_meeting_page_reads_like_the_invitation(client_for, cochair):
    meeting = MeetingFactory()
    chair = CoChairFactory(meeting=meeting, person=PersonFactory(honorific="H.E. Mr.", name="Tsutomu KOIZUMI"))
    AgendaItemFactory(meeting=meeting, title="Welcome and opening remarks by:", points="MPS\nUNODC")
    page = client_for(cochair).get(meeting.get_absolute_url()).content.decode()
    for text in [
        "Invitation to the " + meeting.title,
        meeting.venue,
        "H.E. Mr. Tsutomu KOIZUMI",
        chair.person.position,
        "Welcome and opening remarks by:",
        "<li>UNODC</li>",
        "Please confirm your attendance by",
    ]:
        assert text in page, text


def test_drafts_are_for_the_secretariat_only(client_for, secretariat, cochair):
    draft = MeetingFactory(state=Meeting.State.DRAFT)
    assert client_for(cochair).get(draft.get_absolute_url()).status_code == 404
    assert client_for(secretariat).get(draft.get_absolute_url()).status_code == 200


def test_a_partner_lists_only_the_meetings_their_organisation_is_invited_to(client_for, partner):
    mine = InvitationFactory(organisation=partner.organisation).meeting
    other = MeetingFactory()
    page = client_for(partner).get(reverse("meetings:list")).content.decode()
    assert mine.title in page and other.title not in page


def test_a_partner_sees_the_pending_rsvp_on_the_home_page(client_for, partner):
    invitation = InvitationFactory(organisation=partner.organisation)
    page = client_for(partner).get(reverse("home")).content.decode()
    assert 'data-testid="pending-rsvps"' in page and invitation.get_absolute_url() in page


def form(**fields):
    return {
        "kind": "high_level",
        "title_en": "High-Level Meeting 2027",
        "date": in_days(40).date().isoformat(),
        "start_time": "08:30",
        "end_time": "12:30",
        "venue_en": "Double Tree by Hilton Vientiane",
        "rsvp_by": in_days(35).date().isoformat(),
        "max_attendees": "2",
        "reminder_days": "2",
        "state": "draft",
        "organisers-TOTAL_FORMS": "0",
        "organisers-INITIAL_FORMS": "0",
        "cochairs-TOTAL_FORMS": "0",
        "cochairs-INITIAL_FORMS": "0",
    } | fields


def test_the_secretariat_creates_a_meeting_in_vientiane_time(client_for, secretariat):
    response = client_for(secretariat).post(reverse("meetings:create"), form())
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert f"{meeting.local_start:%H:%M}" == "08:30" and meeting.starts_at.utcoffset() is not None
    assert meeting.starts_at.astimezone().utcoffset() == timedelta(hours=7)
    assert f"{meeting.local_deadline:%H:%M}" == "23:59"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"end_time": "08:00"}, "The meeting must end after it starts."),
        ({"rsvp_by": in_days(40).date().isoformat()}, "The RSVP deadline must fall before the day of the meeting."),
        ({"start_time": "25:00"}, "Enter a valid time."),
        ({"contact_email": "secretariat@"}, "Enter a valid email address."),
    ],
)
def test_bad_meeting_input_is_refused_next_to_the_field(client_for, secretariat, fields, message):
    response = client_for(secretariat).post(reverse("meetings:create"), form(**fields))
    assert response.status_code == 200 and message in response.content.decode()
    assert not Meeting.objects.exists()


def test_moving_a_meeting_bumps_its_calendar_revision(client_for, secretariat):
    meeting = MeetingFactory()
    client = client_for(secretariat)
    day = meeting.local_start.date()
    rsvp_by = (day - timedelta(days=3)).isoformat()
    data = form(date=day.isoformat(), rsvp_by=rsvp_by, start_time="09:00", state="invited")
    client.post(reverse("meetings:edit", args=[meeting.pk]), data)
    meeting.refresh_from_db()
    assert meeting.sequence == 1 and f"{meeting.local_start:%H:%M}" == "09:00"
    event = Calendar.from_ical(client.get(reverse("meetings:ics", args=[meeting.pk])).content).events[0]
    assert event["sequence"] == 1 and event.start == meeting.starts_at


def test_an_invitee_downloads_the_calendar_file_through_the_link(client):
    invitation = InvitationFactory()
    response = client.get(reverse("meetings:rsvp_ics", args=[invitation.meeting_id, invitation.token]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert str(calendar.events[0]["uid"]) == f"meeting-{invitation.meeting.uid}@idswg"
    assert b"BEGIN:VTIMEZONE" in response.content and b"TZID:Asia/Vientiane" in response.content


def test_the_secretariat_home_shows_how_many_answered(client_for, secretariat):
    invitation = InvitationFactory()
    InvitationFactory(meeting=invitation.meeting)
    page = client_for(secretariat).get(reverse("home")).content.decode()
    assert invitation.meeting.title in page and "0 of 2 answered" in page


def test_a_partner_home_never_shows_answer_counts(client_for, partner):
    InvitationFactory(organisation=partner.organisation)
    page = client_for(partner).get(reverse("home")).content.decode()
    assert " of 1 answered" not in page
