"""Each app's document prints from the demo content: checked in the PDF's text, pages and fonts.

The documents are found through the registry (``idswg.documents``), as the portal finds
them, and their objects through the app registry, so this package names no app.
"""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from idswg import documents, pdf
from idswg.tests.pdf_checks import all_fonts, is_tagged, pdf_reader, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())


def render(key, obj):
    document = documents.get(key)
    content, pages = pdf.render(document.html(document.get_object(obj.pk)))
    return content, pages, pdf_text(content)


def size_mm(content, index=0):
    box = pdf_reader(content).pages[index].mediabox
    return round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)


def high_level_meeting():
    Meeting = apps.get_model("meetings", "Meeting")
    return Meeting.objects.get(kind="high_level", starts_at__year=2024)


def test_the_invitation_prints_organisers_details_cochairs_and_the_agenda(demo):
    content, pages, text = render("meeting-invitation", high_level_meeting())
    assert "Invitation to the High-Level Meeting" in text
    assert "Lao National Commission for Drug Control and Supervision" in text and "UNODC" in text
    assert "Double Tree by Hilton Vientiane" in text and "08:30" in text
    assert "Khamking Phouilamanivong" in text and "Tsutomu KOIZUMI" in text
    assert "Coffee & Refreshment Break" in text and "Meeting agenda" in text
    assert pages == len(pdf_reader(content).pages) >= 2
    assert f"Page {pages} of {pages}" in text
    assert size_mm(content) == (210, 297)
    assert pdf_reader(content).metadata.title.startswith("Invitation to the High-Level Meeting")
    assert is_tagged(content)


def test_lao_text_in_an_invitation_is_set_in_the_embedded_lao_font(demo):
    meeting = high_level_meeting()
    meeting.venue = "ໂຮງແຮມ ດັບເບິນທຣີ, ນະຄອນຫຼວງວຽງຈັນ (ຄະນະກຳມະການແຫ່ງຊາດ)"
    meeting.save()
    content, _pages, text = render("meeting-invitation", meeting)
    assert "ຄະນະກຳມະການແຫ່ງຊາດ" in text
    assert "Noto-Sans-Lao" in all_fonts(content)


def test_the_seizure_table_prints_each_year_blank_for_not_reported_and_its_charts(demo):
    Country = apps.get_model("seizures", "Country")
    content, pages, text = render("seizure-table", Country.objects.get(name="Lao PDR"))
    assert "Lao PDR" in text and "Heroin" in text and "Cannabis" in text
    assert "462,988" in text and "68.35" in text
    assert "first 6 months" in text
    assert "not reported" in text
    assert size_mm(content) == (297, 210)
    assert pages >= 2
    chart_page = pdf_reader(content).pages[-1]
    assert chart_page["/Resources"].get("/XObject"), "the trend charts are drawn on the last page"
    assert "Noto-Sans" in all_fonts(content)
