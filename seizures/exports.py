"""A country's table as CSV or XLSX, in the layout the importer reads back.

No exported cell can start a formula when the file is opened in a spreadsheet (CSV
injection): in a CSV, text starting with = + - @ (or a tab or carriage return) gets a
leading apostrophe, which the importer takes off again; an XLSX types such cells as
text, so they show as written. Values are plain numbers with the decimals they were
written with (“137.50”), blanks for not reported. A figure with a footnote of its own keeps
its mark beside it as the reports print it (“137.50*”, the note under the table): a CSV
writes the text, an XLSX keeps a number whose format shows the mark (``0.00"*"``).

A country's *reported* trend table (↑ ↓ ↔ •) is exported the same way (``trend_rows``,
``trends_to_csv``, ``trends_to_xlsx``), with its legend, source and notes under it, and
reads back through the same importer.
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from idswg.spreadsheets import append_text_row, safe_text, sheet_title

from .models import FULL_YEAR
from .numbers import fixed, plain

TABLE, WIDE = "table", "wide"
LAYOUTS = (TABLE, WIDE)


@dataclass(frozen=True)
class Marked:
    """A cell with a footnote mark of its own: a figure (``Decimal``) or a trend symbol, and “*”, “**” …"""

    value: object
    mark: str


def table_rows(table, layout=TABLE):
    """The table as rows of Python values: a title row, the header, the data, an empty row, the notes.

    ``layout`` is TABLE (one row per year) or WIDE (one row per measure with its unit, years
    across), both read back by the importer. A column's footnote mark stays on its header
    (“Ecstasy (pills)*”) and its text under the table; a value keeps its decimals
    (``Decimal("137.50")``). Partial years and row notes stay in their own columns.
    """
    rows = [[table["title"]]] if table["title"] else []
    rows += _wide(table) if layout == WIDE else _by_year(table)
    rows.append([])
    if table["source"]:
        rows.append([_("Source: %(source)s") % {"source": table["source"]}])
    if table.get("legend"):
        rows.append([table["legend"]])
    for note in table["notes"]:
        rows.append([f"{note['mark']} {note['text']}"])
    if table["footnotes"]:
        rows.append([table["footnotes"]])
    return rows


def _stored_note(row):
    """The row's note as its values hold it; “first 6 months of 2017”, which only restates the months, is none."""
    return "" if row.get("note_generated") else row["note"]


def _header_label(column):
    return f"{column['label']}{column['mark']}"


def _value(cell):
    """The value with the decimals it shows (“137.50”), or without trailing zeros when it has none set.

    A reported figure whose footnote is its own (not its column's or its year's) comes with
    its mark (``Marked``); a trend table's cell is its symbol (“↑”), marked the same way.
    """
    value = cell["value"]
    if value is None:
        return None
    if isinstance(value, Decimal):
        value = fixed(value, cell["decimals"]) if cell["decimals"] is not None else value.normalize()
    return Marked(value, cell["mark"]) if cell.get("mark") else value


def _by_year(table):
    header = [_("Year")] + [_header_label(c) for c in table["columns"]] + [_("Months covered"), _("Footnote")]
    rows = [header]
    for row in table["rows"]:
        # Only the row's own note: a column's note is under the table, marked on its header.
        rows.append(
            [row["year"]]
            + [_value(cell) for cell in row["cells"]]
            + [row["period_months"] if row["period_months"] != FULL_YEAR else "", _stored_note(row)]
        )
    return rows


def _wide(table):
    """Measures as rows; a partial year's header says its months (“2017 (6 months)”), its note is marked."""
    years = []
    for row in table["rows"]:
        label = str(row["year"])
        if row["period_months"] != FULL_YEAR:
            label += " " + _("(%(months)s months)") % {"months": row["period_months"]}
        years.append(label + (row["mark"] if _stored_note(row) and row["mark"] else ""))
    rows = [[_("Measure"), _("Unit")] + years]
    for index, column in enumerate(table["columns"]):
        rows.append(
            [f"{column['name']}{column['mark']}", column["unit"]]
            + [_value(row["cells"][index]) for row in table["rows"]]
        )
    return rows


def _csv_value(value):
    if isinstance(value, Marked):
        return _csv_value(value.value) + value.mark
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if hasattr(value, "as_tuple"):
        return plain(value) if value.as_tuple().exponent >= 0 else format(value, "f")
    return safe_text(value)


def to_csv(table, layout=TABLE):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in table_rows(table, layout):
        writer.writerow([_csv_value(value) for value in row])
    return "\ufeff" + buffer.getvalue()  # a BOM so spreadsheet programs read UTF-8


def to_xlsx(table, layout=TABLE):
    """The table as a workbook: numbers as numbers shown with their decimals, text as text (no apostrophe)."""
    from openpyxl import Workbook  # only here: the web workers never load openpyxl otherwise

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(table["country"], _("Table"))
    for row in table_rows(table, layout):
        append_text_row(sheet, [_xlsx_value(value) for value in row])
        for column, value in enumerate(row, start=1):
            shown = _number_format(value)
            if shown:
                sheet.cell(sheet._current_row, column).number_format = shown
    sheet.freeze_panes = "B3" if table["title"] and layout == TABLE else None
    sheet.column_dimensions["A"].width = 10
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _number_format(value):
    """The cell format that shows a figure's decimals and its own mark (``0.00"*"``), or None for the default."""
    mark = ""
    if isinstance(value, Marked):
        value, mark = value.value, value.mark
    if not isinstance(value, Decimal):
        return None
    exponent = value.as_tuple().exponent
    shown = "0." + "0" * -exponent if exponent < 0 else ("0" if mark else None)
    return f'{shown}"{mark}"' if mark else shown


def _xlsx_value(value):
    if isinstance(value, Marked):
        return _xlsx_value(value.value) if isinstance(value.value, Decimal) else f"{value.value}{value.mark}"
    if value is None or isinstance(value, int):
        return value
    if hasattr(value, "as_tuple"):
        return int(value) if value == value.to_integral() else value.normalize()
    return str(value)  # typed as text by append_text_row: shown as written, never a formula


def trend_table(country_name, trends):
    """A ``reported_trend_table`` in the shape ``table_rows`` writes: years as rows, drugs as columns.

    Each cell is its symbol (↑ ↓ ↔ •); a footnote is marked on its cell (the same text, the
    same mark) and written under the table; a year whose trends cover fewer months says so.
    """
    marks = {}

    def mark(text):
        if text and text not in marks:
            marks[text] = "*" * (len(marks) + 1)
        return marks.get(text, "")

    columns = [
        {"name": row["label"], "unit": row["unit"], "label": f"{row['label']} ({row['unit']})", "mark": ""}
        for row in trends["rows"]
    ]
    rows = []
    for index, year in enumerate(trends["years"]):
        cells = [row["cells"][index] for row in trends["rows"]]
        rows.append(
            {
                "year": year,
                "period_months": min((cell["months"] for cell in cells), default=FULL_YEAR),
                "mark": "",
                "note": "",
                "cells": [{"value": cell["symbol"], "mark": mark(cell["footnote"])} for cell in cells],
            }
        )
    return {
        "country": country_name,
        "title": trends["title"],
        "source": trends["source"],
        "legend": trends["legend"],
        "footnotes": trends["footnotes"],
        "columns": columns,
        "rows": rows,
        "notes": [{"mark": value, "text": text} for text, value in marks.items()],
    }
