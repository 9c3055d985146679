"""The secretariat gets a file for a country the portal does not know, creates its table, and imports it."""

import pytest

from idswg.roles import SECRETARIAT
from seizures import demo

from .conftest import log_in

pytestmark = pytest.mark.browser

THAILAND = "Country,Year,Measure,Value\nThailand,2016,Heroin (kg),1150.2\nThailand,2016,ATS (million tablets),94.3\n"


@pytest.fixture
def demo_tables(transactional_db):
    demo.load(lambda line: None)


def test_secretariat_creates_a_thailand_table_with_two_columns_and_imports_its_file(
    demo_tables, new_page, user_with_role, tmp_path
):
    user = user_with_role(SECRETARIAT)
    path = tmp_path / "thailand.csv"
    path.write_text(THAILAND, encoding="utf-8")
    page = new_page()
    log_in(page, user.username)

    # The file names a country the portal does not know: the preview says so and links to the new table page.
    page.goto("/seizures/import/")
    page.get_by_label("CSV or XLSX file").set_input_files(path)
    page.get_by_role("button", name="Read the file").click()
    page.wait_for_url("**/seizures/import/*/")
    assert "Unknown country “Thailand”" in page.get_by_test_id("problems").inner_text()
    assert page.get_by_role("button", name="Confirm the import").count() == 0
    page.get_by_role("link", name="Create this country's table").first.click()

    page.wait_for_url("**/seizures/tables/new/?name=Thailand")
    assert page.get_by_label("Country").input_value() == "Thailand"
    page.get_by_label("Source").fill("ONCB")
    page.get_by_label("ATS (million tablets)", exact=True).check()
    page.get_by_label("Position of ATS (million tablets)").fill("1")
    page.get_by_label("Heroin (kg)", exact=True).check()
    page.get_by_label("Position of Heroin (kg)").fill("2")
    page.get_by_role("button", name="Create the table").click()

    page.wait_for_url("**/seizures/thailand/")
    headers = page.locator("table thead").inner_text()
    assert headers.index("ATS") < headers.index("Heroin")

    page.get_by_role("link", name="Import", exact=True).click()
    page.get_by_label("CSV or XLSX file").set_input_files(path)
    page.get_by_role("button", name="Read the file").click()
    page.wait_for_url("**/seizures/import/*/")
    assert "2 values to add" in page.get_by_test_id("summary").inner_text()
    page.get_by_role("button", name="Confirm the import").click()

    page.wait_for_url("**/seizures/thailand/")
    row = page.locator("#row-2016")
    assert "1,150.2" in row.inner_text() and "94.3" in row.inner_text()
    assert "ONCB" in page.locator("main").inner_text()
