"""A country's table as CSV or XLSX, in the layout the importer reads back.

No exported cell can start a formula when the file is opened in a spreadsheet (CSV
injection): in a CSV, text starting with = + - @ (or a tab or carriage return) gets a
leading apostrophe, which the importer takes off again; an XLSX types such cells as
text, so they show as written. Values are plain numbers with the decimals they were
written with (“137.50”), blanks for not reported.
"""

import csv
import io

from django.utils.translation import gettext as _

from idswg.spreadsheets import append_text_row, safe_text, sheet_title

from .models import FULL_YEAR
from .numbers import fixed, plain

TABLE, WIDE = "table", "wide"
LAYOUTS = (TABLE, WIDE)


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
    for note in table["notes"]:
        rows.append([f"{note['mark']} {note['text']}"])
    if table["footnotes"]:
        rows.append([table["footnotes"]])
    return rows


def _header_label(column):
    return f"{column['label']}{column['mark']}"


def _value(cell):
    """The value with the decimals it shows (“137.50”), or without trailing zeros when it has none set."""
    if cell["value"] is None:
        return None
    return fixed(cell["value"], cell["decimals"]) if cell["decimals"] is not None else cell["value"].normalize()


def _by_year(table):
    header = [_("Year")] + [_header_label(c) for c in table["columns"]] + [_("Months covered"), _("Footnote")]
    rows = [header]
    for row in table["rows"]:
        # Only the row's own note: a column's note is under the table, marked on its header.
        rows.append(
            [row["year"]]
            + [_value(cell) for cell in row["cells"]]
            + [row["period_months"] if row["period_months"] != FULL_YEAR else "", row["note"]]
        )
    return rows


def _wide(table):
    """Measures as rows; a partial year's header says its months (“2017 (6 months)”), its note is marked."""
    years = []
    for row in table["rows"]:
        label = str(row["year"])
        if row["period_months"] != FULL_YEAR:
            label += " " + _("(%(months)s months)") % {"months": row["period_months"]}
        years.append(label + (row["mark"] if row["note"] and row["mark"] else ""))
    rows = [[_("Measure"), _("Unit")] + years]
    for index, column in enumerate(table["columns"]):
        rows.append(
            [f"{column['name']}{column['mark']}", column["unit"]]
            + [_value(row["cells"][index]) for row in table["rows"]]
        )
    return rows


def _csv_value(value):
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
        for cell, value in zip(sheet[sheet.max_row], row, strict=False):
            if hasattr(value, "as_tuple") and value.as_tuple().exponent < 0:
                cell.number_format = "0." + "0" * -value.as_tuple().exponent
    sheet.freeze_panes = "B3" if table["title"] and layout == TABLE else None
    sheet.column_dimensions["A"].width = 10
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value):
    if value is None or isinstance(value, int):
        return value
    if hasattr(value, "as_tuple"):
        return int(value) if value == value.to_integral() else value.normalize()
    return str(value)  # typed as text by append_text_row: shown as written, never a formula
