"""Exported spreadsheets: sheet names Excel accepts, text that never becomes a formula."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from idswg.spreadsheets import append_text_row, safe_text, sheet_title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Lao PDR", "Lao PDR"),
        ("Lao PDR: 2019/2020?", "Lao PDR 2019 2020"),
        ("[Draft] *Viet Nam*", "Draft Viet Nam"),
        ("'Cambodia'", "Cambodia"),
        ("A name much longer than the thirty-one characters Excel allows", "A name much longer than the thi"),
        (":/?*[]", "Table"),
        ("", "Table"),
    ],
)
def test_a_sheet_title_drops_what_excel_refuses(text, title):
    assert sheet_title(text, "Table") == title
    Workbook().active.title = sheet_title(text, "Table")  # openpyxl accepts it


def test_a_text_row_keeps_formula_like_strings_as_text_and_numbers_as_numbers():
    workbook = Workbook()
    append_text_row(workbook.active, ["=SUM(A1:A9)", 12, "plain"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    row = load_workbook(buffer).active[1]
    assert [cell.value for cell in row] == ["=SUM(A1:A9)", 12, "plain"]
    assert [cell.data_type for cell in row] == ["s", "n", "s"]


def test_safe_text_prefixes_formula_starts_for_csv_and_reads_none_as_blank():
    assert safe_text("=1+1") == "'=1+1"
    assert safe_text("Lao PDR") == "Lao PDR"
    assert safe_text(None) == ""
