"""Exports: CSV and XLSX per table, read back by the importer, and no cell can start a formula."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from seizures import import_plan
from seizures.exports import safe_text
from seizures.models import SeizureValue
from seizures.tests.factories import CountryFactory, make_table

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_text_that_would_start_a_formula_is_neutralised(text):
    assert safe_text(text).startswith("'")


def test_csv_export_neutralises_formulas_in_notes_and_footnotes(client_for, partner):
    country, (heroin, _opium) = make_table([2016])
    country.source = '=HYPERLINK("http://evil")'
    country.save()
    SeizureValue.objects.filter(measure=heroin).update(footnote="-2+3")
    response = client_for(partner).get(reverse("seizures:export", args=[country.slug, "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row if cell]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert rows[2][:2] == ["2016", "100"]  # under the title and the header


def test_xlsx_export_has_numbers_and_no_formula(client_for, partner):
    country, _measures = make_table([2016, 2017])
    country.source = "=1+1"
    country.save()
    response = client_for(partner).get(reverse("seizures:export", args=[country.slug, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["B3"].value == 100 and sheet["B3"].data_type == "n"  # under the title and the header
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_exported_table_imports_back_without_changes(client_for, secretariat, fmt):
    from django.core.files.uploadedfile import SimpleUploadedFile

    country, _measures = make_table([2015, 2016, 2017])
    SeizureValue.objects.filter(year=2017).update(period_months=6, footnote="first 6 months for 2017")
    content = client_for(secretariat).get(reverse("seizures:export", args=[country.slug, fmt])).content
    batch = import_plan.start_import(SimpleUploadedFile(f"t.{fmt}", content), secretariat, country=country)
    plan = import_plan.plan(batch)
    assert plan.problems == [] and plan.work == 0 and plan.unchanged == 6


@pytest.mark.parametrize(
    "name", ["Lao PDR: north/south?", "Viet Nam [*]", "'Quoted'", "A country named \\ / ? * [ ] : only"]
)
def test_xlsx_export_names_its_sheet_even_when_the_country_name_has_characters_excel_refuses(client_for, partner, name):
    country, _measures = make_table([2016], country=CountryFactory(name=name))
    response = client_for(partner).get(reverse("seizures:export", args=[country.slug, "xlsx"]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title and not set(sheet.title) & set("\\/?*[]:") and not sheet.title.startswith("'")
    assert sheet["B3"].value == 100


def _table_as_stored(country):
    return {
        (v.measure_id, v.year): (v.value, v.decimals, v.period_months, v.footnote)
        for v in SeizureValue.objects.filter(country=country)
    }


@pytest.mark.parametrize("layout", ["table", "wide"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_export_reimports_to_the_same_table_in_each_layout(client_for, secretariat, fmt, layout):
    from django.core.files.uploadedfile import SimpleUploadedFile

    country, (heroin, opium) = make_table([2015, 2016, 2017])
    country.footnotes = "- = Not reported."
    country.save()
    SeizureValue.objects.filter(country=country).update(decimals=0)
    SeizureValue.objects.filter(measure=heroin, year=2016).update(value="137.50", decimals=2)
    SeizureValue.objects.filter(measure=heroin, year=2015).update(value="45.0", decimals=1)
    SeizureValue.objects.filter(measure=opium).update(footnote="Converted from grams")  # the column's own note
    SeizureValue.objects.filter(year=2017).update(period_months=6)
    SeizureValue.objects.filter(year=2017, measure=heroin).update(footnote="first 6 months for 2017")
    before = _table_as_stored(country)
    url = reverse("seizures:export", args=[country.slug, fmt]) + f"?layout={layout}"
    content = client_for(secretariat).get(url).content
    if fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(content)).active
        texts = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]
        assert "- = Not reported." in texts  # typed as text: no apostrophe in front
        assert any(text.startswith(opium.name) and text.endswith("*") for text in texts)  # the mark on its header
    SeizureValue.objects.filter(country=country).delete()
    batch = import_plan.start_import(SimpleUploadedFile(f"t.{fmt}", content), secretariat, country=country)
    plan = import_plan.plan(batch)
    assert plan.problems == [] and plan.questions == [] and len(plan.additions) == 6
    import_plan.apply(batch.pk, {"plan_version": plan.version}, secretariat)
    assert _table_as_stored(country) == before
    batch.refresh_from_db()
    assert batch.summary["footnotes"] == "- = Not reported."
