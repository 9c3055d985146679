"""Reading an uploaded CSV or XLSX file into the cells of an import, without saving anything.

Two layouts are understood, told apart by the header row:

* the table's own layout: ``Year | Heroin (kg) | Opium (kg) | ...`` with years as rows
  (a year may read “2017*” or “2017 (6 months)”; optional ``Months covered``,
  ``Footnote`` and ``Source`` columns); the table ends at the first empty row, so the
  source line and notes under an exported table are ignored;
* one value per line: ``Country | Year | Measure | Value`` (optional ``Unit``,
  ``Months covered``, ``Footnote``, ``Source``).

A formula in an XLSX cell is never evaluated (openpyxl reads the cell's text): the cell
is kept with ``formula=True`` and reported as a problem. Anything unreadable raises
``ImportRefused`` with a message for the person who uploaded it.
"""

import csv
import io
import re
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from .models import Country, Measure
from .table_setup import split_label

MAX_ROWS = 5000
MAX_COLUMNS = 100
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
YEAR_CELL = re.compile(
    r"^\s*(\d{4})\s*(\*+)?\s*(?:\(\s*(?:first\s+)?(\d{1,2})\s*(?:months?|m)\s*\)|\(\s*half\s*\))?\s*$", re.I
)
MONTHS_HEADERS = {"months", "months covered", "period (months)"}


class ImportRefused(Exception):
    """The file cannot be read at all; the message says why, for the person who uploaded it.

    ``field`` names the upload form's field the message belongs next to.
    """

    def __init__(self, message, field="file"):
        super().__init__(message)
        self.field = field


def max_bytes():
    return getattr(settings, "SEIZURES_IMPORT_MAX_BYTES", 2 * 1024 * 1024)


def read_upload(upload):
    """The grid of an uploaded file: rows of ``(text, is_formula, is_number)``. Raises ImportRefused."""
    if upload is None or upload.size == 0:
        raise ImportRefused(_("The file is empty."))
    if upload.size > max_bytes():
        raise ImportRefused(
            _("The file is too large (%(size)s KB; at most %(max)s KB).")
            % {"size": upload.size // 1024, "max": max_bytes() // 1024}
        )
    content = upload.read(max_bytes() + 1)
    name = (upload.name or "").lower()
    if content[:4] == b"PK\x03\x04" or name.endswith(".xlsx"):
        grid = _read_xlsx(content)
    elif name.endswith((".csv", ".txt")) or not name.rpartition(".")[1]:
        grid = _read_csv(content)
    else:
        raise ImportRefused(_("Upload a CSV or XLSX file (this one is “%(name)s”).") % {"name": upload.name[:80]})
    if not any(text.strip() for row in grid for text, _f, _n in row):
        raise ImportRefused(_("The file has no data."))
    return grid


def _read_csv(content):
    if b"\x00" in content:
        raise ImportRefused(_("This is not a CSV text file."))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(_("The file is not UTF-8 text; save it as “CSV UTF-8” and upload it again.")) from error
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = []
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text), dialect)):
            if number >= MAX_ROWS or len(row) > MAX_COLUMNS:
                raise ImportRefused(_("The file has too many rows or columns for a seizure table."))
            rows.append([(cell, cell.strip().startswith("="), False) for cell in row])
    except csv.Error as error:
        raise ImportRefused(_("The CSV file is malformed: %(error)s") % {"error": error}) from error
    return rows


