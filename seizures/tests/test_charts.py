"""Trend charts: SVG drawn by matplotlib on the server, usable by the PDF briefings."""

from decimal import Decimal

import pytest
from django.urls import reverse

from seizures.charts import render_svg, trend_svg
from seizures.models import SeizureValue
from seizures.tests.factories import make_table

pytestmark = pytest.mark.django_db


def test_trend_svg_draws_a_point_per_reported_year_and_a_gap_for_the_rest():
    country, (heroin, _opium) = make_table([2014, 2015, 2016, 2017])
    SeizureValue.objects.filter(year=2015, measure=heroin).update(value=None)
    SeizureValue.objects.filter(year=2017, measure=heroin).update(period_months=6)
    svg = trend_svg(country, heroin)
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert 'id="year-2014"' in svg and 'id="year-2016"' in svg and 'id="year-2017"' in svg
    assert 'id="year-2015"' not in svg
    assert "(6 m)" in svg


def test_text_stays_text_so_the_pdf_labels_are_searchable_lao_included():
    svg = render_svg("ສປປ ລາວ", "ເຮໂຣອີນ (kg)", "kg", ((2016, Decimal(1), 12), (2017, Decimal(2), 12)))
    assert "<text" in svg and "ສປປ ລາວ" in svg and "ເຮໂຣອີນ (kg)" in svg


def test_the_chart_url_serves_svg_to_members(client_for, partner):
    country, (heroin, _opium) = make_table([2016, 2017])
    response = client_for(partner).get(reverse("seizures:chart", args=[country.slug, heroin.slug]))
    assert response["Content-Type"] == "image/svg+xml" and b"year-2017" in response.content
