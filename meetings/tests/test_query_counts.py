"""The secretariat's pages and exports run the same number of queries for 10 and 500 invitations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from idswg.tests.factories import OrganisationFactory
from meetings.models import Attendee, Invitation

from .factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

PAGES = {
    "meetings:dashboard": 10,
    "meetings:participants_csv": 8,
    "meetings:participants_xlsx": 8,
    "meetings:sign_in_sheet": 8,
    "meetings:check_in": 10,
    "meetings:invitations": 14,
    "meetings:detail": 14,
}


def meeting_with(count):
    meeting = MeetingFactory()
    AgendaItemFactory.create_batch(5, meeting=meeting)
    organisations = OrganisationFactory.create_batch(5)
    states = ["accepted", "declined", "pending", "representative"]
    invitations = Invitation.objects.bulk_create(
        Invitation(
            meeting=meeting,
            organisation=organisations[i % 5],
            name=f"Invitee {i}",
            email=f"invitee{i}@example.org",
            state=states[i % 4],
            answered_at=None if states[i % 4] == "pending" else timezone.now(),
        )
        for i in range(count)
    )
    Attendee.objects.bulk_create(
        Attendee(invitation=inv, name=f"Attendee {inv.pk}", email=f"a{inv.pk}@example.org")
        for inv in invitations
        if inv.state in Invitation.ATTENDING
    )
    return meeting


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", PAGES)
def test_a_page_costs_the_same_for_10_and_500_invitations(client_for, secretariat, name):
    client = client_for(secretariat)
    small, large = meeting_with(10), meeting_with(500)
    counts = [queries(client, reverse(name, args=[m.pk])) for m in (small, large)]
    assert counts[0] == counts[1], f"{name}: {counts[0]} queries for 10, {counts[1]} for 500"
    assert counts[1] <= PAGES[name], f"{name}: {counts[1]} queries"


def test_the_dashboard_counts_the_answers(client_for, secretariat):
    meeting = meeting_with(500)
    response = client_for(secretariat).get(reverse("meetings:dashboard", args=[meeting.pk]))
    summary = response.context["summary"]
    assert summary["invited"] == 500 and summary["pending"] == 125 and summary["declined"] == 125
    assert summary["attending"] == 250 and summary["headcount"] == 250 and summary["answered"] == 375


@pytest.mark.parametrize("role", ["secretariat", "partner"])
def test_the_meeting_list_costs_the_same_for_3_and_30_meetings(client_for, secretariat, partner, role):
    from meetings.tests.factories import MeetingOrganiserFactory

    user = {"secretariat": secretariat, "partner": partner}[role]
    client = client_for(user)
    counts = []
    for total in (3, 30):
        while Invitation.objects.filter(organisation=partner.organisation).count() < total:
            meeting = MeetingFactory()
            MeetingOrganiserFactory(meeting=meeting)
            Invitation.objects.create(
                meeting=meeting, organisation=partner.organisation, name="P", email=f"p{meeting.pk}@example.org"
            )
        counts.append(queries(client, reverse("meetings:list")))
    assert counts[0] == counts[1], counts


def test_the_rsvp_page_and_the_agenda_editor_cost_the_same_for_3_and_30_agenda_items(client_for, secretariat):
    from idswg.tests.factories import PersonFactory
    from meetings.tests.factories import CoChairFactory, InvitationFactory

    counts = {"rsvp": [], "agenda": []}
    for size in (3, 30):
        invitation = InvitationFactory()
        meeting = invitation.meeting
        CoChairFactory.create_batch(3, meeting=meeting)
        for item in AgendaItemFactory.create_batch(size, meeting=meeting, points="One\nTwo"):
            item.presenters.add(PersonFactory())
        counts["rsvp"].append(queries(client_for(None), invitation.get_absolute_url()))
        counts["agenda"].append(queries(client_for(secretariat), reverse("meetings:agenda", args=[meeting.pk])))
    assert counts["rsvp"][0] == counts["rsvp"][1], counts
    assert counts["agenda"][0] == counts["agenda"][1], counts
