"""The secretariat edits a year's row in the grid on the table page (HTMX); the history is kept."""

from decimal import Decimal

import pytest
from django.urls import reverse

from idswg.roles import SECRETARIAT
from idswg.tests.factories import UserFactory
from seizures import entry
from seizures.models import SeizureValue
from seizures.tests.factories import make_table

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def table():
    country, measures = make_table(range(2012, 2017), measures=2)
    return country, measures


def post_row(client, country, year, data, version=None):
    """Post the grid's row as the browser would, with the version of the row the form was shown with."""
    if version is None:
        version = entry.row_version(SeizureValue.objects.filter(country=country, year=year))
    return client.post(
        reverse("seizures:row_edit", args=[country.slug, year]), {**data, "row_version": version}, **HTMX
    )


def test_editing_a_row_saves_it_and_returns_the_row_only(client_for, secretariat, table):
    country, (heroin, opium) = table
    client = client_for(secretariat)
    form = client.get(reverse("seizures:row_edit", args=[country.slug, 2016]), **HTMX).content.decode()
    assert f'name="m-{heroin.pk}" value="100"' in form
    response = post_row(client, country, 2016, {f"m-{heroin.pk}": "105,5", f"m-{opium.pk}": "102", "months": "12"})
    assert response.status_code == 200 and '<tr id="row-2016"' in response.content.decode()
    assert "<html" not in response.content.decode()  # a fragment, no full page
    assert "seizures-changed" in response["HX-Trigger"]  # the charts reload
    saved = SeizureValue.objects.get(country=country, measure=heroin, year=2016)
    assert saved.value == Decimal("105.5") and saved.entered_by == secretariat


def test_a_negative_or_non_numeric_value_is_refused_next_to_the_field(client_for, secretariat, table):
    country, (heroin, opium) = table
    response = post_row(client_for(secretariat), country, 2016, {f"m-{heroin.pk}": "-1", f"m-{opium.pk}": "lots"})
    page = response.content.decode()
    assert "cannot be negative" in page and "is not a number" in page
    assert SeizureValue.objects.get(country=country, measure=heroin, year=2016).value == Decimal(100)


def test_an_ambiguous_number_is_asked_about_then_the_pick_is_saved(client_for, secretariat, table):
    country, (heroin, opium) = table
    client = client_for(secretariat)
    data = {f"m-{heroin.pk}": "100", f"m-{opium.pk}": "101,500"}
    page = post_row(client, country, 2016, data).content.decode()
    assert "can be read two ways" in page and 'value="101.5"' in page and 'value="101500"' in page
    assert SeizureValue.objects.get(measure=opium, year=2016).value == Decimal(101)
    post_row(client, country, 2016, {**data, f"pick-{opium.pk}": "101.5"})
    assert SeizureValue.objects.get(measure=opium, year=2016).value == Decimal("101.5")


def test_a_flagged_value_is_saved_only_when_confirmed_with_a_comment(client_for, secretariat, table):
    country, (heroin, opium) = table
    client = client_for(secretariat)
    data = {f"m-{heroin.pk}": "462988", f"m-{opium.pk}": "101"}
    assert "more than ten times" in post_row(client, country, 2016, data).content.decode()
    page = post_row(client, country, 2016, {**data, f"confirm-{heroin.pk}": "1"}).content.decode()
    assert "Say why the value is right" in page
    assert SeizureValue.objects.get(measure=heroin, year=2016).value == Decimal(100)
    post_row(client, country, 2016, {**data, f"confirm-{heroin.pk}": "1", f"comment-{heroin.pk}": "Big bust"})
    saved = SeizureValue.objects.get(measure=heroin, year=2016)
    assert saved.value == 462988 and saved.flag_comment == "Big bust" and "ten times" in saved.flag


def test_a_new_year_is_added_and_the_table_shown_again(client_for, secretariat, table):
    country, (heroin, opium) = table
    client = client_for(secretariat)
    url = reverse("seizures:row_new", args=[country.slug])
    response = client.post(url, {"year": "2017", "months": "6", f"m-{heroin.pk}": "90", f"m-{opium.pk}": ""}, **HTMX)
    assert 'id="seizure-table"' in response.content.decode()
    added = SeizureValue.objects.get(year=2017)
    assert added.value == 90 and added.period_months == 6
    assert not SeizureValue.objects.filter(year=2017, measure=opium).exists()
    again = client.post(url, {"year": "2017", f"m-{heroin.pk}": "1"}, **HTMX)
    assert "already in the table" in again.content.decode() and again["HX-Retarget"] == "#row-new"


def test_clearing_a_value_keeps_its_history(client_for, secretariat, partner, table):
    country, (heroin, opium) = table
    post_row(client_for(secretariat), country, 2016, {f"m-{heroin.pk}": "", f"m-{opium.pk}": "101"})
    cleared = SeizureValue.objects.get(measure=heroin, year=2016)
    assert cleared.value is None
    page = client_for(partner).get(reverse("seizures:history", args=[country.slug, 2016])).content.decode()
    assert "not reported" in page and "sec" in page


def test_only_the_secretariat_edits(client_for, partner, cochair, table):
    country, (heroin, _opium) = table
    for user in (partner, cochair):
        assert post_row(client_for(user), country, 2016, {f"m-{heroin.pk}": "1"}).status_code == 403
    assert SeizureValue.objects.get(measure=heroin, year=2016).value == Decimal(100)


