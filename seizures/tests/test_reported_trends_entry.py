"""The secretariat types a reported trend table by hand; bad input is refused and changes nothing."""

import pytest
from django.urls import reverse

from seizures.models import ReportedTrend
from seizures.reported_trends import reported_trend_table
from seizures.tests.factories import make_table

pytestmark = pytest.mark.django_db


def url(country):
    return reverse("seizures:reported_trends_edit", args=[country.slug])


def test_the_secretariat_types_a_trend_table_and_it_is_shown_beside_the_figures(client_for, secretariat):
    country, (heroin, opium) = make_table([2015, 2016])
    client = client_for(secretariat)
    page = client.get(url(country)).content.decode()
    assert f'name="trend-{heroin.pk}-2016"' in page  # the table's drugs and years, ready to fill
    data = {
        "title": "Drug use trends",
        "source": "NACD",
        "legend": "↑ = Increase",
        "first_year": "2015",
        "last_year": "2016",
        f"trend-{heroin.pk}-2015": "increase",
        f"trend-{heroin.pk}-2016": "decrease",
        f"trend-{opium.pk}-2016": "not_reported",
    }
    response = client.post(url(country), data)
    assert response.status_code == 302
    table = reported_trend_table(country)
    assert table["title"] == "Drug use trends" and table["source"] == "NACD"
    symbols = {row["label"]: [c["symbol"] for c in row["cells"]] for row in table["rows"]}
    assert symbols == {heroin.name: ["↑", "↓"], opium.name: ["•", "•"]}
    assert ReportedTrend.objects.get(measure=heroin, year=2016).entered_by == secretariat
    assert 'data-testid="reported-trends"' in client.get(country.get_absolute_url()).content.decode()


def test_a_trend_that_is_not_one_is_refused_and_nothing_is_saved(client_for, secretariat):
    country, (heroin, _opium) = make_table([2015, 2016])
    data = {"first_year": "2015", "last_year": "2016", f"trend-{heroin.pk}-2016": "sideways"}
    response = client_for(secretariat).post(url(country), data)
    assert response.status_code == 200 and "Choose a trend from the list." in response.content.decode()
    assert not ReportedTrend.objects.exists()


def test_partners_cannot_enter_trends_and_nothing_changes(client_for, partner):
    country, (heroin, _opium) = make_table([2016])
    data = {"first_year": "2016", "last_year": "2016", f"trend-{heroin.pk}-2016": "increase"}
    assert client_for(partner).post(url(country), data).status_code == 403
    assert not ReportedTrend.objects.exists()
