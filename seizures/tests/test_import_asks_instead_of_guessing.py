"""What a file does not settle is asked in the preview (a sheet, a year, a unit, the number format), never guessed."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from seizures import import_plan
from seizures.layouts import read_year
from seizures.tests.factories import MeasureFactory, make_table

pytestmark = pytest.mark.django_db


def start(text, user, country, name="t.csv"):
    data = text.encode() if isinstance(text, str) else text
    return import_plan.start_import(SimpleUploadedFile(name, data), user, country=country)


def values(batch):
    return {(item["measure"], item["year"]): item["value"] for item in import_plan.plan(batch).additions}


def test_the_issues_semicolon_file_reads_every_figure_with_comma_decimals(secretariat):
    country, (heroin, opium, ice) = make_table([], measures=3)
    text = f"Year;{heroin.label};{opium.label};{ice.label}\n2018;1.234,5;1.300;2.500\n"
    batch = start(text, secretariat, country)
    assert "comma decimals (1.234,5), as “1.234,5”" in batch.summary["format_note"]
    assert values(batch) == {
        (heroin.label, 2018): Decimal("1234.5"),
        (opium.label, 2018): Decimal("1300"),  # not 1.3: the file writes decimals with a comma
        (ice.label, 2018): Decimal("2500"),
    }


def test_a_header_without_a_unit_is_asked_about_when_the_measure_has_several_units(secretariat):
    country, _measures = make_table([], measures=1)
    kg = MeasureFactory(name="Synthetic drugs", unit="kg")
    tablets = MeasureFactory(name="Synthetic drugs", unit="tablets", slug="synthetic-tablets")
    batch = start("Year,Synthetic drugs\n2018,12\n", secretariat, country)
    (question,) = batch.summary["questions"]
    assert {label for _value, label in question["choices"]} == {kg.label, tablets.label}
    assert import_plan.plan(batch).additions == []  # nothing read as a value before the answer
    import_plan.answer(batch, {f"answer-{question['name']}": str(tablets.pk)})
    assert values(batch) == {(tablets.label, 2018): Decimal(12)}


@pytest.mark.parametrize(
    ("label", "year", "months"),
    [
        ("2017*", 2017, None),
        ("2017 (Jan-Jun)", 2017, 6),
        ("first 6 months 2017", 2017, 6),
        ("2017 (half)", 2017, 6),
        ("2017 (first 9 months)", 2017, 9),
        ("Jan-Mar 2017", 2017, 3),
    ],
)
def test_year_labels_with_a_part_of_the_year_are_read_with_their_months(label, year, months):
    read = read_year(label)
    assert (read.year, read.months, read.choices) == (year, months, ())


@pytest.mark.parametrize(
    ("label", "choices"), [("FY2020", (2019, 2020)), ("2021/22", (2021, 2022)), ("2019-2020", (2019, 2020))]
)
def test_fiscal_years_are_asked_about(label, choices):
    assert read_year(label).choices == choices and read_year(label).year is None


def test_a_partial_year_keeps_its_label_as_footnote_and_a_fiscal_year_is_answered(secretariat):
    country, (heroin,) = make_table([], measures=1)
    batch = start(f"Year,{heroin.label}\n2017 (Jan-Jun),5\n2021/22,7\n", secretariat, country)
    (question,) = batch.summary["questions"]
    assert question["name"] == "year:2021/22"
    import_plan.answer(batch, {"answer-year:2021/22": "2022"})
    cells = {cell["year"]: cell for cell in batch.rows}
    assert cells[2017]["months"] == 6 and cells[2017]["footnote"] == "2017 (Jan-Jun)"
    assert cells[2022]["footnote"] == "2021/22"


def test_a_workbook_with_several_sheets_asks_which_one_holds_the_table(secretariat):
    country, (heroin,) = make_table([], measures=1)
    workbook = Workbook()
    workbook.active.title = "Notes"
    workbook.active.append(["Figures sent by the national office"])
    sheet = workbook.create_sheet("Seizures")
    sheet.append(["Year", heroin.label])
    sheet.append([2018, 42])
    buffer = io.BytesIO()
    workbook.save(buffer)
    batch = start(buffer.getvalue(), secretariat, country, name="t.xlsx")
    assert [q["name"] for q in batch.summary["questions"]] == ["sheet"]
    import_plan.answer(batch, {"answer-sheet": "Seizures"})
    assert batch.summary["sheet"] == "Seizures" and values(batch) == {(heroin.label, 2018): Decimal(42)}


def test_a_title_row_and_a_note_line_are_offered_as_title_source_and_footnotes(secretariat):
    country, (heroin,) = make_table([], measures=1)
    text = f"Seizures in Testland\nYear,{heroin.label}\n2018,42\nSource: LCDC 2019\n* provisional\n"
    batch = start(text, secretariat, country)
    assert batch.summary["title"] == "Seizures in Testland" and batch.summary["source"] == "LCDC 2019"
    plan = import_plan.plan(batch)
    import_plan.apply(batch.pk, {"plan_version": plan.version, "use-source": "1"}, secretariat)
    country.refresh_from_db()
    assert country.source == "LCDC 2019" and country.table_title == ""  # only what was ticked
