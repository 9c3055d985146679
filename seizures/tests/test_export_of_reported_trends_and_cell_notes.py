"""Exports that lose nothing: reported trend tables, and a footnote that belongs to one figure only.

A reported trend table (Cambodia's drug use trends 2011-2016, ↑ ↓ ↔ •) is exported in the
same formats and layouts as the seizure tables and re-imports to the same table. A figure
whose footnote is its own (neither its column's nor its year's) keeps its mark beside it
(“137.50*”, the note under the table) and gets its footnote back on import.
"""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from seizures import demo, import_plan
from seizures.models import Country, ImportBatch, ReportedTrend, ReportedTrendTable, SeizureValue
from seizures.reported_trends import reported_trend_table
from seizures.tests.factories import make_table

pytestmark = pytest.mark.django_db

FORMATS = ["csv", "xlsx"]
LAYOUTS = ["table", "wide"]


@pytest.fixture
def cambodia():
    demo.load(io.StringIO().write)
    return Country.objects.get(name="Cambodia")


def _trends_export(client, country, fmt, layout):
    url = reverse("seizures:reported_trends_export", args=[country.slug, fmt]) + f"?layout={layout}"
    response = client.get(url)
    assert response.status_code == 200
    return response


def _import(content, fmt, user, country, data=None):
    """Upload ``content``, plan it and confirm it with the table's notes ticked; returns the plan applied."""
    batch = import_plan.start_import(SimpleUploadedFile(f"export.{fmt}", content), user, country=country)
    plan = import_plan.plan(batch)
    assert plan.problems == [] and plan.questions == [], (plan.problems, plan.questions)
    import_plan.apply(batch.pk, {"plan_version": plan.version, "use-source": "1", **(data or {})}, user)
    return plan


def _rows(content, fmt):
    if fmt == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(content)).active
    return [["" if cell.value is None else str(cell.value) for cell in row] for row in sheet.iter_rows()]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_cambodias_reported_trends_export_and_reimport_to_the_same_table(
    client_for, secretariat, cambodia, fmt, layout
):
    before = reported_trend_table(cambodia)
    content = _trends_export(client_for(secretariat), cambodia, fmt, layout).content
    ReportedTrendTable.objects.filter(country=cambodia).delete()
    plan = _import(content, fmt, secretariat, cambodia)
    assert len(plan.additions) == 5 * 6  # five drugs, six years, “•” included
    assert ImportBatch.objects.get().kind == ImportBatch.Kind.TRENDS
    assert reported_trend_table(cambodia) == before
    # Ecstasy's note came back on each of its years, the source's legend and source with it.
    ecstasy = ReportedTrend.objects.filter(table__country=cambodia, measure__name="Ecstasy")
    assert {trend.footnote for trend in ecstasy} == {demo.ECSTASY_NOTE}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_trend_export_imported_again_over_its_table_changes_nothing(client_for, secretariat, cambodia, fmt, layout):
    content = _trends_export(client_for(secretariat), cambodia, fmt, layout).content
    batch = import_plan.start_import(SimpleUploadedFile(f"again.{fmt}", content), secretariat, country=cambodia)
    plan = import_plan.plan(batch)
    assert plan.ok and plan.work == 0 and plan.unchanged == 30


def test_a_trend_table_typed_by_hand_with_gaps_reimports_as_shown(client_for, secretariat):
    """A blank cell of the hand-typed grid is no trend; the table shows “•”, and so does the re-import.

    A partial year is one for the whole year's column (as in the seizure tables), with its note: 2016 covers
    January to June.
    """
    country, (heroin, opium) = make_table([2015, 2016], value=lambda year, index: Decimal(10))
    table = ReportedTrendTable.objects.create(country=country, title="Drug use trends", source="NACD")
    ReportedTrend.objects.create(table=table, measure=heroin, year=2015, direction="increase")
    ReportedTrend.objects.create(
        table=table, measure=opium, year=2016, direction="stable", period_months=6, footnote="January to June"
    )
    ReportedTrend.objects.create(
        table=table, measure=heroin, year=2016, direction="decrease", period_months=6, footnote="January to June"
    )
    before = reported_trend_table(country)
    for fmt in FORMATS:
        for layout in LAYOUTS:
            content = _trends_export(client_for(secretariat), country, fmt, layout).content
            batch = import_plan.start_import(SimpleUploadedFile(f"t.{fmt}", content), secretariat, country=country)
            assert import_plan.plan(batch).work == 0, (fmt, layout)
            batch.delete()
    content = _trends_export(client_for(secretariat), country, "xlsx", "wide").content
    table.delete()
    _import(content, "xlsx", secretariat, country)
    after = reported_trend_table(country)
    assert after == before
    assert ReportedTrend.objects.get(measure=heroin, year=2016).period_months == 6


