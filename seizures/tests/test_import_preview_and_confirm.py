"""Importing CSV and XLSX files: a preview of every change and problem, then all or nothing."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from seizures import import_plan
from seizures.models import ImportBatch, SeizureValue
from seizures.tests.factories import make_table

pytestmark = pytest.mark.django_db


def csv_file(text, name="table.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def xlsx_file(rows, name="table.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def lao():
    country, (heroin, opium) = make_table(range(2012, 2017), measures=2)
    return country, heroin, opium


def upload(client, file, country=None, number_format="ask"):
    data = {"file": file, "number_format": number_format}
    if country is not None:
        data["country"] = country.slug
    return client.post(reverse("seizures:import"), data)


def confirm(client, batch, data):
    """Post the preview's confirmation as the page does, with the version of the plan it shows."""
    return client.post(batch.get_absolute_url(), {"plan_version": import_plan.plan(batch).version, **data})


def test_a_table_layout_csv_is_previewed_and_nothing_is_saved_before_confirmation(client_for, secretariat, lao):
    country, heroin, opium = lao
    client = client_for(secretariat)
    text = f"Year,{heroin.label},{opium.label}\n2016,100,105\n2017 (6 months),120,n/a\n"
    response = upload(client, csv_file(text), country)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == batch.get_absolute_url()
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "1 value to add" in page and "1 value to change" in page and "1 unchanged" in page
    assert not SeizureValue.objects.filter(year=2017).exists()
    response = confirm(client, batch, {})
    assert response.status_code == 302
    added = SeizureValue.objects.get(year=2017, measure=heroin)
    assert added.value == Decimal(120) and added.period_months == 6 and added.entered_by == secretariat
    assert not SeizureValue.objects.filter(year=2017, measure=opium).exists()  # n/a: no row, never zero
    assert SeizureValue.objects.get(year=2016, measure=heroin).value == Decimal(100)
    batch.refresh_from_db()
    assert batch.state == ImportBatch.State.APPLIED


def test_a_long_layout_xlsx_is_read(client_for, secretariat, lao):
    country, heroin, _opium = lao
    client = client_for(secretariat)
    rows = [["Country", "Year", "Measure", "Value", "Months covered"], [country.name, 2017, heroin.label, 68.35, 6]]
    upload(client, xlsx_file(rows))
    batch = ImportBatch.objects.get()
    assert batch.layout == "long"
    confirm(client, batch, {})
    assert SeizureValue.objects.get(year=2017).value == Decimal("68.35")


def test_problems_are_listed_by_row_and_column_and_block_the_import(client_for, secretariat, lao):
    country, heroin, opium = lao
    client = client_for(secretariat)
    text = f"Year,{heroin.label},{opium.label},Cocaine (kg)\n2017,-4,abc,1\n20x7,1,1,1\n2018,462,988,1\n"
    upload(client, csv_file(text), country)
    batch = ImportBatch.objects.get()
    response = client.get(batch.get_absolute_url())
    problems = {(p["row"], p["col"]): p["message"] for p in response.context["plan"].problems}
    assert "Unknown measure" in problems[(1, "D")]
    assert "negative" in problems[(2, "B")] and "not a number" in problems[(2, "C")]
    assert "not a year" in problems[(3, "A")]
    assert "Confirm the import" not in response.content.decode()
    assert confirm(client, batch, {}).status_code == 200
    assert not SeizureValue.objects.filter(year__gte=2017).exists()


def test_an_ambiguous_number_is_asked_about_and_the_number_format_settles_it(client_for, secretariat, lao):
    country, heroin, _opium = lao
    client = client_for(secretariat)
    upload(client, csv_file(f'Year,{heroin.label}\n2017,"1,234"\n'), country)
    batch = ImportBatch.objects.get()
    response = client.get(batch.get_absolute_url())
    assert "does not show how it writes decimals (e.g. “1,234”)" in response.content.decode()
    assert not response.context["plan"].additions  # nothing is previewed as a value before the answer
    client.post(batch.get_absolute_url(), {"answer": "1", "answer-number_format": "comma"})
    assert client.get(batch.get_absolute_url()).context["plan"].additions[0]["value"] == Decimal("1.234")


def test_a_flagged_value_needs_a_confirmation_with_a_comment(client_for, secretariat, lao):
    country, heroin, _opium = lao
    client = client_for(secretariat)
    upload(client, csv_file(f"Year,{heroin.label}\n2017,462988\n"), country)
    batch = ImportBatch.objects.get()
    plan = client.get(batch.get_absolute_url()).context["plan"]
    (flag,) = plan.flags
    assert "more than ten times" in flag["flag"]
    response = confirm(client, batch, {f"confirm-{flag['key']}": "1"})
    assert response.status_code == 200 and not SeizureValue.objects.filter(year=2017).exists()
    confirm(client, batch, {f"confirm-{flag['key']}": "1", f"comment-{flag['key']}": "One big bust"})
    saved = SeizureValue.objects.get(year=2017)
    assert saved.flag == flag["flag"] and saved.flag_comment == "One big bust"


