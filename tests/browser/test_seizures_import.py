"""The secretariat imports a year from an XLSX file, confirms the one questioned value, and sees it."""

import pytest
from openpyxl import Workbook

from idswg.roles import SECRETARIAT
from seizures import demo

from .conftest import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def lao_table(transactional_db):
    demo.load(lambda line: None)


def write_xlsx(path):
    workbook = Workbook()
    workbook.active.append(["Year", "Heroin (kg)", "Cannabis (kg)", "Arrest cases (cases)"])
    workbook.active.append([2018, 150.5, 90000, 2600])  # 90,000 kg of cannabis: far above a few thousand
    workbook.save(path)
    return path


def test_secretariat_imports_an_xlsx_confirms_the_flagged_value_and_sees_the_new_year(
    lao_table, new_page, user_with_role, tmp_path
):
    user = user_with_role(SECRETARIAT)
    page = new_page()
    log_in(page, user.username)
    page.goto("/seizures/lao-pdr/")
    assert page.locator("#row-2018").count() == 0
    page.get_by_role("link", name="Import").click()
    page.get_by_label("CSV or XLSX file").set_input_files(write_xlsx(tmp_path / "lao-2018.xlsx"))
    page.get_by_role("button", name="Read the file").click()

    page.wait_for_url("**/seizures/import/*/")
    assert "3 values to add" in page.get_by_test_id("summary").inner_text()
    flags = page.get_by_test_id("flag")
    assert flags.count() == 1
    assert "Cannabis (kg): 90,000" in flags.inner_text() and "more than ten times" in flags.inner_text()
    page.get_by_role("button", name="Confirm the import").click()
    assert "Tick the box and say why" in page.get_by_test_id("flag").inner_text()  # not confirmed yet

    page.get_by_label("The value is right").check()
    page.get_by_label("Comment").fill("Checked with LCDC: one seizure of 87 t in Bokeo")
    page.get_by_role("button", name="Confirm the import").click()

    page.wait_for_url("**/seizures/lao-pdr/")
    row = page.locator("#row-2018")
    assert "150.5" in row.inner_text() and "90,000" in row.inner_text() and "2,600" in row.inner_text()
    chart = page.locator('img[data-measure="cannabis-kg"]')
    assert "2008–2018" in chart.get_attribute("alt")
    svg = page.request.get(chart.get_attribute("src")).text()
    assert 'id="year-2018"' in svg
    assert chart.evaluate("img => img.complete && img.naturalWidth > 0")
