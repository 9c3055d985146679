"""The report page and the board read a fixed number of queries, whatever the number of sections and updates."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from dublin import editing
from idswg.tests.factories import OrganisationFactory
from seizures.tests.factories import make_table

from .factories import CountryReportFactory, PartnerUpdateFactory, RecommendationFactory, SectionFactory


def _grow(report, n):
    """``n`` more sections (each with a sub-section), ``n`` updates, ``n`` recommendations and one table per section."""
    country = report.country
    updates_section = report.sections.get(kind="updates")
    for i in range(n):
        section = SectionFactory(report=report, body=f"<p>Text {i}</p><p>[[table 1]]</p>")
        SectionFactory(report=report, parent=section, position=1)
        editing.add_table(section, country, "all", 2010, 2016)
        PartnerUpdateFactory(
            section=updates_section,
            organisation=OrganisationFactory(),
            body=f"<p>u{i}</p>",
            state="submitted",
            submitted_at=timezone.now(),
        )
        RecommendationFactory(report=report)


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["dublin:report_detail", "dublin:board"])
def test_the_page_reads_as_many_queries_for_30_sections_as_for_3(client_for, secretariat, page, db):
    country, _columns = make_table(range(2008, 2018), measures=3)
    report = CountryReportFactory(country=country)
    SectionFactory(report=report, kind="updates")
    client = client_for(secretariat)
    _grow(report, 3)
    small = _count(client, reverse(page, args=[report.pk]))
    _grow(report, 27)
    large = _count(client, reverse(page, args=[report.pk]))
    assert large == small, (small, large)
