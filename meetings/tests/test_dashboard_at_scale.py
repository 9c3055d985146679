"""The answers dashboard at thousands of invitations: paginated, searchable, counts over all; XLSX dates."""

import io
from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from idswg.models import Organisation
from idswg.tests.factories import OrganisationFactory
from meetings.models import Attendee, Invitation
from meetings.participants import DASHBOARD_PAGE_SIZE

from .factories import MeetingFactory

pytestmark = pytest.mark.django_db


def meeting_with(count):
    meeting = MeetingFactory()
    organisations = [
        Organisation.objects.filter(name=f"Embassy {n}").first() or OrganisationFactory(name=f"Embassy {n}")
        for n in range(3)
    ]
    Invitation.objects.bulk_create(
        Invitation(
            meeting=meeting,
            organisation=organisations[i % 3],
            name=f"Invitee {i:04d}",
            email=f"invitee{i}@example.org",
            state="accepted" if i % 2 else "pending",
            answered_at=timezone.now() if i % 2 else None,
        )
        for i in range(count)
    )
    return meeting


def test_the_dashboard_shows_one_page_with_the_counts_of_all(client_for, secretariat):
    meeting = meeting_with(120)
    response = client_for(secretariat).get(reverse("meetings:dashboard", args=[meeting.pk]))
    assert len(response.context["invitations"].object_list) == DASHBOARD_PAGE_SIZE
    assert response.context["summary"]["invited"] == 120
    page = response.content.decode()
    assert 'data-testid="dashboard-pages"' in page and "Invitations 1–50 of 120" in page
    last = client_for(secretariat).get(reverse("meetings:dashboard", args=[meeting.pk]) + "?page=3")
    assert len(last.context["invitations"].object_list) == 20


def test_a_page_number_out_of_range_or_not_a_number_shows_a_page(client_for, secretariat):
    meeting = meeting_with(60)
    client = client_for(secretariat)
    for page in ("99", "x", "-1"):
        response = client.get(reverse("meetings:dashboard", args=[meeting.pk]) + f"?page={page}")
        assert response.status_code == 200


def test_the_dashboard_finds_an_invitee_by_name_or_organisation(client_for, secretariat):
    meeting = meeting_with(120)
    invitation = Invitation.objects.get(meeting=meeting, name="Invitee 0007")
    Attendee.objects.create(invitation=invitation, name="Ms. Khamla Sisouk", email="k@example.org")
    client = client_for(secretariat)
    url = reverse("meetings:dashboard", args=[meeting.pk])
    assert [i.name for i in client.get(url + "?q=invitee 0007").context["invitations"]] == ["Invitee 0007"]
    assert [i.name for i in client.get(url + "?q=khamla").context["invitations"]] == ["Invitee 0007"]
    by_organisation = client.get(url + "?q=Embassy 1").context["invitations"]
    assert by_organisation.paginator.count == 40
    response = client.get(url + "?q=nobody-like-this")
    assert "No invitation matches the search." in response.content.decode()
    assert response.context["summary"]["invited"] == 120  # the counts stay those of the whole meeting


def queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_search_costs_the_same_at_100_and_2000_invitations(client_for, secretariat):
    client = client_for(secretariat)
    counts = [
        queries(client, reverse("meetings:dashboard", args=[meeting_with(n).pk]) + "?q=Embassy&page=2")
        for n in (100, 2000)
    ]
    assert counts[0] == counts[1], counts


def test_the_xlsx_has_answer_and_arrival_times_as_date_cells_in_vientiane_time(client_for, secretariat):
    meeting = MeetingFactory()
    answered = timezone.make_aware(datetime(2030, 11, 1, 10, 15), timezone.get_current_timezone())
    invitation = Invitation.objects.create(
        meeting=meeting, name="Invitee", email="i@example.org", state="accepted", answered_at=answered
    )
    arrived = timezone.make_aware(datetime(2030, 11, 8, 8, 41), timezone.get_current_timezone())
    Attendee.objects.create(invitation=invitation, name="A", email="a@example.org", checked_in_at=arrived)
    response = client_for(secretariat).get(reverse("meetings:participants_xlsx", args=[meeting.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["I4"].value == "Answered at"
    assert sheet["I5"].value == datetime(2030, 11, 1, 10, 15) and sheet["I5"].is_date
    assert sheet["H5"].value == datetime(2030, 11, 8, 8, 41) and sheet["H5"].is_date
    assert sheet["I5"].number_format == "yyyy-mm-dd hh:mm"
