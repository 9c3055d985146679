"""A country's table as CSV or XLSX, in the layout the importer reads back.

No exported cell can start a formula when the file is opened in a spreadsheet (CSV
injection): text starting with = + - @ (or a tab or carriage return) gets a leading
apostrophe. Values are written as plain numbers (“2966.5”), blanks for not reported.
"""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from idswg.spreadsheets import safe_text, sheet_title

from .models import FULL_YEAR
from .numbers import plain


def table_rows(table):
    """Header, one row per year, an empty row, then the source and notes (all as Python values)."""
    header = [_("Year")] + [column["label"] for column in table["columns"]] + [_("Months covered"), _("Footnote")]
    rows = [header]
    for row in table["rows"]:
        # Only the row's own note: a column's note (under the table) stays with its values on re-import.
        rows.append(
            [row["year"]]
            + [cell["value"] for cell in row["cells"]]
            + [row["period_months"] if row["period_months"] != FULL_YEAR else "", row["note"]]
        )
    rows.append([])
    if table["source"]:
        rows.append([_("Source: %(source)s") % {"source": table["source"]}])
    for note in table["notes"]:
        rows.append([f"{note['mark']} {note['text']}"])
    if table["footnotes"]:
        rows.append([table["footnotes"]])
    return rows


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if hasattr(value, "as_tuple"):
        return plain(value)
    return safe_text(value)


def to_csv(table):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in table_rows(table):
        writer.writerow([_csv_value(value) for value in row])
    return "\ufeff" + buffer.getvalue()  # a BOM so spreadsheet programs read UTF-8


def to_xlsx(table):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(table["country"], _("Table"))
    for row in table_rows(table):
        sheet.append([_xlsx_value(value) for value in row])
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = 10
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value):
    if value is None or isinstance(value, int):
        return value
    if hasattr(value, "as_tuple"):
        return int(value) if value == value.to_integral() else value.normalize()
    return safe_text(value)
