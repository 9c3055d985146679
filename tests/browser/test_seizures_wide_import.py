"""The secretariat imports a wide XLSX (title row, years across, source line), sees how it is read, and prints it."""

import io

import pytest
from openpyxl import Workbook
from pypdf import PdfReader

from idswg.roles import SECRETARIAT
from seizures import demo

from .conftest import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def lao_table(transactional_db):
    demo.load(lambda line: None)


def write_wide_xlsx(path):
    """As a statistics office sends it: a title, one row per drug with its unit, years across, a source."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Drug seizures in Lao PDR, 2018 and the first half of 2019"])
    sheet.merge_cells("A1:D1")
    sheet.append(["Drug type", "Unit", "2018", "2019 (Jan-Jun)"])
    sheet.append(["Heroin", "kg", 150.5, 160.25])
    sheet["C3"].number_format = "0.00"  # written 150.50
    sheet.append(["Opium", "kg", "88.5", "40.0"])
    sheet.append([])
    sheet.append(["Source: LCDC, provisional figures"])
    workbook.save(path)
    return path


def test_secretariat_imports_a_wide_xlsx_sees_how_it_is_read_and_the_table_and_its_pdf_show_it(
    lao_table, new_page, user_with_role, tmp_path
):
    user = user_with_role(SECRETARIAT)
    page = new_page()
    log_in(page, user.username)
    page.goto("/seizures/lao-pdr/")
    page.get_by_role("link", name="Import").click()
    page.get_by_label("CSV or XLSX file").set_input_files(write_wide_xlsx(tmp_path / "lao-wide.xlsx"))
    page.get_by_role("button", name="Read the file").click()

    page.wait_for_url("**/seizures/import/*/")
    read_as = page.get_by_test_id("read-as").inner_text()
    assert "one row per measure with its unit, years across" in read_as
    assert "point decimals (1,234.5), as “88.5”" in page.get_by_test_id("number-format").inner_text()
    assert "4 values to add" in page.get_by_test_id("summary").inner_text()
    notes = page.get_by_test_id("table-notes").inner_text()
    assert "LCDC, provisional figures" in notes and "Drug seizures in Lao PDR, 2018" in notes
    page.get_by_label("Use as the table's title:").uncheck()  # keep the table's own title
    page.screenshot(path=str(tmp_path / "preview.png"), full_page=True)
    page.get_by_role("button", name="Confirm the import").click()

    page.wait_for_url("**/seizures/lao-pdr/")
    assert "Imported: 4 values added" in page.content()
    row = page.locator("#row-2018")
    assert "150.50" in row.inner_text() and "88.5" in row.inner_text()  # the decimals as written
    half = page.locator("#row-2019")
    assert "160.25" in half.inner_text() and "40.0" in half.inner_text()
    assert "2019 (Jan-Jun)" in page.content()  # the partial year keeps its label as footnote
    assert "LCDC, provisional figures" in page.content()

    box = page.get_by_test_id("table-pdf-box")
    box.get_by_role("button", name="Make the PDF").click()
    box.get_by_test_id("render-download").wait_for()
    with page.expect_download() as download:
        box.get_by_test_id("render-download").click()
    saved = tmp_path / "lao-pdr.pdf"
    download.value.save_as(saved)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(saved.read_bytes())).pages).replace("\x00", "")
    assert "150.50" in text and "160.25" in text and "LCDC, provisional figures" in text