def _read_xlsx(content):
    try:
        unpacked = sum(item.file_size for item in zipfile.ZipFile(io.BytesIO(content)).infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ImportRefused(_("The file is not a readable XLSX workbook.")) from error
    if unpacked > MAX_UNPACKED_BYTES:  # a “zip bomb”: small to upload, huge to open
        raise ImportRefused(_("The workbook is too large once unpacked for a seizure table."))
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise ImportRefused(_("The file is not a readable XLSX workbook.")) from error
    except Exception as error:  # openpyxl raises many kinds on a damaged workbook
        raise ImportRefused(_("The file is not a readable XLSX workbook.")) from error
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for number, row in enumerate(sheet.iter_rows()):
            if number >= MAX_ROWS:
                raise ImportRefused(_("The file has too many rows or columns for a seizure table."))
            cells = []
            for cell in row[: MAX_COLUMNS + 1]:
                cells.append(_xlsx_cell(cell))
            if len(cells) > MAX_COLUMNS:
                raise ImportRefused(_("The file has too many rows or columns for a seizure table."))
            rows.append(cells)
        return rows
    except ImportRefused:
        raise
    except Exception as error:
        raise ImportRefused(_("The file is not a readable XLSX workbook.")) from error
    finally:
        workbook.close()


def _xlsx_cell(cell):
    value = getattr(cell, "value", None)
    if value is None:
        return ("", False, False)
    if getattr(cell, "data_type", "") == "f" or (isinstance(value, str) and value.startswith("=")):
        return (str(value), True, False)
    if isinstance(value, bool):
        return (str(value), False, False)
    if isinstance(value, int | float):
        return (format(value, ".15g") if isinstance(value, float) else str(value), False, True)
    return (str(value), False, False)


def _norm(text):
    return re.sub(r"\s+", " ", str(text)).strip().lower()


def detect_layout(grid):
    """``"table"`` or ``"long"`` from the first non-empty row, or ImportRefused."""
    header = _header(grid)[1]
    names = {_norm(text) for text, _f, _n in header}
    if {"country", "year", "measure", "value"} <= names:
        return "long"
    if header and _norm(header[0][0]) in {"year", "years", _norm(_("Year"))}:
        return "table"
    raise ImportRefused(
        _(
            "The first row must name the columns: either “Year” followed by the measures (the table's layout), "
            "or “Country, Year, Measure, Value” (one value per line)."
        )
    )


def _header(grid):
    for index, row in enumerate(grid):
        if any(text.strip() for text, _f, _n in row):
            return index, row
    return 0, []


def read_year(text):
    """``(year, months or None)`` from “2017”, “2017*”, “2017 (6 months)”; ``(None, None)`` if unreadable."""
    match = YEAR_CELL.match(str(text))
    if not match:
        return None, None
    year = int(match.group(1))
    months = int(match.group(3)) if match.group(3) else (6 if "half" in str(text).lower() else None)
    if not 1900 <= year <= 2200 or (months is not None and not 1 <= months <= 12):
        return None, None
    return year, months


class _Measures:
    """Measures found by their label (“Heroin (kg)”) or name and unit, case and spacing ignored."""

    def __init__(self):
        self.by_label = {}
        for measure in Measure.objects.all():
            self.by_label[_norm(measure.label)] = measure
            self.by_label.setdefault(_norm(measure.name), measure)

    def find(self, text, unit=""):
        if unit:
            return self.by_label.get(_norm(f"{text} ({unit})"))
        return self.by_label.get(_norm(text))


def cells_from_grid(grid, layout, country=None):
    """``(cells, problems)``: one dict per value cell, and the problems of the file's structure.

    A cell is ``{"row", "col", "country", "year", "measure", "text", "formula", "number",
    "months", "footnote", "source"}`` with the country and measure as ids (None if unknown).
    A problem is ``{"row", "col", "message"}`` (row 1 is the file's first line).
    """
    if layout == "table":
        return _table_cells(grid, country)
    return _long_cells(grid)


def _problem(row, col, message):
    return {"row": row, "col": get_column_letter(col + 1) if col is not None else "", "message": message}


def _to_create(problem, what, name, unit=""):
    """Mark an unknown country or measure so the preview links to the page that creates it."""
    if not name:
        return problem
    return {**problem, "create": what, "name": name, "unit": unit}


def _table_cells(grid, country):
    if country is None:
        return [], [_problem(1, None, _("Choose the country of this table."))]
    measures = _Measures()
    start, header = _header(grid)
    columns, extra, problems = {}, {}, []
    for col, (text, _f, _n) in enumerate(header[1:], start=1):
        name = _norm(text)
        if not name:
            continue
        if name in MONTHS_HEADERS or name == _norm(_("Months covered")):
            extra["months"] = col
            continue
        if name in {"footnote", "source", _norm(_("Footnote")), _norm(_("Source"))}:
            extra["footnote" if name in {"footnote", _norm(_("Footnote"))} else "source"] = col
            continue
        measure = measures.find(text)
        if measure is None:
            problem = _problem(
                start + 1, col, _("Unknown measure “%(text)s”: write it as “Name (unit)”.") % {"text": text[:60]}
            )
            problems.append(_to_create(problem, "measure", *split_label(text[:100])))
        else:
            columns[col] = measure.pk
    cells, seen = [], set()
    for index, row in enumerate(grid[start + 1 :], start=start + 2):
        if not any(text.strip() for text, _f, _n in row):
            break  # the table ends here; notes may follow
        year, months = read_year(row[0][0] if row else "")
        if year is None:
            problems.append(_problem(index, 0, _("“%(text)s” is not a year.") % {"text": row[0][0][:40]}))
            continue
        if year in seen:
            problems.append(_problem(index, 0, _("%(year)s appears twice.") % {"year": year}))
            continue
        seen.add(year)
        get = {key: (row[col][0].strip() if col < len(row) else "") for key, col in extra.items()}
        if "months" in get and get["months"]:
            months = _months(get["months"])
            if months is None:
                problems.append(_problem(index, extra["months"], _("Months covered must be 1 to 12.")))
                continue
        for col, measure_id in columns.items():
            text, formula, number = row[col] if col < len(row) else ("", False, False)
            cells.append(
                {
                    "row": index,
                    "col": get_column_letter(col + 1),
                    "country": country.pk,
                    "year": year,
                    "measure": measure_id,
                    "text": text[:100],
                    "formula": formula,
                    "number": number,
                    "months": months or 12,
                    "footnote": get.get("footnote", "")[:500],
                    "source": get.get("source", "")[:300],
                }
            )
    return cells, problems


def _months(text):
    try:
        months = int(float(text))
    except ValueError:
        return None
    return months if 1 <= months <= 12 else None


def _long_cells(grid):
    measures = _Measures()
    countries = {}
    for country in Country.objects.all():
        countries[_norm(country.name)] = country.pk
        countries[_norm(country.slug)] = country.pk
    start, header = _header(grid)
    at = {}
    for col, (text, _f, _n) in enumerate(header):
        name = _norm(text)
        key = "months" if name in MONTHS_HEADERS else name
        if key in {"country", "year", "measure", "unit", "value", "months", "footnote", "source"}:
            at.setdefault(key, col)
    cells, problems, seen = [], [], set()
    for index, row in enumerate(grid[start + 1 :], start=start + 2):
        if not any(text.strip() for text, _f, _n in row):
            continue

        def get(key, row=row):
            col = at.get(key)
            return row[col] if col is not None and col < len(row) else ("", False, False)

        country = countries.get(_norm(get("country")[0]))
        if country is None:
            name = get("country")[0].strip()[:100]
            problem = _problem(index, at["country"], _("Unknown country “%(text)s”.") % {"text": name[:60]})
            problems.append(_to_create(problem, "country", name) if name else problem)
            continue
        year, months = read_year(get("year")[0])
        if year is None:
            problems.append(_problem(index, at["year"], _("“%(text)s” is not a year.") % {"text": get("year")[0][:40]}))
            continue
        measure = measures.find(get("measure")[0], get("unit")[0].strip())
        if measure is None:
            text, unit = get("measure")[0].strip()[:100], get("unit")[0].strip()[:40]
            problem = _problem(index, at["measure"], _("Unknown measure “%(text)s”.") % {"text": text[:60]})
            problems.append(_to_create(problem, "measure", *((text, unit) if unit else split_label(text))))
            continue
        if get("months")[0].strip():
            months = _months(get("months")[0].strip())
            if months is None:
                problems.append(_problem(index, at["months"], _("Months covered must be 1 to 12.")))
                continue
        if (country, measure.pk, year) in seen:
            problems.append(_problem(index, at["value"], _("This value appears twice in the file.")))
            continue
        seen.add((country, measure.pk, year))
        text, formula, number = get("value")
        cells.append(
            {
                "row": index,
                "col": get_column_letter(at["value"] + 1),
                "country": country,
                "year": year,
                "measure": measure.pk,
                "text": text[:100],
                "formula": formula,
                "number": number,
                "months": months or 12,
                "footnote": get("footnote")[0].strip()[:500],
                "source": get("source")[0].strip()[:300],
            }
        )
    return cells, problems
