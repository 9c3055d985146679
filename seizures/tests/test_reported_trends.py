"""Reported trend tables: shown and printed beside the seizure table, apart from the computed trends."""

import io

import pytest
from django.urls import reverse

from seizures import demo
from seizures.documents import table_with_charts
from seizures.models import Country, ReportedTrend, ReportedTrendTable
from seizures.reported_trends import disagreements, read_direction, reported_trend_table
from seizures.tables import country_table
from seizures.tests.factories import make_table
from seizures.trends import trend_table

pytestmark = pytest.mark.django_db


@pytest.fixture
def cambodia():
    demo.load(io.StringIO().write)
    return Country.objects.get(name="Cambodia")


def test_the_cambodia_page_shows_the_reported_trends_and_says_where_the_figures_disagree(client_for, partner, cambodia):
    page = client_for(partner).get(cambodia.get_absolute_url()).content.decode()
    assert 'data-testid="reported-trends"' in page and "as reported by the source" in page
    # The example: the pills seized fell in 2012, the source reports use rising.
    assert "Methamphetamine pills 2012: reported ↑, computed ↓" in page


def test_the_trends_page_labels_its_trends_as_computed_and_shows_the_reported_ones(client_for, partner, cambodia):
    page = client_for(partner).get(reverse("seizures:trends", args=[cambodia.slug])).content.decode()
    assert "Computed from the figures" in page and "Trends in the use of drugs in Cambodia, 2011-2016" in page


def test_a_country_without_a_reported_trend_table_shows_none(client_for, partner, cambodia):
    page = client_for(partner).get(Country.objects.get(name="Lao PDR").get_absolute_url()).content.decode()
    assert 'data-testid="reported-trends"' not in page


def test_the_printed_table_carries_the_reported_trends_and_the_disagreements(cambodia):
    printed = table_with_charts(cambodia)
    assert printed["reported"]["years"] == list(range(2011, 2017))
    assert {"label": "Methamphetamine pills", "year": 2012, "reported": "↑", "computed": "↓"} in printed[
        "disagreements"
    ]


def test_a_year_not_reported_on_either_side_is_no_disagreement():
    country, (heroin,) = make_table([2015, 2016], measures=1)
    table = ReportedTrendTable.objects.create(country=country)
    ReportedTrend.objects.create(table=table, measure=heroin, year=2016, direction="not_reported")
    ReportedTrend.objects.create(table=table, measure=heroin, year=2015, direction="decrease")
    computed = trend_table(country_table(country))  # 2015 has no year before it: not computed
    assert disagreements(reported_trend_table(country), computed) == []


def test_trend_cells_are_read_as_the_reports_write_them():
    assert [read_direction(text) for text in ("↑", "Decrease", " ↔ ", "•", "", "up", "12")] == [
        "increase",
        "decrease",
        "stable",
        "not_reported",
        "not_reported",
        "increase",
        None,
    ]
