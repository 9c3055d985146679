"""The Word export carries real file properties, a header row repeated on each page and the seed's headings."""

import io
from datetime import UTC, timedelta

import docx
import pytest
from django.utils import timezone
from docx.oxml.ns import qn

from reports.docx_export import report_to_docx
from reports.tests.factories import NarrativeFactory, report_with_rows

pytestmark = pytest.mark.django_db


def exported(report):
    return docx.Document(io.BytesIO(report_to_docx(report)))


def test_the_word_file_names_the_report_the_secretariat_and_the_moment_it_was_made():
    report = report_with_rows(2)
    properties = exported(report).core_properties
    assert properties.title == report.title
    assert properties.author == "IDSWG Secretariat (LCDC and UNODC)"
    assert properties.last_modified_by == "IDSWG Secretariat (LCDC and UNODC)"
    assert timezone.now() - properties.created.replace(tzinfo=UTC) < timedelta(minutes=1)
    assert "python-docx" not in (properties.comments + properties.author + properties.keywords)


def test_the_matrix_header_row_repeats_on_each_page():
    table = exported(report_with_rows(3)).tables[0]
    header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
    assert header is not None and header.get(qn("w:val")) == "true"
    assert [cell.text for cell in table.rows[0].cells][:2] == ["Sector outputs and activities", "Progress"]
    assert all(row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])


def test_a_2019_matrix_opens_under_the_seeds_heading_not_matrix():
    report = report_with_rows(1)
    headings = [p.text for p in exported(report).paragraphs if p.style.name.startswith("Heading")]
    assert f"Overview of Sector Performance in {report.year}" in headings
    assert "Matrix" not in headings


def test_a_2015_matrix_follows_the_reports_own_section_two_heading():
    report = report_with_rows(1, layout="2015")
    NarrativeFactory(report=report, kind="other", title="II. Overview of FY 2014/2015 Sector Performance")
    headings = [p.text for p in exported(report).paragraphs if p.style.name.startswith("Heading")]
    assert headings[-1] == "II. Overview of FY 2014/2015 Sector Performance"
    assert "Matrix" not in headings
