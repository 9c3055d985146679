"""Meeting materials: files checked by content and extension, kept private, downloaded only as attachments."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from idswg import documents
from idswg.roles import PARTNER
from idswg.tests.factories import UserFactory
from meetings.models import Material

from .factories import AgendaItemFactory, InvitationFactory, MeetingFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def docx_bytes(folder="word/"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(client, meeting, name, content, **fields):
    data = {"file": SimpleUploadedFile(name, content), "title": "", "audience": "invitees", "agenda_item": ""}
    return client.post(f"/meetings/{meeting.pk}/materials/", data | fields)


def test_the_secretariat_uploads_a_pdf_stored_privately_under_a_random_name(client_for, secretariat, private_media):
    meeting = MeetingFactory()
    response = upload(client_for(secretariat), meeting, "Draft IDSWG report 2025.pdf", PDF)
    assert response.status_code == 302
    material = Material.objects.get()
    assert (material.title, material.original_name, material.content_type) == (
        "Draft IDSWG report 2025",
        "Draft IDSWG report 2025.pdf",
        "application/pdf",
    )
    assert "Draft" not in material.file.name and material.file.name.endswith(".pdf")
    assert (private_media / material.file.name).read_bytes() == PDF


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.exe", b"MZ\x90\x00", "not accepted"),
        ("page.html", b"<html><script>alert(1)</script>", "not accepted"),
        ("report.pdf", b"<html><script>alert(1)</script>", "not a .pdf file"),
        ("slides.pptx", docx_bytes("word/"), "not a .pptx file"),
        ("notes.docx", b"PK\x03\x04 not really a zip", "not a .docx file"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_a_file_whose_type_or_content_is_wrong_is_refused_and_nothing_is_stored(
    client_for, secretariat, private_media, name, content, message
):
    meeting = MeetingFactory()
    response = upload(client_for(secretariat), meeting, name, content)
    assert response.status_code == 422
    assert message in " ".join(response.context["file_form"].errors["file"])
    assert not Material.objects.exists()
    assert not (private_media / "materials").exists()


def test_a_real_word_file_is_accepted(client_for, secretariat):
    meeting = MeetingFactory()
    assert upload(client_for(secretariat), meeting, "Notes.docx", docx_bytes()).status_code == 302
    assert Material.objects.get().content_type.endswith("wordprocessingml.document")


def test_a_file_over_the_size_limit_is_refused(client_for, secretariat, settings):
    settings.MEETINGS_MATERIAL_MAX_BYTES = 100
    meeting = MeetingFactory()
    response = upload(client_for(secretariat), meeting, "big.pdf", PDF + b"0" * 200)
    assert response.status_code == 422
    assert "largest accepted is 100" in " ".join(response.context["file_form"].errors["file"])
    assert not Material.objects.exists()


def add_material(meeting, audience="invitees", **fields):
    return Material.objects.create(
        meeting=meeting,
        title=fields.pop("title", f"Material for {audience}"),
        file=SimpleUploadedFile("x.pdf", PDF),
        original_name="Draft <report>.pdf",
        content_type="application/pdf",
        size=len(PDF),
        audience=audience,
        **fields,
    )


def test_the_download_is_an_attachment_never_inlined_or_sniffed(client_for, secretariat):
    material = add_material(MeetingFactory())
    response = client_for(secretariat).get(f"/meetings/{material.meeting_id}/materials/{material.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == PDF


def test_an_invitee_downloads_invitee_materials_through_their_link_only(client):
    meeting = MeetingFactory()
    invitation = InvitationFactory(meeting=meeting)
    shared, partners_only = add_material(meeting), add_material(meeting, "partners")
    base = f"/meetings/{meeting.pk}/rsvp/{invitation.token}/materials/"
    assert client.get(f"{base}{shared.pk}/").status_code == 200
    assert client.get(f"{base}{partners_only.pk}/").status_code == 404
    wrong_token = f"/meetings/{meeting.pk}/rsvp/{'x' * 43}/materials/{shared.pk}/"
    assert client.get(wrong_token).status_code == 404
    other = add_material(MeetingFactory())
    assert client.get(f"{base}{other.pk}/").status_code == 404


def test_partners_see_invitee_and_partner_materials_co_chairs_also_theirs(client_for, cochair):
    meeting = MeetingFactory()
    invitation = InvitationFactory(meeting=meeting)
    partner = UserFactory(role=PARTNER, organisation=invitation.organisation)
    materials = {audience: add_material(meeting, audience) for audience in Material.Audience.values}
    url = f"/meetings/{meeting.pk}/materials/{{}}/download/"
    client = client_for(partner)
    assert [client.get(url.format(m.pk)).status_code for m in materials.values()] == [200, 200, 404]
    page = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "Material for partners" in page and "Material for cochairs" not in page
    client = client_for(cochair)
    assert [client.get(url.format(m.pk)).status_code for m in materials.values()] == [200, 200, 200]


def test_a_partner_of_an_organisation_not_invited_downloads_nothing(client_for, partner):
    material = add_material(MeetingFactory())
    assert (
        client_for(partner).get(f"/meetings/{material.meeting_id}/materials/{material.pk}/download/").status_code == 404
    )


def test_the_rsvp_page_and_the_invitation_email_list_the_invitee_materials(client):
    from meetings import invitations

    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting, title="Sector Working Group Report")
    add_material(meeting, title="Draft IDSWG report", agenda_item=item)
    add_material(meeting, "cochairs", title="Speaking notes")
    invitation = InvitationFactory(meeting=meeting)
    page = client.get(invitation.get_absolute_url()).content.decode()
    assert "Draft IDSWG report" in page and "Speaking notes" not in page
    subject, body, html = invitations.render_message("invitation", invitation)
    link = f"/meetings/{meeting.pk}/rsvp/{invitation.token}/materials/"
    assert "Draft IDSWG report" in body and link in body and link in html
    assert "Speaking notes" not in body


def test_a_portal_document_is_attached_and_served_from_its_pdf(
    client_for, secretariat, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory()
    value = f"meeting-invitation:{meeting.pk}"
    assert value in dict(documents_choices())
    client = client_for(secretariat)
    invitation = InvitationFactory(meeting=meeting)
    with django_capture_on_commit_callbacks(execute=False):  # the worker has not made the PDF yet
        response = client.post(
            f"/meetings/{meeting.pk}/materials/document/", {"document": value, "title": "", "audience": "invitees"}
        )
    assert response.status_code == 302
    material = Material.objects.get()
    assert (material.document_key, material.document_id, material.file.name) == ("meeting-invitation", meeting.pk, "")
    url = f"/meetings/{meeting.pk}/rsvp/{invitation.token}/materials/{material.pk}/"
    pending = client.get(url)
    assert pending.status_code == 503 and pending["Retry-After"] == "30"
    from idswg import renders

    renders.run(renders.latest(material.document_key, material.document_id).pk)
    download = client.get(f"/meetings/{meeting.pk}/rsvp/{invitation.token}/materials/{material.pk}/")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def documents_choices():
    from meetings import materials

    return materials.document_choices()


def test_an_unknown_document_is_refused_next_to_the_field(client_for, secretariat):
    meeting = MeetingFactory()
    response = client_for(secretariat).post(
        f"/meetings/{meeting.pk}/materials/document/", {"document": "no-such:1", "audience": "invitees"}
    )
    assert response.status_code == 422 and "document" in response.context["document_form"].errors
    assert not Material.objects.exists()
    assert "meeting-invitation" in documents.REGISTRY


def test_the_database_refuses_a_material_that_is_both_or_neither():
    from django.db import IntegrityError, transaction

    meeting = MeetingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Material.objects.create(meeting=meeting, title="Nothing")
    with pytest.raises(IntegrityError), transaction.atomic():
        Material.objects.create(meeting=meeting, title="Both", file="materials/x.pdf", document_key="k", document_id=1)


def test_the_agenda_pdf_mentions_the_materials_of_each_item():
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting, title="Sector Working Group Report")
    add_material(meeting, title="Draft IDSWG report", agenda_item=item)
    add_material(meeting, "cochairs", title="Speaking notes", agenda_item=item)
    document = documents.get("meeting-invitation")
    html = document.html(document.get_object(meeting.pk))
    assert "Draft IDSWG report" in html and "Speaking notes" not in html