def test_a_questioned_value_is_confirmed_as_it_is_and_the_count_above_the_table_follows(client_for, secretariat, table):
    country, (heroin, opium) = table
    SeizureValue.objects.filter(measure=heroin, year=2016).update(flag="Decimal comma in the source")
    client = client_for(secretariat)
    form = client.get(reverse("seizures:row_edit", args=[country.slug, 2016]), **HTMX).content.decode()
    assert "Decimal comma in the source" in form and f'name="confirm-{heroin.pk}"' in form
    data = {f"m-{heroin.pk}": "100", f"m-{opium.pk}": "101", f"confirm-{heroin.pk}": "1", f"comment-{heroin.pk}": "OK"}
    page = post_row(client, country, 2016, data).content.decode()
    assert 'id="questioned" data-hx-swap-oob="true"' in page and "questioned and not confirmed" not in page
    confirmed = SeizureValue.objects.get(measure=heroin, year=2016)
    assert confirmed.flag == "Decimal comma in the source" and confirmed.flag_comment == "OK"


def test_saving_a_row_keeps_each_columns_own_footnote_and_source(client_for, secretariat, table):
    country, (pills, arrests) = table
    SeizureValue.objects.filter(measure=pills).update(footnote="converted at 100 mg per pill")
    SeizureValue.objects.filter(measure=arrests).update(source="DAINAP")
    client = client_for(secretariat)
    form = client.get(reverse("seizures:row_edit", args=[country.slug, 2016]), **HTMX).content.decode()
    assert 'name="footnote_was" value=""' in form and 'name="source_was" value=""' in form
    data = {f"m-{pills.pk}": "110", f"m-{arrests.pk}": "101", "footnote": "", "source": ""}
    post_row(client, country, 2016, {**data, "footnote_was": "", "source_was": ""})
    pills_2016 = SeizureValue.objects.get(measure=pills, year=2016)
    arrests_2016 = SeizureValue.objects.get(measure=arrests, year=2016)
    assert pills_2016.value == 110 and pills_2016.footnote == "converted at 100 mg per pill"
    assert arrests_2016.value == 101 and arrests_2016.source == "DAINAP" and pills_2016.source == "LCDC"
    new = {f"m-{pills.pk}": "120", f"m-{arrests.pk}": "102", "year": "2017"}
    client.post(reverse("seizures:row_new", args=[country.slug]), new, **HTMX)
    assert SeizureValue.objects.get(measure=pills, year=2017).footnote == "converted at 100 mg per pill"
    assert SeizureValue.objects.get(measure=arrests, year=2017).source == "DAINAP"


def test_the_rows_shared_footnote_is_edited_for_the_whole_row(client_for, secretariat, table):
    country, (heroin, opium) = table
    SeizureValue.objects.filter(year=2016).update(footnote="first 6 months", period_months=6)
    client = client_for(secretariat)
    form = client.get(reverse("seizures:row_edit", args=[country.slug, 2016]), **HTMX).content.decode()
    assert 'name="footnote" value="first 6 months"' in form
    data = {
        f"m-{heroin.pk}": "100",
        f"m-{opium.pk}": "101",
        "months": "12",
        "footnote": "",
        "footnote_was": "first 6 months",
    }
    post_row(client, country, 2016, data)
    assert set(SeizureValue.objects.filter(year=2016).values_list("footnote", "period_months")) == {("", 12)}


def test_a_year_not_in_the_table_is_not_found_in_the_grid(client_for, secretariat, table):
    country, _measures = table
    client = client_for(secretariat)
    assert client.get(reverse("seizures:row_edit", args=[country.slug, 1999]), **HTMX).status_code == 404
    assert client.get(reverse("seizures:row", args=[country.slug, 1999]), **HTMX).status_code == 404


def test_a_row_changed_by_someone_else_meanwhile_is_not_overwritten_silently(client_for, secretariat, table):
    country, (heroin, opium) = table
    shown = entry.row_version(SeizureValue.objects.filter(country=country, year=2016))
    colleague = client_for(UserFactory(role=SECRETARIAT, first_name="Vanh", last_name="Keo"))
    post_row(colleague, country, 2016, {f"m-{heroin.pk}": "111", f"m-{opium.pk}": "101"})
    client = client_for(secretariat)
    page = post_row(client, country, 2016, {f"m-{heroin.pk}": "100", f"m-{opium.pk}": "150"}, version=shown)
    assert "Vanh Keo changed this row while you were editing it" in page.content.decode()
    assert SeizureValue.objects.get(measure=heroin, year=2016).value == 111
    post_row(client, country, 2016, {f"m-{heroin.pk}": "111", f"m-{opium.pk}": "150"})  # saved again, knowingly
    assert SeizureValue.objects.get(measure=opium, year=2016).value == 150


def test_a_figure_keeps_its_written_decimals_in_the_row_form_and_after_a_save(client_for, secretariat):
    from seizures.tables import country_table

    country, (heroin, opium) = make_table(range(2012, 2017))
    client = client_for(secretariat)
    post_row(client, country, 2016, {f"m-{heroin.pk}": "137.50", f"m-{opium.pk}": "45.0"})
    value = SeizureValue.objects.get(country=country, measure=heroin, year=2016)
    assert value.decimals == 2
    form = client.get(reverse("seizures:row_edit", args=[country.slug, 2016]), **HTMX).content.decode()
    assert 'value="137.50"' in form and 'value="45.0"' in form
    texts = [cell["text"] for row in country_table(country)["rows"] if row["year"] == 2016 for cell in row["cells"]]
    assert texts == ["137.50", "45.0"]
