"""A person logs in as each demo role and sees the navigation that role may use."""

import io

import pytest
from django.core.management import call_command

from idswg.demo import DEMO_PASSWORD

from .conftest import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(transactional_db, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    settings.DEBUG = False


def nav_labels(page):
    return [text.strip() for text in page.get_by_test_id("nav").locator("a.nav-link").all_inner_texts()]


@pytest.mark.parametrize(
    ("username", "must_see", "must_not_see"),
    [
        ("secretariat", ["Home", "Directory", "Accounts"], []),
        ("cochair", ["Home"], ["Directory", "Accounts"]),
        ("partner", ["Home"], ["Directory", "Accounts"]),
    ],
)
def test_each_demo_role_logs_in_and_sees_its_navigation(demo, new_page, username, must_see, must_not_see):
    page = new_page()
    log_in(page, username, DEMO_PASSWORD)
    labels = nav_labels(page)
    for label in must_see:
        assert label in labels, f"{username} should see {label}: {labels}"
    for label in must_not_see:
        assert label not in labels, f"{username} should not see {label}: {labels}"
    page.locator("#main-nav .dropdown-toggle").click()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/accounts/login/")


def test_a_wrong_password_is_refused_with_a_message(demo, new_page):
    page = new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("partner")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Log in").click()
    assert "correct username and password" in page.content()


def test_navigation_collapses_on_a_phone(demo, new_page):
    page = new_page(viewport={"width": 390, "height": 800})
    log_in(page, "secretariat", DEMO_PASSWORD)
    menu_link = page.get_by_test_id("nav").get_by_role("link", name="Directory")
    assert not menu_link.is_visible()
    page.get_by_role("button", name="Toggle navigation").click()
    menu_link.click()
    page.wait_for_url("**/directory/")
