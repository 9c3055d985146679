"""The participant list in CSV and XLSX, safe to open in a spreadsheet; the sign-in sheet; check-in."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from meetings.models import Invitation

from .factories import AttendeeFactory, InvitationFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    meeting = MeetingFactory()
    invitation = InvitationFactory(meeting=meeting, state="accepted", answered_at=meeting.rsvp_deadline)
    AttendeeFactory(invitation=invitation, name='=HYPERLINK("http://evil")', position="+1", email="a@example.org")
    AttendeeFactory(invitation=invitation, name="ສົມພອນ ວົງສາ", position="-Director", email="b@example.org")
    declined = InvitationFactory(meeting=meeting, state="declined", answered_at=meeting.rsvp_deadline)
    AttendeeFactory(invitation=declined, name="Not coming")  # left over: a declined answer is not listed
    return meeting


def test_the_csv_lists_who_attends_with_formulas_neutralised(client_for, secretariat, meeting):
    response = client_for(secretariat).get(reverse("meetings:participants_csv", args=[meeting.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["No.", "Name"]
    assert [r[1] for r in rows[1:]] == ['\'=HYPERLINK("http://evil")', "ສົມພອນ ວົງສາ"]
    assert rows[1][2] == "'+1" and rows[2][2] == "'-Director"


def test_the_xlsx_holds_text_never_formulas(client_for, secretariat, meeting):
    response = client_for(secretariat).get(reverse("meetings:participants_xlsx", args=[meeting.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == meeting.title
    assert sheet["A2"].value.endswith("08:30–12:30, " + meeting.venue)
    assert sheet["B5"].value == '\'=HYPERLINK("http://evil")' and sheet["B5"].data_type == "s"
    assert sheet["B6"].value == "ສົມພອນ ວົງສາ"
    assert sheet.max_row == 6


def test_a_meeting_title_starting_with_equals_is_written_as_text_not_a_formula(client_for, secretariat, meeting):
    meeting.title = '=HYPERLINK("http://evil","Technical Meeting")'
    meeting.venue = "=1+1"
    meeting.save()
    response = client_for(secretariat).get(reverse("meetings:participants_xlsx", args=[meeting.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == meeting.title and sheet["A1"].data_type == "s"
    assert sheet["A2"].value.endswith(", =1+1") and sheet["A2"].data_type == "s"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_the_sign_in_sheet_lists_attendees_and_blank_rows(client_for, secretariat, meeting):
    page = client_for(secretariat).get(reverse("meetings:sign_in_sheet", args=[meeting.pk])).content.decode()
    assert "ສົມພອນ ວົງສາ" in page and "Not coming" not in page and "Signature" in page


def test_checking_in_an_arrival_and_undoing_it(client_for, secretariat, meeting):
    attendee = Invitation.objects.get(meeting=meeting, state="accepted").attendees.first()
    client = client_for(secretariat)
    url = reverse("meetings:check_in_mark", args=[meeting.pk, attendee.pk])
    row = client.post(url, {"state": "present"}, HTTP_HX_REQUEST="true").content.decode()
    assert "btn-success" in row and '"state": "absent"' in row  # the next tap undoes it
    attendee.refresh_from_db()
    assert attendee.checked_in_at is not None
    csv_text = client.get(reverse("meetings:participants_csv", args=[meeting.pk])).content.decode("utf-8-sig")
    assert f"{timezone.localtime(attendee.checked_in_at):%H:%M}" in csv_text  # Vientiane time
    client.post(url, {"state": "absent"})
    attendee.refresh_from_db()
    assert attendee.checked_in_at is None


def test_the_check_in_search_narrows_the_list(client_for, secretariat, meeting):
    url = reverse("meetings:check_in", args=[meeting.pk])
    page = client_for(secretariat).get(url, {"q": "ສົມພອນ"}, HTTP_HX_REQUEST="true").content.decode()
    assert "ສົມພອນ" in page and "HYPERLINK" not in page


def test_the_check_in_page_has_one_arrival_counter(client_for, secretariat, meeting):
    page = client_for(secretariat).get(reverse("meetings:check_in", args=[meeting.pk])).content.decode()
    assert page.count(' id="arrived-count"') == 1 and "0 of 2 arrived." in page
