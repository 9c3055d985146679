"""A country without figures (Myanmar gives them in its text only) is said to have none, not shown as an empty table."""

import pytest
from django.utils import translation

from seizures.tests.factories import CountryFactory, make_table

pytestmark = pytest.mark.django_db

NO_FIGURES = 'data-testid="no-figures"'


def test_a_member_reads_that_a_country_has_no_figures_instead_of_an_empty_table(client_for, partner):
    country = CountryFactory(name="Myanmar", slug="myanmar")
    page = client_for(partner).get(country.get_absolute_url()).content.decode()
    assert "No seizure figures are recorded for Myanmar: there is no table to show yet." in page
    for empty_part in (
        "No year entered yet.",
        'data-testid="table-pdf-box"',
        "Trend charts",
        "No values to chart yet.",
    ):
        assert empty_part not in page, empty_part


def test_the_trends_page_of_a_country_without_figures_says_so_too(client_for, partner):
    country = CountryFactory(name="Myanmar", slug="myanmar")
    page = client_for(partner).get(f"/seizures/{country.slug}/trends/").content.decode()
    assert NO_FIGURES in page
    assert 'data-testid="trend-table"' not in page and 'data-testid="table-pdf-box"' not in page


def test_the_secretariat_still_gets_the_empty_table_to_fill_in(client_for, secretariat):
    country = CountryFactory(name="Myanmar", slug="myanmar")
    page = client_for(secretariat).get(country.get_absolute_url()).content.decode()
    assert NO_FIGURES not in page
    assert "No year entered yet." in page


def test_a_country_with_figures_shows_its_table(client_for, partner):
    country, _measures = make_table([2016, 2017])
    page = client_for(partner).get(country.get_absolute_url()).content.decode()
    assert NO_FIGURES not in page and 'data-testid="table-pdf-box"' in page


def test_the_overview_and_the_home_panel_say_no_figures_yet(client_for, partner):
    CountryFactory(name="Myanmar", slug="myanmar")
    make_table([2016, 2017])
    client = client_for(partner)
    overview = client.get("/seizures/").content.decode()
    assert overview.count("no figures yet") == 1 and "2016–2017" in overview
    assert client.get("/").content.decode().count("no figures yet") == 1


def test_the_message_is_in_lao_for_a_lao_reader(client_for, partner):
    country = CountryFactory(name="Myanmar", slug="myanmar")
    partner.language = "lo"
    partner.save(update_fields=["language"])
    page = client_for(partner).get(country.get_absolute_url()).content.decode()
    assert NO_FIGURES in page and "No seizure figures are recorded" not in page
    with translation.override("lo"):
        assert translation.gettext("no figures yet") != "no figures yet"
