"""The participant list and the sign-in sheet of a meeting, printed as PDFs for the secretariat.

Rendered with the real WeasyPrint and read back with pdftotext: who attends, for which
organisation, the phones the directory holds, A4 landscape, the header row on every page,
"Page x of y", and a sign-in sheet whose blank rows fill its last page.
"""

import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from idswg import documents, renders
from idswg.models import Organisation, RenderJob
from idswg.tests.factories import (
    FinishedRenderFactory,
    OrganisationFactory,
    PersonFactory,
    cochair_user,
    partner_user,
    secretariat_user,
)
from idswg.tests.pdf_checks import all_fonts, pdf_reader, pdf_text, render_document
from meetings.documents import SignInSheet
from meetings.models import Invitation

from .factories import AttendeeFactory, InvitationFactory, MeetingFactory, MeetingOrganiserFactory

pytestmark = pytest.mark.django_db

LIST, SHEET = "meeting-participant-list", "meeting-sign-in-sheet"


@pytest.fixture
def meeting():
    meeting = MeetingFactory(title="High-Level Meeting of the Illicit Drug Sector Working Group 2024")
    MeetingOrganiserFactory(meeting=meeting, organisation=OrganisationFactory(name="Lao Commission", short_name="LCDC"))
    return meeting


def attend(meeting, organisation, *people):
    """An accepted invitation of ``organisation`` naming ``people`` ((name, position, e-mail) each)."""
    invitation = InvitationFactory(
        meeting=meeting, organisation=organisation, state=Invitation.State.ACCEPTED, answered_at=timezone.now()
    )
    for order, (name, position, email) in enumerate(people):
        AttendeeFactory(invitation=invitation, name=name, position=position, email=email, order=order)
    return invitation


def text_of(content):
    return " ".join(pdf_text(content).split())


def page_texts(content, pages):
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-layout", "-", "-"], input=content, capture_output=True
        ).stdout.decode()
        for n in range(1, pages + 1)
    ]


def crowd(meeting, count):
    organisation = Organisation.objects.filter(short_name="MPS").first() or OrganisationFactory(
        name="Ministry of Public Security", short_name="MPS", kind="government"
    )
    invitation = InvitationFactory(
        meeting=meeting, organisation=organisation, state=Invitation.State.ACCEPTED, answered_at=timezone.now()
    )
    AttendeeFactory.create_batch(count, invitation=invitation, position="Officer of the anti-drug police")


def test_the_participant_list_names_each_attendee_with_organisation_e_mail_and_directory_phone(meeting):
    japan = OrganisationFactory(name="Embassy of Japan", short_name="Japan")
    afp = OrganisationFactory(name="Australian Federal Police", short_name="AFP")
    attend(meeting, japan, ("Mr. Tsutomu KOIZUMI", "Ambassador of Japan to the Lao PDR", "koizumi@example.org"))
    attend(meeting, afp, ("Ms. Jane Officer", "Liaison Officer", "jane@example.org"))
    # The directory holds a phone for the ambassador (its e-mail written in capitals there).
    PersonFactory(name="Tsutomu KOIZUMI", organisation=japan, email="KOIZUMI@example.org", phone="+856 21 414 400")
    declined = InvitationFactory(meeting=meeting, state=Invitation.State.DECLINED, answered_at=timezone.now())
    AttendeeFactory(invitation=declined, name="Mr. Not Coming")

    _html, content, pages = render_document(LIST, meeting.pk)
    text = text_of(content)
    assert "Participant list" in text and meeting.title in text
    assert "Mr. Tsutomu KOIZUMI" in text and "Ambassador of Japan to the Lao PDR" in text
    assert "koizumi@example.org" in text and "+856 21 414 400" in text
    assert "Australian Federal Police (AFP)" in text and "(Japan)" not in text
    assert "Mr. Not Coming" not in text
    assert "2 participants" in text
    assert pages == 1 and "Page 1 of 1" in text
    box = pdf_reader(content).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (297, 210)
    assert pdf_reader(content).metadata.title == f"Participant list: {meeting.title}"


def test_a_meeting_without_participants_prints_one_page_saying_so(meeting):
    _html, content, pages = render_document(LIST, meeting.pk)
    assert "No one has said yet that they will attend." in text_of(content)
    assert pages == 1


