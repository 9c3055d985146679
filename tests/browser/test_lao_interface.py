"""A secretariat member switches the portal to Lao; it stays Lao across logging out and in."""

import re

import pytest
from playwright.sync_api import expect

from idswg.roles import SECRETARIAT

from .conftest import log_in

pytestmark = pytest.mark.browser


def nav_labels(page):
    return [text.strip() for text in page.get_by_test_id("nav").locator("a.nav-link").all_inner_texts()]


def test_a_user_chooses_lao_and_the_menu_forms_messages_and_errors_are_lao(user_with_role, new_page):
    user_with_role(SECRETARIAT, username="somphone")
    page = new_page()
    log_in(page, "somphone")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    # The switch names Lao in Lao and applies it only with its button.
    page.get_by_label("Language").select_option(label="ພາສາລາວ")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("button", name="Change language").click()
    expect(page.locator("html")).to_have_attribute("lang", "lo")
    assert {"ໜ້າຫຼັກ", "ບັນຊີລາຍຊື່", "ບັນຊີຜູ້ໃຊ້"} <= set(nav_labels(page))

    # A form: Lao labels, and the error next to the field is Lao.
    page.get_by_role("link", name="ບັນຊີລາຍຊື່").click()
    page.get_by_role("link", name="ອົງການໃໝ່").click()
    page.get_by_role("button", name="ບັນທຶກ").click()
    expect(page.locator(".invalid-feedback").first).to_contain_text("ຕ້ອງປ້ອນຂໍ້ມູນຊ່ອງນີ້")

    # A message after saving is Lao.
    expect(page.locator("label[for=id_name_lo]")).to_contain_text("ຊື່")
    page.locator("#id_name_en").fill("Ministry of Public Security")
    page.locator("#id_name_lo").fill("ກະຊວງປ້ອງກັນຄວາມສະຫງົບ")
    page.get_by_role("button", name="ບັນທຶກ").click()
    expect(page.get_by_role("alert")).to_contain_text("ບັນທຶກອົງການ “ກະຊວງປ້ອງກັນຄວາມສະຫງົບ” ແລ້ວ")

    # Logging out and in again, even from another browser, keeps Lao: it is on the account.
    page.locator("#main-nav .dropdown-toggle").click()
    page.get_by_role("button", name="ອອກຈາກລະບົບ").click()
    expect(page.locator("html")).to_have_attribute("lang", "lo")
    other = new_page()
    log_in(other, "somphone")
    expect(other.locator("html")).to_have_attribute("lang", "lo")
    expect(other.get_by_test_id("nav")).to_contain_text("ໜ້າຫຼັກ")
    expect(other.get_by_label("ພາສາ")).to_have_value("lo")
    assert re.search("[\u0e80-\u0eff]", other.locator("footer").inner_text())