def test_the_trend_export_writes_the_arrows_the_legend_the_source_and_the_notes(client_for, partner, cambodia):
    rows = _rows(_trends_export(client_for(partner), cambodia, "csv", "wide").content, "csv")
    assert rows[0] == ["Trends in the use of drugs in Cambodia, 2011-2016"]
    assert rows[1] == ["Measure", "Unit", "2011", "2012", "2013", "2014", "2015", "2016"]
    assert ["Methamphetamine pills", "pills", "↑", "↑", "↑", "↑", "↑", "↑"] in rows
    assert ["Ecstasy", "pills", "↑*", "↑*", "•*", "•*", "↓*", "↑*"] in rows
    texts = [row[0] for row in rows if len(row) == 1]
    assert "↑ = Increase, ↓ = Decrease, ↔ = Stable, • = Not reported" in texts
    assert f"* {demo.ECSTASY_NOTE}" in texts
    assert any(text.startswith("Source: DAINAP") for text in texts)


def test_a_country_without_a_reported_trend_table_has_no_trend_export(client_for, partner):
    country, _measures = make_table([2016])
    for fmt in FORMATS:
        url = reverse("seizures:reported_trends_export", args=[country.slug, fmt])
        assert client_for(partner).get(url).status_code == 404


def test_an_unknown_trend_export_format_is_not_found(client_for, partner, cambodia):
    url = reverse("seizures:reported_trends_export", args=[cambodia.slug, "pdf"])
    assert client_for(partner).get(url).status_code == 404


def test_the_table_page_offers_the_trend_exports_only_where_there_is_a_reported_table(client_for, partner, cambodia):
    page = client_for(partner).get(cambodia.get_absolute_url()).content.decode()
    assert reverse("seizures:reported_trends_export", args=[cambodia.slug, "xlsx"]) in page
    lao = Country.objects.get(name="Lao PDR")
    page = client_for(partner).get(lao.get_absolute_url()).content.decode()
    assert reverse("seizures:reported_trends_export", args=[lao.slug, "xlsx"]) not in page


def _stored(country):
    return {
        (v.measure_id, v.year): (v.value, v.decimals, v.period_months, v.footnote)
        for v in SeizureValue.objects.filter(country=country)
    }


def _table_with_cell_notes():
    """Three years, two drugs; one figure with a note of its own, and more notes than three marks."""
    country, (heroin, opium) = make_table([2014, 2015, 2016, 2017])
    SeizureValue.objects.filter(country=country).update(decimals=0)
    SeizureValue.objects.filter(measure=heroin, year=2016).update(
        value="137.50", decimals=2, footnote="Includes 12 kg seized at the border"
    )
    SeizureValue.objects.filter(measure=opium, year=2015).update(footnote="Raw opium only")
    SeizureValue.objects.filter(measure=opium, year=2014).update(footnote="Estimate")
    SeizureValue.objects.filter(measure=heroin, year=2017).update(footnote="Provisional")
    SeizureValue.objects.filter(measure=opium, year=2017).update(footnote="Revised in 2018")
    return country, heroin, opium


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_footnote_of_one_figure_survives_export_and_reimport(client_for, secretariat, fmt, layout):
    country, _heroin, _opium = _table_with_cell_notes()
    before = _stored(country)
    url = reverse("seizures:export", args=[country.slug, fmt]) + f"?layout={layout}"
    content = client_for(secretariat).get(url).content
    SeizureValue.objects.filter(country=country).delete()
    plan = _import(content, fmt, secretariat, country)
    assert len(plan.additions) == 8
    assert _stored(country) == before


def test_the_csv_writes_a_figures_mark_beside_it_and_its_note_under_the_table(client_for, partner):
    country, _heroin, _opium = _table_with_cell_notes()
    rows = _rows(client_for(partner).get(reverse("seizures:export", args=[country.slug, "csv"])).content, "csv")
    by_year = {row[0]: row for row in rows if row and row[0].isdigit()}
    notes = [row[0] for row in rows if len(row) == 1]
    mark = next(note.split()[0] for note in notes if note.endswith("Includes 12 kg seized at the border"))
    assert by_year["2016"][1] == f"137.50{mark}"
    assert any(note.startswith("**** ") for note in notes)  # a fourth note gets a fourth star


