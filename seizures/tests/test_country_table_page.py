"""The table page: years as rows, units in headers, partial years and footnotes marked, the source line."""

from decimal import Decimal

import pytest
from django.urls import reverse

from seizures.models import ReportedTrend, ReportedTrendTable, SeizureValue
from seizures.tables import country_table
from seizures.tests.factories import make_table

pytestmark = pytest.mark.django_db


def test_the_table_reads_like_the_report(client_for, partner):
    country, (heroin, opium) = make_table([2016, 2017])
    SeizureValue.objects.filter(year=2017).update(period_months=6, footnote="first 6 months for 2017")
    SeizureValue.objects.filter(year=2017, measure=opium).update(value=None)
    page = client_for(partner).get(country.get_absolute_url()).content.decode()
    assert f'{heroin.name}<span class="unit d-block">(kg)' in page
    assert "2017<sup>*</sup>" in page and "first 6 months for 2017" in page
    assert "<strong>Source:</strong> LCDC" in page
    assert '<span class="visually-hidden">not reported</span>' in page


def test_not_reported_and_zero_are_different():
    country, (heroin, opium) = make_table([2016])
    SeizureValue.objects.filter(measure=heroin).update(value=Decimal(0))
    SeizureValue.objects.filter(measure=opium).delete()
    (row,) = country_table(country)["rows"]
    assert row["cells"][0]["value"] == 0 and row["cells"][0]["reported"] and row["cells"][0]["text"] == "0"
    assert row["cells"][1]["value"] is None and not row["cells"][1]["reported"]


def test_a_partial_year_without_a_footnote_gets_one():
    country, _measures = make_table([2016, 2017])
    SeizureValue.objects.filter(year=2017).update(period_months=6)
    table = country_table(country)
    assert table["rows"][1]["mark"] == "*"
    assert table["notes"] == [{"mark": "*", "text": "first 6 months of 2017"}]


def test_a_footnote_shared_by_a_column_is_marked_in_its_header():
    country, (pills, _other) = make_table([2015, 2016])
    SeizureValue.objects.filter(measure=pills).update(footnote="converted at 100 mg per pill")
    table = country_table(country)
    assert table["columns"][0]["mark"] == "*" and table["rows"][0]["cells"][0]["mark"] == ""


def _reported_trends(country, measures, years):
    table = ReportedTrendTable.objects.create(country=country, title="Reported")
    ReportedTrend.objects.bulk_create(
        ReportedTrend(table=table, measure=measure, year=year, direction="increase")
        for measure in measures
        for year in range(1990, 1990 + years)
    )


@pytest.mark.parametrize("years", [3, 30])
def test_the_page_query_count_does_not_grow_with_the_years(
    client_for, partner, django_assert_num_queries, session_queries, years
):
    country, measures = make_table(range(1990, 1990 + years), measures=8)
    _reported_trends(country, measures, years)
    client = client_for(partner)
    client.get(country.get_absolute_url())  # session and roles warmed up like any later page
    with django_assert_num_queries(7 + session_queries):  # the user with their roles, ..., the reported trend table
        response = client.get(country.get_absolute_url())
    assert response.content.decode().count('<tr id="row-') == years


@pytest.mark.parametrize("years", [3, 30])
def test_the_trend_page_query_count_does_not_grow_either(
    client_for, partner, django_assert_num_queries, session_queries, years
):
    country, measures = make_table(range(1990, 1990 + years), measures=8)
    _reported_trends(country, measures, years)
    client = client_for(partner)
    with django_assert_num_queries(7 + session_queries):
        assert client.get(reverse("seizures:trends", args=[country.slug])).status_code == 200


def test_everyone_logged_in_reads_the_tables_and_only_the_secretariat_sees_edit(client_for, partner, secretariat):
    country, _measures = make_table([2016])
    assert "Add a year" not in client_for(partner).get(country.get_absolute_url()).content.decode()
    assert "Add a year" in client_for(secretariat).get(country.get_absolute_url()).content.decode()
    assert client_for(None).get(country.get_absolute_url()).status_code == 302


def test_the_index_and_home_panel_list_each_country_with_its_years_and_values_to_check(client_for, cochair):
    country, (heroin, _opium) = make_table([2015, 2016])
    SeizureValue.objects.filter(measure=heroin, year=2016).update(flag="far from its neighbours")
    client = client_for(cochair)
    for url in (reverse("seizures:index"), reverse("home")):
        page = client.get(url).content.decode()
        assert country.name in page and "2015–2016" in page and "1 value to check" in page
