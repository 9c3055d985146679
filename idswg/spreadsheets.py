"""What every CSV and XLSX export of the portal shares: no cell a spreadsheet reads as a formula,
and sheet names Excel accepts.

The exported text is what people typed (a meeting title, a note, a country's name), so it
may start with ``=`` or hold characters a sheet name may not.
"""

import re

#: A cell starting with one of these is read as a formula by spreadsheet programs (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Excel refuses these in a sheet name (openpyxl raises ValueError), and names over 31 characters.
SHEET_TITLE_FORBIDDEN = re.compile(r"[\\/?*:\[\]]")
SHEET_TITLE_MAX = 31


def safe_text(value):
    """``value`` as text made harmless for a CSV file: “=1+1” becomes “'=1+1”, None becomes “”."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def append_text_row(sheet, values):
    """Append ``values`` to an openpyxl ``sheet``, every string as text, never as a formula.

    openpyxl turns a string starting with ``=`` into a formula; an XLSX cell typed as text
    shows it exactly as written, without the apostrophe a CSV needs.
    """
    sheet.append(values)
    # The row just written, cell by cell: ``sheet.max_row`` and ``sheet[row]`` scan every cell of the
    # sheet, which made a 2,000-row export quadratic.
    row = sheet._current_row
    for column, value in enumerate(values, start=1):
        if isinstance(value, str):
            sheet.cell(row, column).data_type = "s"


def sheet_title(text, fallback):
    """A sheet name Excel accepts made from ``text``: forbidden characters become spaces, at most 31."""
    title = " ".join(SHEET_TITLE_FORBIDDEN.sub(" ", str(text)).split())
    title = title[:SHEET_TITLE_MAX].strip().strip("'").strip()  # Excel refuses a name starting or ending in '
    return title or str(fallback)[:SHEET_TITLE_MAX]