def test_the_xlsx_keeps_a_marked_figure_a_number_whose_format_shows_the_mark(client_for, partner):
    country, _heroin, _opium = _table_with_cell_notes()
    content = client_for(partner).get(reverse("seizures:export", args=[country.slug, "xlsx"])).content
    sheet = load_workbook(io.BytesIO(content)).active
    marked = next(cell for row in sheet.iter_rows() for cell in row if cell.value == 137.5)
    assert marked.data_type == "n" and marked.number_format == '0.00"***"'  # its note is the third


def test_a_figure_marked_as_the_report_prints_it_takes_the_note_under_the_table(secretariat):
    country, (heroin, opium) = make_table([2016], value=lambda year, index: Decimal(1))
    SeizureValue.objects.filter(country=country).delete()
    text = f'Year,{heroin.label},{opium.label}\n2016,"68,35 ¹⁴",12\n\n¹⁴ Seized in one operation.\n'
    _import(text.encode(), "csv", secretariat, country)
    value = SeizureValue.objects.get(measure=heroin)
    assert (value.value, value.footnote) == (Decimal("68.35"), "Seized in one operation.")
    assert SeizureValue.objects.get(measure=opium).footnote == ""


def test_a_figures_mark_without_a_note_is_read_and_listed_as_not_kept(secretariat):
    country, (heroin,) = make_table([2016], measures=1)
    text = f"Year,{heroin.label}\n2016,250*\n"
    batch = import_plan.start_import(SimpleUploadedFile("t.csv", text.encode()), secretariat, country=country)
    plan = import_plan.plan(batch)
    assert plan.ok and plan.changes[0]["value"] == Decimal(250)
    assert any("250*" in item and "no note under the table" in item for item in batch.summary["skipped"])


def test_the_secretariat_imports_a_trend_export_through_the_preview_and_the_table_page_shows_it(
    client_for, secretariat, cambodia
):
    client = client_for(secretariat)
    content = _trends_export(client, cambodia, "xlsx", "wide").content
    before = reported_trend_table(cambodia)
    ReportedTrendTable.objects.filter(country=cambodia).delete()
    response = client.post(
        reverse("seizures:import"),
        {"file": SimpleUploadedFile("trends.xlsx", content), "country": cambodia.slug, "number_format": "ask"},
    )
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == batch.get_absolute_url()
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "a reported trend table (↑ ↓ ↔ •)" in page and "30 values to add" in page
    assert not ReportedTrendTable.objects.filter(country=cambodia).exists()  # nothing before the confirmation
    response = client.post(batch.get_absolute_url(), {"plan_version": import_plan.plan(batch).version})
    assert response.status_code == 302 and response["Location"] == cambodia.get_absolute_url()
    assert reported_trend_table(cambodia) == before
    page = client.get(cambodia.get_absolute_url()).content.decode()
    assert "Methamphetamine pills 2012: reported ↑, computed ↓" in page


@pytest.mark.parametrize("read_in", ["lo", "en"])
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_an_export_made_in_lao_reimports_in_lao_and_in_english(secretariat, fmt, layout, read_in):
    """A Lao user's export writes “ປີ”, “ຈຳນວນເດືອນ”, “2017 (6 ເດືອນ)”, “ແຫຼ່ງຂໍ້ມູນ: …”: read back in either language."""
    from django.utils import translation

    from seizures import exports
    from seizures.tables import country_table

    country, _heroin, _opium = _table_with_cell_notes()
    country.source = "LCDC"
    country.save()
    SeizureValue.objects.filter(country=country, year=2017).update(period_months=6)
    before = _stored(country)
    with translation.override("lo"):
        data = country_table(country)
        content = exports.to_csv(data, layout).encode() if fmt == "csv" else exports.to_xlsx(data, layout)
    SeizureValue.objects.filter(country=country).delete()
    with translation.override(read_in):
        batch = import_plan.start_import(SimpleUploadedFile(f"lao.{fmt}", content), secretariat, country=country)
        plan = import_plan.plan(batch)
        assert plan.problems == [] and plan.questions == [], (plan.problems, plan.questions)
        import_plan.apply(batch.pk, {"plan_version": plan.version}, secretariat)
    assert batch.summary["source"] == "LCDC"
    assert _stored(country) == before
