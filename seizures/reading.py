"""Reading an uploaded CSV or XLSX file into grids of cells, one per sheet, without saving anything.

A cell is ``(text, is_formula, is_number)``. A CSV is UTF-8 (or UTF-16 with its byte-order
mark, as Excel saves “Unicode text”); its delimiter (``,`` ``;`` tab) is sniffed. In a
workbook every sheet is read; a merged cell's text is put where the table's header expects
it: a cell merged over several rows sits in the last of them (“Year” over two header rows),
one merged across columns repeats in each (a group title above the header). A number cell
keeps the decimals its cell format shows (“137.50” in a ``0.00`` cell) and the footnote mark
it shows after the number (“137.50*” in a ``0.00"*"`` cell). A formula is never evaluated
(openpyxl reads the cell's text): the cell is kept with ``formula=True`` and reported as a
problem. Anything unreadable raises ``ImportRefused`` with a message for the person who
uploaded it. ``seizures.layouts`` then finds the table in a grid and
``seizures.import_cells`` reads its cells.
"""

import csv
import io
import re
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _

MAX_ROWS = 5000
MAX_COLUMNS = 100
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
BOM = "\ufeff"
FORMAT_DECIMALS = re.compile(r"\.(0+)")
# A footnote mark shown by the cell's format after its number (``0.00"*"``), as the portal's XLSX writes it.
FORMAT_MARK = re.compile(r'"(\*+|†+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)"\s*$')


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
    """``{sheet name: grid}`` of an uploaded file (a CSV has one, named ""). Raises ImportRefused."""
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
        sheets = _read_xlsx(content)
    elif name.endswith((".csv", ".txt")) or not name.rpartition(".")[1]:
        sheets = {"": _read_csv(content)}
    else:
        raise ImportRefused(_("Upload a CSV or XLSX file (this one is “%(name)s”).") % {"name": upload.name[:80]})
    sheets = {title: grid for title, grid in sheets.items() if any(t.strip() for row in grid for t, _f, _n in row)}
    if not sheets:
        raise ImportRefused(_("The file has no data."))
    return sheets


def _decode(content):
    """The text of a CSV file: UTF-8 (with or without a BOM), or UTF-16 with its BOM (Excel's “Unicode text”)."""
    if content[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = content.decode("utf-16")
        except UnicodeDecodeError:
            text = ""
        if text and "\x00" not in text and any(sep in text for sep in ",;\t\n"):
            return text
    if b"\x00" in content:
        raise ImportRefused(_("This is not a CSV text file."))
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(_("The file is not UTF-8 text; save it as “CSV UTF-8” and upload it again.")) from error


def _read_csv(content):
    text = _decode(content)
    delimiter = sniff_delimiter(text)
    rows = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        for number, row in enumerate(reader):
            if number >= MAX_ROWS or len(row) > MAX_COLUMNS:
                raise ImportRefused(_("The file has too many rows or columns for a seizure table."))
            rows.append([_csv_cell(cell) for cell in row])
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise ImportRefused(
                _("Line %(line)s has a cell of more than %(max)s characters; a seizure table has none so long.")
                % {"line": reader.line_num, "max": csv.field_size_limit()}
            ) from error
        raise ImportRefused(_("The CSV file is malformed: %(error)s") % {"error": error}) from error
    return rows


def _csv_cell(text):
    """A CSV cell; the apostrophe an export puts before “=”, “-” … (against formulas) is taken off again.

    A byte-order mark inside the text (a second one, or one pasted in with a header) is no part of it.
    """
    text = text.replace(BOM, "")
    if text.startswith("'") and text[1:2] in {"=", "+", "-", "@", "\t", "\r"}:
        text = text[1:]
    return (text, text.strip().startswith("="), False)


def sniff_delimiter(text):
    """The delimiter (tab, ``;`` or ``,``) that splits the file's first lines into the most even columns.

    csv.Sniffer is fooled by “3,521” in a tab- or semicolon-separated file; a delimiter
    that gives the same number of columns (more than one) on most lines is not.
    """
    lines = [line for line in text[:8192].splitlines() if line.strip()][:30]
    best, score = ",", (0, 0)
    for delimiter in ("\t", ";", ","):
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            continue
        wide = [count for count in counts if count > 1]
        if not wide:
            continue
        common = max(set(wide), key=wide.count)
        candidate = (wide.count(common), common)
        if candidate > score:
            best, score = delimiter, candidate
    return best


def _read_xlsx(content):
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ImportRefused(_("The file is not a readable XLSX workbook.")) from error
    if unpacked > MAX_UNPACKED_BYTES:  # a “zip bomb”: small to upload, huge to open
        raise ImportRefused(_("The workbook is too large once unpacked for a seizure table."))
    from openpyxl import load_workbook  # only for an XLSX upload: openpyxl costs a process 43 MiB

    try:
        # Merged cells are only known to a fully loaded sheet; without any, read-only is several times faster.
        workbook = load_workbook(io.BytesIO(content), read_only=not _has_merged_cells(archive), data_only=False)
    except Exception as error:  # openpyxl raises many kinds on a damaged workbook
        raise ImportRefused(_("The file is not a readable XLSX workbook.")) from error
    try:
        return {sheet.title: _sheet_grid(sheet) for sheet in workbook.worksheets}
    except ImportRefused:
        raise
    except Exception as error:
        raise ImportRefused(_("The file is not a readable XLSX workbook.")) from error
    finally:
        workbook.close()


def _has_merged_cells(archive):
    """True when a sheet of the workbook merges cells (its XML has a ``mergeCell``), read without unpacking it all."""
    for item in archive.infolist():
        if item.filename.startswith("xl/worksheets/") and item.filename.endswith(".xml"):
            with archive.open(item) as stream:
                tail = b""
                while chunk := stream.read(1 << 16):
                    if b"mergeCell " in tail + chunk:
                        return True
                    tail = chunk[-16:]
    return False


def _sheet_grid(sheet):
    rows = []
    for number, row in enumerate(sheet.iter_rows()):
        if number >= MAX_ROWS or len(row) > MAX_COLUMNS:
            raise ImportRefused(_("The file has too many rows or columns for a seizure table."))
        rows.append([_xlsx_cell(cell) for cell in row])
    ranges = sheet.merged_cells.ranges if hasattr(sheet, "merged_cells") else ()  # a read-only sheet has none
    for merged in ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        if top >= len(rows) or left >= len(rows[top]):
            continue
        first = rows[top][left]
        if merged.max_row > merged.min_row:  # down: the text goes to the last row of the range
            rows[top][left] = ("", False, False)
            rows[merged.max_row - 1][left] = first
        elif not first[2]:  # across (a title or a group of columns), never a number
            for col in range(left, min(merged.max_col, len(rows[top]))):
                rows[top][col] = first
    return rows


def _xlsx_cell(cell):
    value = getattr(cell, "value", None)
    if value is None:
        return ("", False, False)
    if getattr(cell, "data_type", "") == "f" or (isinstance(value, str) and value.startswith("=")):
        return (str(value), True, False)
    if isinstance(value, bool):
        return (str(value), False, False)
    if isinstance(value, int | float):
        number_format = str(getattr(cell, "number_format", "") or "")
        shown = FORMAT_DECIMALS.search(number_format)
        mark = FORMAT_MARK.search(number_format)
        mark = mark.group(1) if mark else ""
        if shown:
            return (format(value, f".{len(shown.group(1))}f") + mark, False, True)
        return ((format(value, ".15g") if isinstance(value, float) else str(value)) + mark, False, True)
    return (str(value).replace(BOM, ""), False, False)