def test_a_long_participant_list_repeats_its_header_row_and_counts_its_pages(meeting):
    crowd(meeting, 70)
    _html, content, pages = render_document(LIST, meeting.pk)
    assert pages >= 3
    for number, page in enumerate(page_texts(content, pages), start=1):
        assert "Organisation" in page and "Phone" in page, f"no header row on page {number}"
        assert f"Page {number} of {pages}" in page
    assert "Attendee" in page_texts(content, pages)[-1]


def test_the_lao_participant_list_is_printed_in_lao_with_a_lao_font(meeting):
    attend(
        meeting, OrganisationFactory(name="Embassy of Japan", short_name="Japan"), ("ທ່ານ ສົມພອນ", "", "s@example.org")
    )
    _html, content, _pages = render_document(f"{LIST}-lo", meeting.pk)
    with translation.override("lo"):
        heading = translation.gettext("Participant list")
    assert heading != "Participant list"
    text = text_of(content)
    assert heading in text and "ທ່ານ ສົມພອນ" in text
    assert "Noto-Sans-Lao" in all_fonts(content)
    assert documents.get(f"{LIST}-lo").filename(meeting).endswith("-participant-list-lo.pdf")


def test_the_sign_in_sheet_prints_attendees_with_empty_signature_cells_and_blank_rows_to_the_foot(meeting):
    japan = OrganisationFactory(name="Embassy of Japan", short_name="Japan")
    attend(meeting, japan, ("Mr. Tsutomu KOIZUMI", "Ambassador", "koizumi@example.org"))
    PersonFactory(name="Tsutomu KOIZUMI", organisation=japan, email="koizumi@example.org", phone="+856 21 414 400")
    html, content, pages = render_document(SHEET, meeting.pk)
    text = text_of(content)
    assert "Registration and sign-in sheet" in text and "Signature" in text
    assert "Mr. Tsutomu KOIZUMI" in text and "Embassy of Japan" in text and "+856 21 414 400" in text
    assert pages == 1 and "Page 1 of 1" in text
    assert html.count("<tr>") - 1 == SignInSheet.FIRST_PAGE_ROWS  # the header row, then the page's rows
    assert f" {SignInSheet.FIRST_PAGE_ROWS} " in f" {text} "


@pytest.mark.parametrize(
    ("attendees", "expected_pages"),
    [
        (0, 1),
        (SignInSheet.FIRST_PAGE_ROWS - SignInSheet.MIN_BLANK_ROWS, 1),
        (SignInSheet.FIRST_PAGE_ROWS - SignInSheet.MIN_BLANK_ROWS + 1, 2),
        (40, 4),
    ],
)
def test_the_sign_in_sheet_fills_every_page_it_starts_and_no_more(meeting, attendees, expected_pages):
    crowd(meeting, attendees)
    _html, content, pages = render_document(SHEET, meeting.pk)
    rows = SignInSheet.rows_to_print(attendees)
    assert rows - attendees >= SignInSheet.MIN_BLANK_ROWS
    assert pages == expected_pages
    last = page_texts(content, pages)[-1]
    assert f"Page {pages} of {pages}" in last and "Signature" in last
    # The last page is full, the last row numbered ``rows``. The first page is counted for the
    # tallest heading (Lao, or a title on two lines): an English one holds a row more, which
    # leaves room for one row at the foot of the last page, never a page more.
    numbers = [int(line.split()[0]) for line in last.splitlines() if line.split() and line.split()[0].isdigit()]
    assert numbers[-1] == rows
    full = SignInSheet.FIRST_PAGE_ROWS if pages == 1 else SignInSheet.PAGE_ROWS
    assert full - 1 <= len(numbers) <= full


def test_the_lao_sign_in_sheet_holds_as_many_rows_a_page_as_the_english_one(meeting):
    crowd(meeting, 20)
    _html, content, pages = render_document(f"{SHEET}-lo", meeting.pk)
    assert pages == 2
    with translation.override("lo"):
        assert translation.gettext("Signature") in text_of(content)


@pytest.mark.parametrize("key", [LIST, SHEET])
def test_printing_a_participant_document_costs_the_same_queries_for_3_and_30_participants(key):
    counts = []
    for size in (3, 30):
        meeting = MeetingFactory()
        MeetingOrganiserFactory(meeting=meeting)
        for _ in range(size):
            AttendeeFactory(
                invitation=InvitationFactory(
                    meeting=meeting, state=Invitation.State.ACCEPTED, answered_at=timezone.now()
                )
            )
        document = documents.get(key)
        with CaptureQueriesContext(connection) as queries:
            document.html(document.get_object(meeting.pk))
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 4, counts


