"""The secretariat sets up tables on the portal: a new country's table, its columns, new measures."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from seizures import import_plan
from seizures.models import Country, ImportBatch, Measure, SeizureValue, TableColumn
from seizures.table_setup import create_table, unique_slug
from seizures.tests.factories import CountryFactory, MeasureFactory, make_table

pytestmark = pytest.mark.django_db


def table_data(name, columns=(), **more):
    """The posted form: ``columns`` are measures in the order wanted."""
    data = {"name": name, "table_title": "", "source": "", "footnotes": "", **more}
    for position, measure in enumerate(columns, start=1):
        data[f"column-{measure.pk}"] = "on"
        data[f"position-{measure.pk}"] = str(position)
    return data


def test_the_secretariat_creates_a_table_with_its_columns_in_order(client_for, secretariat):
    heroin, opium = MeasureFactory(name="Heroin"), MeasureFactory(name="Opium")
    client = client_for(secretariat)
    assert reverse("seizures:table_new") in client.get(reverse("seizures:index")).content.decode()
    data = table_data("Thailand", [opium, heroin], table_title="Seizures in Thailand", source="ONCB")
    response = client.post(reverse("seizures:table_new"), data)
    country = Country.objects.get(name="Thailand")
    assert response.status_code == 302 and response["Location"] == country.get_absolute_url()
    assert country.slug == "thailand" and country.source == "ONCB" and country.table_title == "Seizures in Thailand"
    assert [c.measure for c in TableColumn.objects.filter(country=country)] == [opium, heroin]
    page = client.get(country.get_absolute_url()).content.decode()
    assert "Seizures in Thailand" in page and page.index(opium.name) < page.index(heroin.name)


def test_a_duplicate_or_empty_country_name_is_refused_next_to_the_field(client_for, secretariat):
    CountryFactory(name="Lao PDR", slug="lao-pdr")
    client = client_for(secretariat)
    response = client.post(reverse("seizures:table_new"), table_data("  lao pdr "))
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == ["A table for “lao pdr” already exists."]
    response = client.post(reverse("seizures:table_new"), table_data("   "))
    assert "name" in response.context["form"].errors
    assert Country.objects.count() == 1


def test_the_database_refuses_a_country_that_differs_only_by_case():
    from django.db import IntegrityError, transaction

    CountryFactory(name="Viet Nam", slug="viet-nam")
    with pytest.raises(IntegrityError), transaction.atomic():
        CountryFactory(name="VIET NAM", slug="viet-nam-2")


def test_a_lao_script_name_gets_a_working_slug_and_its_page_opens(client_for, secretariat, partner):
    response = client_for(secretariat).post(reverse("seizures:table_new"), table_data("ສປປ ລາວ"))
    country = Country.objects.get(name="ສປປ ລາວ")
    assert response.status_code == 302
    assert country.slug == "spp-lav"
    page = client_for(partner).get(country.get_absolute_url())
    assert page.status_code == 200 and "ສປປ ລາວ" in page.content.decode()
    page = client_for(secretariat).get(country.get_absolute_url()).content.decode()
    assert "This table has no columns yet" in page and "No values to chart yet." in page


def test_a_name_in_another_script_or_a_reserved_word_still_gets_a_slug_that_works(client_for, secretariat):
    assert create_table("中国", []).slug == "country"
    assert create_table("中华人民共和国", []).slug == "country-2"
    assert create_table("Import", []).slug == "import-2"  # /seizures/import/ is the upload page
    assert client_for(secretariat).get(Country.objects.get(name="Import").get_absolute_url()).status_code == 200
    assert unique_slug(Country, "Thailand", fallback="country") == "thailand"


def test_the_edit_page_reorders_adds_and_removes_empty_columns(client_for, secretariat):
    country, (first, second) = make_table([], measures=2)
    third = MeasureFactory()
    client = client_for(secretariat)
    url = reverse("seizures:table_edit", kwargs={"slug": country.slug})
    assert url in client.get(country.get_absolute_url()).content.decode()
    response = client.post(url, table_data("Renamed land", [third, second], source="DAINAP"))
    assert response.status_code == 302
    country.refresh_from_db()
    assert country.name == "Renamed land" and country.source == "DAINAP" and country.slug.startswith("testland")
    assert [c.measure for c in TableColumn.objects.filter(country=country)] == [third, second]


def test_removing_a_column_that_holds_values_is_refused_and_nothing_changes(client_for, secretariat):
    country, (heroin, opium) = make_table([2016, 2017], measures=2)
    url = reverse("seizures:table_edit", kwargs={"slug": country.slug})
    response = client_for(secretariat).post(url, table_data("New name", [opium]))
    assert response.status_code == 200
    page = response.content.decode()
    assert f"The column “{heroin.label}” holds values for 2 years: it cannot be removed." in page
    assert page.count('data-testid="held"') == 1
    country.refresh_from_db()
    assert country.name.startswith("Testland")
    assert TableColumn.objects.filter(country=country).count() == 2
    assert SeizureValue.objects.filter(country=country).count() == 4


def test_the_secretariat_creates_a_measure_and_a_duplicate_is_refused(client_for, secretariat):
    client = client_for(secretariat)
    data = {"name": "Kratom", "unit": "kg", "kind": "drug", "display_order": "170"}
    response = client.post(
        reverse("seizures:measure_new") + "?next=/seizures/tables/new/", {**data, "next": "/seizures/tables/new/"}
    )
    kratom = Measure.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/seizures/tables/new/?measure={kratom.pk}"
    assert kratom.label == "Kratom (kg)" and kratom.slug == "kratom-kg"
    response = client.post(reverse("seizures:measure_new"), {**data, "name": " KRATOM ", "unit": "KG"})
    assert response.status_code == 200 and Measure.objects.count() == 1
    assert response.context["form"].errors["name"] == ["“KRATOM (KG)” already exists."]
    response = client.post(reverse("seizures:measure_new"), {**data, "unit": "litres"})
    assert Measure.objects.count() == 2


def test_a_measure_created_from_the_edit_page_is_offered_there_as_the_next_column(client_for, secretariat):
    country, (first, second) = make_table([2016], measures=2)
    edit = reverse("seizures:table_edit", kwargs={"slug": country.slug})
    client = client_for(secretariat)
    data = {"name": "Kratom", "unit": "kg", "kind": "drug", "display_order": "0", "next": f"{edit}?measure=1"}
    response = client.post(reverse("seizures:measure_new"), data)
    kratom = Measure.objects.get(name="Kratom")
    assert response["Location"] == f"{edit}?measure={kratom.pk}"
    form = client.get(response["Location"]).context["form"]
    assert form[f"column-{kratom.pk}"].value() is True and form[f"position-{kratom.pk}"].value() == 3
    assert TableColumn.objects.filter(country=country).count() == 2  # offered, not added until saved


def test_a_measure_never_sends_the_browser_to_another_site(client_for, secretariat):
    data = {"name": "Kratom", "unit": "kg", "kind": "drug", "display_order": "0", "next": "https://evil.example/"}
    response = client_for(secretariat).post(reverse("seizures:measure_new"), data)
    assert response["Location"] == reverse("seizures:index")


@pytest.mark.parametrize("name", ["seizures:table_new", "seizures:measure_new"])
def test_partners_and_cochairs_get_403_and_anonymous_the_login_page(client_for, partner, cochair, name):
    url = reverse(name)
    for user in (partner, cochair):
        assert client_for(user).get(url).status_code == 403
        assert client_for(user).post(url, {"name": "Thailand", "unit": "kg"}).status_code == 403
    response = client_for(None).post(url, {"name": "Thailand"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert not Country.objects.exists() and not Measure.objects.exists()


def test_the_edit_page_is_for_the_secretariat_only(client_for, partner, cochair):
    country, _measures = make_table([2016])
    url = reverse("seizures:table_edit", kwargs={"slug": country.slug})
    assert client_for(partner).post(url, table_data("Hacked")).status_code == 403
    assert client_for(cochair).get(url).status_code == 403
    assert client_for(None).get(url).status_code == 302
    assert reverse("seizures:table_edit", kwargs={"slug": country.slug}) not in (
        client_for(partner).get(country.get_absolute_url()).content.decode()
    )


def test_the_import_preview_links_unknown_countries_and_measures_to_the_pages_that_create_them(client_for, secretariat):
    heroin = MeasureFactory(name="Heroin")
    CountryFactory(name="Lao PDR")
    client = client_for(secretariat)
    text = "Country,Year,Measure,Value\nThailand,2017,Heroin (kg),10\nLao PDR,2017,Kratom (kg),5\n"
    file = SimpleUploadedFile("thailand.csv", text.encode(), content_type="text/csv")
    client.post(reverse("seizures:import"), {"file": file, "number_format": "ask"})
    page = client.get(ImportBatch.objects.get().get_absolute_url()).content.decode()
    assert "/seizures/tables/new/?name=Thailand" in page
    assert "/seizures/measures/new/?name=Kratom&amp;unit=kg&amp;next=/seizures/import/" in page
    assert Country.objects.count() == 1 and list(Measure.objects.all()) == [heroin]  # nothing made from a file


def test_an_unknown_column_of_a_table_file_links_to_a_new_measure_and_back_to_the_upload(client_for, secretariat):
    country, (heroin, _opium) = make_table([2016])
    client = client_for(secretariat)
    text = f"Year,{heroin.label},Precursors (litres)\n2017,1,2\n"
    file = SimpleUploadedFile("table.csv", text.encode(), content_type="text/csv")
    client.post(reverse("seizures:import"), {"file": file, "country": country.slug, "number_format": "ask"})
    page = client.get(ImportBatch.objects.get().get_absolute_url()).content.decode()
    link = (
        f"/seizures/measures/new/?name=Precursors&amp;unit=litres&amp;next=/seizures/import/%3Fcountry%3D{country.slug}"
    )
    assert link in page
    assert "create its table or measure first, then upload the file again" in page


def test_a_cleared_value_still_keeps_its_column(client_for, secretariat):
    country, (heroin, opium) = make_table([2016], measures=2)
    SeizureValue.objects.filter(measure=heroin).update(value=None)  # cleared; its history is kept
    url = reverse("seizures:table_edit", kwargs={"slug": country.slug})
    response = client_for(secretariat).post(url, table_data(country.name, [opium]))
    assert response.status_code == 200 and TableColumn.objects.filter(country=country).count() == 2


def test_a_file_for_a_new_country_imports_once_its_table_exists(client_for, secretariat):
    heroin, opium = MeasureFactory(name="Heroin"), MeasureFactory(name="Opium")
    client = client_for(secretariat)
    client.post(reverse("seizures:table_new"), table_data("Thailand", [heroin, opium]))
    thailand = Country.objects.get(name="Thailand")
    text = f"Year,{heroin.label},{opium.label}\n2016,120.5,30\n2017,98,\n"
    file = SimpleUploadedFile("thailand.csv", text.encode(), content_type="text/csv")
    client.post(reverse("seizures:import"), {"file": file, "country": thailand.slug, "number_format": "ask"})
    batch = ImportBatch.objects.get()
    assert "3 values to add" in client.get(batch.get_absolute_url()).content.decode()
    response = client.post(batch.get_absolute_url(), {"plan_version": import_plan.plan(batch).version})
    assert response["Location"] == thailand.get_absolute_url()
    assert SeizureValue.objects.get(country=thailand, measure=heroin, year=2016).value == Decimal("120.5")
    assert not SeizureValue.objects.filter(country=thailand, measure=opium, year=2017).exists()
    assert "120.5" in client.get(thailand.get_absolute_url()).content.decode()


def test_hostile_text_comes_back_escaped(client_for, secretariat):
    client = client_for(secretariat)
    hostile = "<script>alert(1)</script>"
    client.post(reverse("seizures:table_new"), table_data(f"Evil {hostile}", source=hostile, footnotes=hostile))
    client.post(reverse("seizures:measure_new"), {"name": hostile, "unit": "kg", "kind": "drug", "display_order": "1"})
    country = Country.objects.get()
    for url in (
        reverse("seizures:index"),
        country.get_absolute_url(),
        reverse("seizures:table_edit", kwargs={"slug": country.slug}),
        reverse("seizures:table_new") + "?name=" + hostile,
        reverse("seizures:measure_new") + "?name=" + hostile,
    ):
        page = client.get(url).content.decode()
        assert hostile not in page, url
        assert "&lt;script&gt;" in page, url


def test_a_measure_created_with_two_decimals_shows_every_figure_with_two(client_for, secretariat):
    client = client_for(secretariat)
    data = {"name": "Kratom", "unit": "kg", "kind": "drug", "display_order": "5", "decimals": "2"}
    client.post(reverse("seizures:measure_new"), data)
    kratom = Measure.objects.get(name="Kratom")
    assert kratom.decimals == 2
    country, _measures = make_table([], measures=0)
    TableColumn.objects.create(country=country, measure=kratom)
    SeizureValue.objects.create(country=country, measure=kratom, year=2018, value=Decimal("137.5"), decimals=1)
    assert "137.50" in client.get(country.get_absolute_url()).content.decode()


def test_a_measure_with_more_than_four_decimals_is_refused_next_to_the_field(client_for, secretariat):
    data = {"name": "Kratom", "unit": "kg", "kind": "drug", "display_order": "5", "decimals": "7"}
    response = client_for(secretariat).post(reverse("seizures:measure_new"), data)
    assert "At most 4 decimals" in response.content.decode() and not Measure.objects.filter(name="Kratom").exists()
