"""Word import of a matrix keeps what it reads: cells by grid position, merged cells once, lists as lists."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from reports.docx_import import read_matrix

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HEADER = ["Sector outputs and activities", "Progress", "Challenges and opportunities"]


def matrix_document(build):
    """A document whose matrix has the usual header; ``build(table)`` fills the rows after it."""
    document = Document()
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    build(document, table)
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile("matrix.docx", buffer.getvalue(), content_type=DOCX)


def rows_of(matrix):
    return [row for section in matrix["sections"] for row in section["rows"]]


def test_a_row_with_two_merged_cells_keeps_its_challenges_in_the_challenges_column():
    def build(document, table):
        row = table.add_row().cells
        row[0].merge(row[1]).text = "Border liaison offices"
        row[2].text = "Staff turnover"

    matrix = read_matrix(matrix_document(build))
    (row,) = rows_of(matrix)
    assert "Border liaison offices" in row["outputs"] and "Staff turnover" in row["challenges"]
    assert row["progress"] == ""
    assert any("spread over “Sector outputs and activities”, “Progress”" in n for n in matrix["notices"])


def test_a_cell_merged_down_over_two_rows_is_kept_once():
    def build(document, table):
        first, second = table.add_row().cells, table.add_row().cells
        first[0].text, second[0].text = "Training of officers", "Drug testing kits"
        first[1].text, second[1].text = "120 trained", "40 kits"
        first[2].merge(second[2]).text = "Funding ends in 2020"

    rows = rows_of(read_matrix(matrix_document(build)))
    assert [("Funding ends in 2020" in row["challenges"]) for row in rows] == [True, False]


def test_a_table_inside_a_cell_is_kept_as_lines_and_said_in_the_preview():
    def build(document, table):
        row = table.add_row().cells
        row[0].text = "Seizures by province"
        inner = row[1].add_table(rows=2, cols=2)
        inner.cell(0, 0).text, inner.cell(0, 1).text = "Bokeo", "120 kg"
        inner.cell(1, 0).text, inner.cell(1, 1).text = "Luang Namtha", "45 kg"

    matrix = read_matrix(matrix_document(build))
    (row,) = rows_of(matrix)
    assert "Bokeo · 120 kg" in row["progress"] and "Luang Namtha · 45 kg" in row["progress"]
    assert any("table inside the cell is kept as lines" in n for n in matrix["notices"])


def test_numbered_lists_stay_numbered_and_bullets_stay_bullets():
    def build(document, table):
        row = table.add_row().cells
        row[0].text = "Priorities"
        cell = row[1]
        cell.paragraphs[0].text = "First step"
        cell.paragraphs[0].style = document.styles["List Number"]
        cell.add_paragraph("Second step", style="List Number")
        cell.add_paragraph("A remark", style="List Bullet")

    (row,) = rows_of(read_matrix(matrix_document(build)))
    assert "<ol><li>First step</li><li>Second step</li></ol>" in row["progress"]
    assert "<ul><li>A remark</li></ul>" in row["progress"]


@pytest.mark.django_db
def test_the_preview_lists_what_is_not_kept_before_the_draft_is_created(client_for, secretariat):
    def build(document, table):
        row = table.add_row().cells
        row[0].merge(row[1]).text = "Joint operations"
        row[2].text = "Coordination"

    data = {"file": matrix_document(build), "year": "2031", "title": "Report 2031", "layout": "2019"}
    page = client_for(secretariat).post(reverse("reports:report_import"), data).content.decode()
    assert 'data-testid="not-kept"' in page and "Table row 2" in page