@pytest.mark.parametrize("key", [LIST, f"{LIST}-lo", SHEET, f"{SHEET}-lo"])
def test_only_the_secretariat_is_offered_and_may_download_the_participant_documents(meeting, key):
    document = documents.get(key)
    japan = OrganisationFactory(name="Embassy of Japan", short_name="Japan")
    attend(meeting, japan, ("Mr. Tsutomu KOIZUMI", "Ambassador", "koizumi@example.org"))
    from django.contrib.auth.models import AnonymousUser

    secretariat, cochair, partner = secretariat_user(), cochair_user(), partner_user(japan)
    assert document.offered_to(secretariat, meeting) and document.can_download(secretariat, meeting)
    for user in (cochair, partner, AnonymousUser()):
        assert not document.offered_to(user, meeting)
        assert not document.can_download(user, meeting)


def test_the_meeting_page_offers_both_documents_in_both_languages_to_the_secretariat_only(client_for, meeting):
    japan = OrganisationFactory(name="Embassy of Japan", short_name="Japan")
    InvitationFactory(meeting=meeting, organisation=japan)
    url = reverse("meetings:detail", args=[meeting.pk])
    page = client_for(secretariat_user()).get(url).content.decode()
    for key in (LIST, f"{LIST}-lo", SHEET, f"{SHEET}-lo"):
        assert f'data-testid="{key}-box"' in page
    assert "Participant list (PDF)" in page and "Sign-in sheet (PDF)" in page
    for user in (cochair_user(), partner_user(japan)):
        page = client_for(user).get(url).content.decode()
        assert "meeting-participant-list" not in page and "meeting-sign-in-sheet" not in page
        assert 'data-testid="meeting-invitation-box"' in page


@pytest.mark.parametrize("key", [LIST, SHEET])
def test_a_refused_request_queues_nothing_and_the_secretariat_downloads_the_pdf(
    client_for, meeting, key, settings, tmp_path, django_assert_max_num_queries
):
    settings.MEDIA_ROOT = tmp_path
    japan = OrganisationFactory(name="Embassy of Japan", short_name="Japan")
    attend(meeting, japan, ("Mr. Tsutomu KOIZUMI", "Ambassador", "koizumi@example.org"))
    kwargs = {"key": key, "obj_id": meeting.pk}
    for user in (cochair_user(), partner_user(japan)):
        assert client_for(user).post(reverse("render_request", kwargs=kwargs)).status_code == 403
        assert client_for(user).get(reverse("render_status", kwargs=kwargs)).status_code == 403
    anonymous = client_for(None).post(reverse("render_request", kwargs=kwargs))
    assert anonymous.status_code == 302 and reverse("login") in anonymous["Location"]
    assert not RenderJob.objects.exists()

    client = client_for(secretariat_user())
    assert client.post(reverse("render_request", kwargs=kwargs)).status_code == 302
    renders.run(RenderJob.objects.get(document=key).pk)  # what the worker does
    with django_assert_max_num_queries(7):  # the same for a long list: the stored file is served
        response = client.get(reverse("render_download", kwargs=kwargs))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{documents.get(key).filename(meeting)}"'
    assert "Mr. Tsutomu KOIZUMI" in text_of(b"".join(response.streaming_content))
    for user in (cochair_user(), partner_user(japan)):
        assert client_for(user).get(reverse("render_download", kwargs=kwargs)).status_code == 403


@pytest.mark.parametrize("key", [LIST, f"{SHEET}-lo"])
def test_downloading_a_participant_pdf_costs_the_same_queries_for_1_and_40_participants(
    key, client_for, session_queries, settings, tmp_path, django_assert_num_queries
):
    settings.MEDIA_ROOT = tmp_path
    client = client_for(secretariat_user())
    for size in (1, 40):
        meeting = MeetingFactory()
        MeetingOrganiserFactory.create_batch(3, meeting=meeting)
        crowd(meeting, size)
        FinishedRenderFactory(document=key, object_id=meeting.pk, filename=f"{key}.pdf")
        # the user with their roles (one query), the meeting's bare row, the render served
        with django_assert_num_queries(session_queries + 3):
            response = client.get(reverse("render_download", kwargs={"key": key, "obj_id": meeting.pk}))
            assert response.status_code == 200
            assert b"".join(response.streaming_content).startswith(b"%PDF")
