"""The regional report: its cover, and the year's country reports the secretariat binds in, in its order."""

from django.urls import reverse

from dublin.models import RegionalReport
from dublin.regional import chosen_reports

from .factories import CountryReportFactory


def _cover(year, **extra):
    return {
        "year": year,
        "reference": "13600/17",
        "issuer": "Council of the European Union",
        "place_and_date": "Brussels, 26 October 2017 (OR. en)",
        "classification": "CORDROGUE 132 ASIE 47",
        "sender": "Australian Regional Chair of the Dublin Group",
        "recipients": "Delegations",
        "previous_reference": "13234/16",
        "subject": "Regional Report on South Asia",
        **extra,
    }


def test_the_secretariat_binds_the_years_country_reports_in_its_order(client_for, secretariat, db):
    lao, cambodia = CountryReportFactory(year=2017), CountryReportFactory(year=2017)
    other_year = CountryReportFactory(year=2016)
    client = client_for(secretariat)
    client.post(reverse("dublin:regional_create"), _cover(2017))
    regional = RegionalReport.objects.get(year=2017)
    page = client.get(reverse("dublin:regional_edit", args=[regional.pk])).content.decode()
    assert f"position_{lao.pk}" in page and f"position_{other_year.pk}" not in page
    response = client.post(
        reverse("dublin:regional_edit", args=[regional.pk]),
        _cover(2017, **{f"position_{lao.pk}": 2, f"position_{cambodia.pk}": 1}),
    )
    assert response.status_code == 302
    assert chosen_reports(regional) == [cambodia, lao]
    # Left empty: left out.
    client.post(reverse("dublin:regional_edit", args=[regional.pk]), _cover(2017, **{f"position_{lao.pk}": 1}))
    assert chosen_reports(regional) == [lao]


def test_a_second_regional_report_for_a_year_is_refused_next_to_the_field(client_for, secretariat, db):
    client = client_for(secretariat)
    client.post(reverse("dublin:regional_create"), _cover(2017))
    response = client.post(reverse("dublin:regional_create"), _cover(2017))
    assert response.status_code == 200 and "already exists" in response.content.decode()
    assert RegionalReport.objects.count() == 1
