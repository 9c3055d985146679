"""Property: a table written in any layout and format reads back exactly, or the preview asks; never another number.

Hypothesis generates a table (measures, years, a partial last year, values with 0-3
decimals, blanks), writes it as a statistics office might (one row per year, one row
per measure with or without a unit column, or one value per line; CSV with ``,`` ``;``
or tab, or XLSX; point or comma decimals, with or without thousands separators; a title
row above, a source and a marked note below; in XLSX a header merged over two rows),
and imports it. The preview either reads every generated value with its written
decimals, or asks how the file writes numbers (only when no cell shows it), and
answered with the truth, then reads every value exactly.
"""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from seizures import import_plan
from seizures.numbers import COMMA_DECIMAL, POINT_DECIMAL, evidence
from seizures.tests.factories import make_table

pytestmark = pytest.mark.django_db

values = st.one_of(
    st.none(),
    st.builds(lambda n, d: Decimal(n).scaleb(-d), st.integers(0, 10**8), st.integers(0, 3)),
)


@st.composite
def tables(draw):
    first = draw(st.integers(2000, 2020))
    years = list(range(first, first + draw(st.integers(1, 5))))
    columns = draw(st.integers(1, 3))
    cells = {(m, y): draw(values) for m in range(columns) for y in years}
    return {"years": years, "columns": columns, "cells": cells, "partial": draw(st.booleans())}


def written(value, convention, thousands):
    """``value`` as a person types it: “1,234.50” or “1.234,50” (grouped or not)."""
    if value is None:
        return ""
    whole, _sep, fraction = format(value, "f").partition(".")
    if thousands:
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = ("," if convention == POINT_DECIMAL else ".").join([whole, *groups])
    point = "." if convention == POINT_DECIMAL else ","
    return whole + (point + fraction if fraction else "")


def year_label(year, table):
    return f"{year}*" if table["partial"] and year == table["years"][-1] else str(year)


def grid(table, measures, layout, convention, thousands, as_numbers):
    """The table's rows as a statistics office lays them out (cells are text, or numbers in a workbook)."""

    def cell(m, y):
        value = table["cells"][(m, y)]
        return value if as_numbers else written(value, convention, thousands)

    years, columns = table["years"], range(table["columns"])
    if layout == "table":
        rows = [["Year", *[measures[m].label for m in columns]]]
        rows += [[year_label(y, table), *[cell(m, y) for m in columns]] for y in years]
    elif layout == "wide":
        rows = [["Drug type", "Unit", *[year_label(y, table) for y in years]]]
        rows += [[measures[m].name, measures[m].unit, *[cell(m, y) for y in years]] for m in columns]
    else:
        rows = [["Country", "Year", "Measure", "Unit", "Value"]]
        rows += [
            ["Testland", year_label(y, table), measures[m].name, measures[m].unit, cell(m, y)]
            for m in columns
            for y in years
        ]
    return rows


def file_of(rows, fmt, merged_header, title="Seizures reported by Testland"):
    notes = [["Source: National office"], ["* first 6 months"]]
    if fmt == "xlsx":
        return SimpleUploadedFile("t.xlsx", _xlsx(rows, notes, title, merged_header))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter={"csv": ",", "semicolon": ";", "tab": "\t"}[fmt])
    writer.writerows([[title], *rows, [], *notes])
    return SimpleUploadedFile("t.csv", buffer.getvalue().encode())


def _xlsx(rows, notes, title, merged_header):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([title])
    if merged_header:  # a group title over the header, and its first cell merged down over both rows
        sheet.append([rows[0][0], "Seizures"] + [""] * (len(rows[0]) - 2))
        sheet.merge_cells(start_row=2, start_column=2, end_row=2, end_column=max(len(rows[0]), 2))
        sheet.append([""] + rows[0][1:])
        sheet.merge_cells(start_row=2, start_column=1, end_row=3, end_column=1)
    else:
        sheet.append(rows[0])
    for row in rows[1:]:
        sheet.append(row)
        for cell, value in zip(sheet[sheet.max_row], row, strict=False):
            if isinstance(value, Decimal) and value.as_tuple().exponent < 0:
                cell.number_format = "0." + "0" * -value.as_tuple().exponent
    sheet.append([])
    for note in notes:
        sheet.append(note)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def expected(table, measures, country):
    last = table["years"][-1]
    return {
        (country.pk, measures[m].pk, y): (
            value,
            -value.as_tuple().exponent,
            6 if table["partial"] and y == last else 12,
        )
        for (m, y), value in table["cells"].items()
        if value is not None
    }


def read_back(batch):
    plan = import_plan.plan(batch)
    cells = {(cell["country"], cell["measure"], cell["year"]): cell for cell in batch.rows}
    found = {}
    for item in plan.additions:
        key = tuple(int(part) for part in item["key"].split("-"))
        found[key] = (item["value"], cells[key]["decimals"], item["months"])
    return plan, found


@pytest.fixture
def empty_table():
    from seizures.models import Country

    country, measures = make_table([], measures=3)
    country.name, country.slug = "Testland", "testland"
    country.save()
    return Country.objects.get(pk=country.pk), measures


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    table=tables(),
    layout=st.sampled_from(["table", "wide", "long"]),
    fmt=st.sampled_from(["csv", "semicolon", "tab", "xlsx"]),
    convention=st.sampled_from([POINT_DECIMAL, COMMA_DECIMAL]),
    thousands=st.booleans(),
    merged_header=st.booleans(),
)
def test_a_generated_table_reads_back_exactly_or_the_preview_asks(
    empty_table, secretariat, table, layout, fmt, convention, thousands, merged_header
):
    country, measures = empty_table
    rows = grid(table, measures, layout, convention, thousands, as_numbers=fmt == "xlsx")
    upload = file_of(rows, fmt, merged_header and fmt == "xlsx")
    batch = import_plan.start_import(upload, secretariat, country=None if layout == "long" else country)
    assert batch.summary["source"] == "National office"
    plan, found = read_back(batch)
    want = expected(table, measures, country)
    asked = [q["name"] for q in plan.questions]
    assert plan.problems == [] and asked in ([], ["number_format"])
    if asked:
        texts = [written(v, convention, thousands) for v in table["cells"].values() if v is not None]
        assert fmt != "xlsx" and not any(evidence(text) for text in texts)  # asked only when nothing shows it
        assert found == {}  # nothing is previewed as a value before the answer
        import_plan.answer(batch, {"answer-number_format": convention})
        plan, found = read_back(batch)
        assert plan.questions == [] and plan.problems == []
    assert found == want
