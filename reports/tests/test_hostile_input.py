"""An outside tester uploads files the Word import was not made for: each gets a message that says what it is."""

import io
import re

import openpyxl
import pytest
from django.urls import reverse

from reports.docx_import import DocxImportError, read_matrix
from reports.models import MatrixSection, Report, RowComment

from .factories import ReportFactory, RowFactory
from .test_report_header_and_narratives import HEADER
from .test_word_import_and_export import upload

pytestmark = pytest.mark.django_db

OLE_HEADER = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504  # how a .doc or an encrypted .docx starts


def excel_workbook():
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, message",
    [
        (OLE_HEADER, "older Word (.doc) file or a password-protected document"),
        (excel_workbook(), "but an Excel workbook"),
    ],
    ids=["a .doc or password-protected file", "an .xlsx renamed .docx"],
)
def test_a_file_of_another_kind_is_named_for_what_it_is_and_nothing_is_imported(data, message, client_for, secretariat):
    with pytest.raises(DocxImportError, match=re.escape(message)):
        read_matrix(io.BytesIO(data))
    response = client_for(secretariat).post(
        reverse("reports:report_import"),
        {"year": 2018, "title": "x", "layout": "2019", "file": upload(data, "report.docx")},
    )
    assert response.status_code == 200
    assert message in response.context["form"].errors["file"][0]
    assert not Report.objects.exists()


def test_a_megabyte_pasted_into_the_report_header_is_refused_and_the_header_is_unchanged(client_for, secretariat):
    report = ReportFactory(year=2025, key_mandate="Coordinate.")
    megabyte = "ລາຍງານ word " * 90_000
    response = client_for(secretariat).post(
        reverse("reports:report_edit", args=[report.pk]), HEADER | {"key_mandate": megabyte}
    )
    assert response.status_code == 200
    assert "Ensure this value has at most 10000 characters" in response.context["form"].errors["key_mandate"][0]
    report.refresh_from_db()
    assert report.key_mandate == "Coordinate."


def test_a_long_lao_header_within_the_limit_is_kept(client_for, secretariat):
    report = ReportFactory(year=2025)
    lao = "ຄະນະກຳມະການແຫ່ງຊາດ ເພື່ອຄວບຄຸມຢາເສບຕິດ " * 200
    response = client_for(secretariat).post(
        reverse("reports:report_edit", args=[report.pk]), HEADER | {"key_mandate": lao}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.key_mandate == lao.strip()


def test_a_comment_longer_than_the_limit_is_refused_with_a_message_that_says_so(client_for, partner):
    row = RowFactory(section__report__state="review")
    response = client_for(partner).post(
        reverse("reports:comment_create", args=[row.pk]), {"body": "x" * 200_000}, follow=True
    )
    page = response.content.decode()
    assert "Ensure this value has at most 4000 characters (it has 200000)." in page
    assert "Write a comment first." not in page
    assert not RowComment.objects.exists()


def test_an_empty_comment_still_asks_for_a_comment(client_for, partner):
    row = RowFactory(section__report__state="review")
    response = client_for(partner).post(reverse("reports:comment_create", args=[row.pk]), {"body": " "}, follow=True)
    assert "Write a comment first." in response.content.decode()


@pytest.mark.parametrize("parent", ["abc", "1 OR 1=1", "²"])
def test_a_new_subsection_under_a_parent_that_is_not_a_number_is_not_found(client_for, secretariat, parent):
    report = ReportFactory()
    response = client_for(secretariat).post(
        reverse("reports:section_create", args=[report.pk]), {"parent": parent, "title": "Subsection"}
    )
    assert response.status_code == 404
    assert not MatrixSection.objects.filter(report=report).exists()