def test_confirmation_checks_again_against_the_database_as_it_is_then(client_for, secretariat, lao):
    country, heroin, _opium = lao
    client = client_for(secretariat)
    upload(client, csv_file(f"Year,{heroin.label}\n2017,150\n"), country)
    batch = ImportBatch.objects.get()
    assert not client.get(batch.get_absolute_url()).context["plan"].flags
    SeizureValue.objects.filter(measure=heroin).update(value=Decimal(1))  # someone corrected the series meanwhile
    response = confirm(client, batch, {})
    assert response.status_code == 200 and response.context["plan"].flags
    assert not SeizureValue.objects.filter(year=2017).exists()


def test_a_formula_in_a_cell_is_reported_not_calculated(client_for, secretariat, lao):
    country, heroin, opium = lao
    client = client_for(secretariat)
    upload(client, xlsx_file([["Year", heroin.label, opium.label], [2017, "=1+1", 5]]), country)
    batch = ImportBatch.objects.get()
    (problem,) = client.get(batch.get_absolute_url()).context["plan"].problems
    assert problem["col"] == "B" and "formula" in problem["message"]
    confirm(client, batch, {})
    assert not SeizureValue.objects.filter(year=2017).exists()


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (SimpleUploadedFile("empty.csv", b""), "empty"),
        (SimpleUploadedFile("t.csv", b"\xff\xfe\x00bad"), "not a CSV"),
        (SimpleUploadedFile("t.xlsx", b"PK\x03\x04 not really a zip"), "not a readable XLSX"),
        (SimpleUploadedFile("t.pdf", b"%PDF-1.4"), "Upload a CSV or XLSX"),
        (SimpleUploadedFile("t.csv", b"Heroin,Opium\n1,2\n"), "No header row was found"),
        (SimpleUploadedFile("t.csv", b"\n,,\n"), "no data"),
    ],
)
def test_unreadable_files_get_a_clear_message_and_change_nothing(client_for, secretariat, lao, file, message):
    response = upload(client_for(secretariat), file, lao[0])
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    assert not ImportBatch.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client_for, secretariat, lao, settings):
    settings.SEIZURES_IMPORT_MAX_BYTES = 100
    response = upload(client_for(secretariat), csv_file("Year,Heroin (kg)\n" + "2017,1\n" * 50), lao[0])
    assert "too large" in " ".join(response.context["form"].errors["file"])
    assert not ImportBatch.objects.exists()


def test_a_cancelled_import_cannot_be_confirmed(client_for, secretariat, lao):
    country, heroin, _opium = lao
    client = client_for(secretariat)
    upload(client, csv_file(f"Year,{heroin.label}\n2017,150\n"), country)
    batch = ImportBatch.objects.get()
    client.post(reverse("seizures:import_cancel", args=[batch.pk]))
    confirm(client, batch, {})
    assert not SeizureValue.objects.filter(year=2017).exists()


def test_partners_and_cochairs_cannot_import(client_for, partner, cochair, lao):
    country, heroin, _opium = lao
    before = sorted(SeizureValue.objects.values_list("year", "measure_id", "value"))
    for user in (partner, cochair):
        response = upload(client_for(user), csv_file(f"Year,{heroin.label}\n2017,999\n"), country)
        assert response.status_code == 403
    assert not ImportBatch.objects.exists()
    assert sorted(SeizureValue.objects.values_list("year", "measure_id", "value")) == before


def test_a_table_layout_file_without_a_country_is_refused_next_to_the_country_field(client_for, secretariat, lao):
    _country, heroin, _opium = lao
    response = upload(client_for(secretariat), csv_file(f"Year,{heroin.label}\n2017,1\n"))
    assert "choose its country" in " ".join(response.context["form"].errors["country"])
    assert not ImportBatch.objects.exists()


def test_a_workbook_huge_once_unpacked_is_refused(client_for, secretariat, lao, monkeypatch):
    monkeypatch.setattr("seizures.reading.MAX_UNPACKED_BYTES", 1000)
    rows = [["Year", lao[1].label]] + [[2000 + i, i] for i in range(100)]
    response = upload(client_for(secretariat), xlsx_file(rows), lao[0])
    assert "too large once unpacked" in " ".join(response.context["form"].errors["file"])
