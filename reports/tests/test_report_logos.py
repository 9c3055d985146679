"""The secretariat chooses whose logos a report's cover carries (the 2024 report carries UNODC's);
they print in the header of its first page, so the report keeps its pages."""

import pytest
from django.urls import reverse

from idswg.models import Organisation
from idswg.tests.logo_images import give_logos, image_sizes, load_demo_with_media
from idswg.tests.pdf_checks import pdf_text, render_document
from reports.models import Report

from .test_report_header_and_narratives import HEADER

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    load_demo_with_media(settings, tmp_path)
    settings.DEBUG = False
    give_logos("UNODC")
    return Organisation.objects.get(short_name_en="UNODC")


def test_the_demo_2024_report_chooses_unodcs_emblem_as_its_seed_and_the_older_ones_none(demo):
    chosen = {report.year: list(report.cover_organisations.all()) for report in Report.objects.filter(kind="annual")}
    assert chosen == {2015: [], 2019: [], 2024: [demo]}


def test_the_secretariat_chooses_the_cover_logos_in_the_report_header(demo, client_for, secretariat):
    report = Report.objects.get(kind="annual", year=2024)
    report.cover_organisations.clear()
    url = reverse("reports:report_edit", args=[report.pk])
    client = client_for(secretariat)
    assert "logos on the cover" in client.get(url).text.lower()
    header = HEADER | {"year": 2024, "title": report.title, "layout": report.layout}
    response = client.post(url, header | {"cover_organisations": [demo.pk]})
    assert response.status_code == 302
    assert list(report.cover_organisations.all()) == [demo]
    response = client.post(url, header | {"cover_organisations": ["999999"]})
    assert response.status_code == 200  # an organisation that does not exist is refused ...
    assert list(report.cover_organisations.all()) == [demo]  # ... and changes nothing


@pytest.mark.parametrize("year", [2015, 2019, 2024])
def test_the_cover_logo_prints_in_the_first_pages_header_and_the_report_keeps_its_pages(demo, year):
    report = Report.objects.get(kind="annual", year=year)
    report.cover_organisations.clear()
    _html, _content, pages_without = render_document("report", report.pk)
    report.cover_organisations.set([demo])
    html, content, pages = render_document("report", report.pk)
    assert pages == pages_without
    sizes = image_sizes(content)
    assert sizes[0] == [(480, 160)]
    assert not any(sizes[1:])  # the first page only
    assert 'alt="United Nations Office on Drugs and Crime"' in html
    assert report.title.split()[0] in pdf_text(content).split("\f")[0]


def test_an_organisation_chosen_without_a_logo_prints_nothing(demo):
    report = Report.objects.get(kind="annual", year=2024)
    report.cover_organisations.set([Organisation.objects.get(short_name_en="LCDC")])
    html, content, _pages = render_document("report", report.pk)
    assert "organiser-logos" not in html and "element(letterhead)" not in html
    assert not any(image_sizes(content))
