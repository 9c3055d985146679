"""Each app's document prints from the demo content: checked in the PDF's text, pages and fonts.

The documents are found through the registry (``idswg.documents``), as the portal finds
them, and their objects through the app registry, so this package names no app.
"""

import io
import re

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
    return content, pages, " ".join(pdf_text(content).split())  # lines joined: wrapping is layout


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


def test_a_report_prints_its_header_narratives_priorities_and_matrix_on_landscape_pages(demo):
    Report = apps.get_model("reports", "Report")
    report = Report.objects.get(kind="annual", year=2019)
    content, pages, text = render("report", report)
    assert report.title in text
    assert "SWG key mandate" in text and report.chair_and_cochairs.split()[0] in text
    assert "Sector outputs and activities" in text and "Challenges and opportunities" in text
    assert "A." in text
    reader = pdf_reader(content)
    sizes = {size_mm(content, i) for i in range(len(reader.pages))}
    assert sizes == {(297, 210)}, "landscape throughout: the header table shares the matrix's first page"
    # the matrix's column headings repeat on each of its pages
    matrix_pages = [i for i in range(pages) if size_mm(content, i) == (297, 210)]
    assert len(matrix_pages) >= 2
    for i in matrix_pages:
        assert "Sector outputs and activities" in reader.pages[i].extract_text()


def test_the_briefing_binds_cover_contents_and_the_chosen_parts_with_page_numbers(demo):
    from reports import briefing

    Country = apps.get_model("seizures", "Country")
    Report = apps.get_model("reports", "Report")
    meeting = high_level_meeting()
    briefing.configure(
        meeting,
        report=Report.objects.get(kind="annual", year=2024),
        countries=Country.objects.filter(name="Lao PDR"),
    )
    content, pages, text = render("meeting-briefing", meeting)
    reader = pdf_reader(content)
    cover, contents = reader.pages[0].extract_text(), reader.pages[1].extract_text()
    assert "Briefing for the co-chairs" in cover
    assert "Double Tree by Hilton Vientiane" in cover and "Friday, 8 November 2024" in cover
    assert "Khamking Phouilamanivong" in cover and "Embassy of Japan" in cover
    assert "Page 1 of" not in cover, "the cover has no header or footer"
    assert "Contents" in contents and "Invitation and agenda" in contents
    assert "Seizure of illicit drugs in Lao PDR" in contents
    # each part's page number in the contents is the page where the part starts
    seizure_page = next(i for i in range(pages) if "Source: LCDC" in reader.pages[i].extract_text())
    listed = re.search(r"Lao PDR from 2008 to 2017[ .]*(\d+)", contents)
    assert listed and int(listed[1]) == seizure_page + 1
    assert "Illicit Drug Sector Working Group Report 2024" in text
    assert size_mm(content, seizure_page) == (297, 210)
    assert f"Page {pages} of {pages}" in text
    assert reader.metadata.title.startswith("Briefing for the High-Level Meeting")
    assert is_tagged(content)


def test_a_change_to_any_part_marks_the_briefing_stale(demo):
    from reports import briefing

    Country = apps.get_model("seizures", "Country")
    meeting = high_level_meeting()
    lao = Country.objects.get(name="Lao PDR")
    briefing.configure(meeting, countries=[lao])
    document = documents.get("meeting-briefing")
    before = document.fingerprint(document.get_object(meeting.pk))
    assert document.fingerprint(document.get_object(meeting.pk)) == before, "the same input hashes the same"
    value = lao.values.filter(year=2016).first()
    value.value += 1
    value.save()
    assert document.fingerprint(document.get_object(meeting.pk)) != before
