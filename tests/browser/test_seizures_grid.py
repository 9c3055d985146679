"""The secretariat corrects a year's row in the grid on the table page, without the page reloading."""

import pytest

from idswg.roles import SECRETARIAT
from seizures import demo

from .conftest import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def lao_table(transactional_db):
    demo.load(lambda line: None)


def test_secretariat_edits_a_row_answers_the_ambiguity_and_sees_its_history(lao_table, new_page, user_with_role):
    user = user_with_role(SECRETARIAT, first_name="Noy", last_name="Phommachanh")
    page = new_page()
    log_in(page, user.username)
    page.goto("/seizures/lao-pdr/")
    page.evaluate("window.stillTheSamePage = true")
    row = page.locator("#row-2015")
    row.get_by_role("button", name="Edit").click()
    page.get_by_label("Cannabis (kg)").fill("3,258")
    page.get_by_label("Heroin (kg)").fill("-134.8")
    page.locator("#row-2015").get_by_role("button", name="Save").click()
    page.locator("#row-2015").get_by_text("cannot be negative").wait_for()
    assert "can be read two ways" in page.locator("#row-2015").inner_text()

    page.get_by_label("Heroin (kg)").fill("134.8")
    page.get_by_label("3\u202f258").check()
    page.locator("#row-2015").get_by_role("button", name="Save").click()
    page.locator("#row-2015 form").wait_for(state="detached")
    assert "3,258" in page.locator("#row-2015").inner_text()

    page.locator("#row-2015").get_by_role("button", name="Edit").click()
    page.get_by_label("Opium (kg)").fill("5160")  # a hundred times the year's 51.6
    page.locator("#row-2015").get_by_role("button", name="Save").click()
    page.locator("#row-2015").get_by_text("more than ten times").wait_for()
    page.locator("#row-2015").get_by_label("The value is right").check()
    page.locator("#row-2015").get_by_label("Comment").fill("Typo in the LCDC file, confirmed by phone")
    page.locator("#row-2015").get_by_role("button", name="Save").click()
    page.locator("#row-2015 form").wait_for(state="detached")
    assert "5,160" in page.locator("#row-2015").inner_text()

    page.locator("#row-2015").get_by_role("button", name="History").click()
    history = page.locator("#history")
    history.get_by_text("Typo in the LCDC file").wait_for()
    assert "Noy Phommachanh" in history.inner_text()
    assert page.evaluate("window.stillTheSamePage") is True  # HTMX swaps, never a full reload
