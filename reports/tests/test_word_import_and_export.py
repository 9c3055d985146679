"""Word: export a report, import an earlier matrix (preview, then a draft); a bad file changes nothing."""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from reports.docx_export import report_to_docx
from reports.docx_import import DocxImportError, create_draft, read_matrix
from reports.models import Report
from reports.services import report_for_display

from .factories import ReportFactory, RowFactory, SectionFactory

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def upload(data, name="report.docx"):
    return SimpleUploadedFile(name, data, content_type=DOCX)


def sample_report(layout="2019"):
    report = ReportFactory(layout=layout, title="IDSWG report 2019")
    top = SectionFactory(report=report, title="Sectoral thematic areas")
    sub = SectionFactory(report=report, parent=top, title="RTIM recommendations")
    RowFactory(
        section=sub,
        outputs="<p>Outcome 1 – Economic Development</p>",
        progress="<p><strong>Regional cooperation:</strong> the Mekong MOU</p><ul><li>15 BLOs</li><li>7 new</li></ul>",
        challenges='<p>See <a href="https://www.vanmaicoffee.com">Vanmai</a></p>',
        key_messages="<p>Be pragmatic</p>",
        indicator="None",
    )
    b = SectionFactory(report=report, title="Communication and outreach")
    RowFactory(section=b, outputs="<p>A field visit</p>", progress="<p>Members learned</p>", challenges="")
    return report


def test_the_export_is_a_word_document_with_the_matrix(db):
    document = Document(io.BytesIO(report_to_docx(sample_report())))
    text = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "A. Sectoral thematic areas" in text and "1. RTIM recommendations" in text
    assert "Regional cooperation: the Mekong MOU" in text
    bold = [
        r.text
        for t in document.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
        if r.bold
    ]
    assert "Regional cooperation:" in bold
    styles = {p.style.name for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs}
    assert "List Bullet" in styles


def test_export_then_import_gives_back_the_same_rows(db):
    report = sample_report(layout="2015")
    matrix = read_matrix(io.BytesIO(report_to_docx(report)))
    assert matrix["row_count"] == 2
    assert [s["title"] for s in matrix["sections"]] == ["Sectoral thematic areas", "Communication and outreach"]
    (row,) = matrix["sections"][0]["subsections"][0]["rows"]
    assert "<strong>Regional cooperation:</strong>" in row["progress"]
    assert "<ul><li>15 BLOs</li><li>7 new</li></ul>" in row["progress"]
    assert row["key_messages"] == "<p>Be pragmatic</p>" and row["indicator"] == "None"
    assert row["challenges"] == '<p>See <a href="https://www.vanmaicoffee.com" rel="noopener noreferrer">Vanmai</a></p>'
    new = create_draft(matrix, 2014, "Imported 2014", "2015")
    assert new.state == "draft"
    assert [r.progress for r in report_for_display(new).all_rows()][1] == "<p>Members learned</p>"


def test_the_import_page_previews_then_creates_a_draft(client_for, secretariat):
    data = report_to_docx(sample_report())
    client = client_for(secretariat)
    response = client.post(
        reverse("reports:report_import"),
        {"year": 2018, "title": "IDSWG report 2018", "layout": "2019", "file": upload(data)},
    )
    page = response.content.decode()
    assert 'data-testid="preview"' in page and "Members learned" in page
    assert not Report.objects.filter(year=2018).exists()
    token = re.search(r'name="confirm" value="([^"]+)"', page).group(1)
    response = client.post(reverse("reports:report_import"), {"confirm": token})
    report = Report.objects.get(year=2018)
    assert response["Location"] == report.get_absolute_url()
    assert report.state == "draft" and len(list(report_for_display(report).all_rows())) == 2


def test_a_tampered_confirmation_creates_nothing(client_for, secretariat):
    client_for(secretariat).post(reverse("reports:report_import"), {"confirm": "tampered:value"})
    assert not Report.objects.exists()


def bad_files():
    big = io.BytesIO()
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b"a" * (41 * 1024 * 1024))
    no_table = io.BytesIO()
    document = Document()
    document.add_paragraph("No matrix here")
    document.save(no_table)
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("hello.txt", "not word")
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("word/document.xml", "<not xml")
    return {
        "plain text": (b"just some text", "not a Word"),
        "oversized": (b"x" * (5 * 1024 * 1024 + 1), "larger than 5 MB"),
        "zip bomb": (big.getvalue(), "more than 40 MB"),
        "no matrix": (no_table.getvalue(), "No matrix table"),
        "other zip": (zipped.getvalue(), "not a Word"),
        "broken package": (broken.getvalue(), "could not be read"),
    }


@pytest.mark.parametrize("case", list(bad_files()))
def test_a_bad_file_gets_a_clear_error_next_to_the_field_and_changes_nothing(case, client_for, secretariat):
    data, message = bad_files()[case]
    with pytest.raises(DocxImportError, match=message):
        read_matrix(io.BytesIO(data))
    response = client_for(secretariat).post(
        reverse("reports:report_import"), {"year": 2018, "title": "x", "layout": "2019", "file": upload(data)}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Report.objects.exists()


def test_hostile_markup_in_a_word_cell_is_imported_as_text(db):
    document = Document()
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "Sector outputs and activities"
    table.rows[0].cells[1].text = "Progress"
    table.rows[1].cells[0].text = "<script>alert(1)</script>"
    table.rows[1].cells[1].text = "<img src=x onerror=alert(1)>"
    out = io.BytesIO()
    document.save(out)
    (row,) = read_matrix(io.BytesIO(out.getvalue()))["sections"][0]["rows"]
    assert row["outputs"] == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    assert "<img" not in row["progress"]


def test_a_year_that_already_has_a_report_is_refused_next_to_the_field(client_for, secretariat):
    ReportFactory(year=2018)
    data = report_to_docx(sample_report())
    response = client_for(secretariat).post(
        reverse("reports:report_import"), {"year": 2018, "title": "x", "layout": "2019", "file": upload(data)}
    )
    assert "There is already a report for this year." in response.content.decode()


def test_members_download_a_report_they_can_read(client_for, partner):
    report = sample_report()
    assert client_for(partner).get(reverse("reports:report_export_docx", args=[report.pk])).status_code == 404
    report.state = "final"
    report.save()
    response = client_for(partner).get(reverse("reports:report_export_docx", args=[report.pk]))
    assert response["Content-Type"] == DOCX and response.content[:2] == b"PK"


def test_a_hostile_hyperlink_in_a_word_cell_loses_its_address(db):
    from reports.docx_export import add_hyperlink

    document = Document()
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "Sector outputs and activities"
    table.rows[0].cells[1].text = "Progress"
    table.rows[1].cells[0].text = "Output"
    add_hyperlink(table.rows[1].cells[1].paragraphs[0], "javascript:alert(1)", "click me")
    out = io.BytesIO()
    document.save(out)
    (row,) = read_matrix(io.BytesIO(out.getvalue()))["sections"][0]["rows"]
    assert row["progress"] == '<p><a rel="noopener noreferrer">click me</a></p>'
