"""The menu bar holds the secretariat's menu on one line from 1200 px, in Lao and in English, and folds below."""

import pytest

from idswg.roles import SECRETARIAT

from .conftest import log_in

pytestmark = pytest.mark.browser

#: The secretariat sees the most items (nine); a long name tests the account menu's room.
LONG_NAME = {"first_name": "Khamphanh", "last_name": "Sisouphanthong-Vongsavanh"}


def link_rows(page):
    """The distinct tops (px) of the visible menu items and the account menu."""
    return page.evaluate(
        """() => [...new Set([...document.querySelectorAll('#main-nav .nav-link')]
             .filter(link => link.offsetParent !== null)
             .map(link => Math.round(link.getBoundingClientRect().top)))]"""
    )


def item_heights(page):
    """Each menu item's height (px): an item on two lines is about twice as high as one on one."""
    return page.evaluate(
        "() => [...document.querySelectorAll('[data-testid=nav] .nav-link')].map(l => l.getBoundingClientRect().height)"
    )


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize("language", ["lo", "en"])
def test_the_secretariats_menu_stays_on_one_line_from_1200_px_and_folds_below(user_with_role, new_page, language):
    user = user_with_role(SECRETARIAT, username=f"sec-{language}", language=language, **LONG_NAME)
    page = new_page(viewport={"width": 1400, "height": 800})
    log_in(page, user.username)
    assert page.locator("html").get_attribute("lang") == language
    assert len(item_heights(page)) == 9
    for width in (1400, 1200):
        page.set_viewport_size({"width": width, "height": 800})
        rows = link_rows(page)
        assert max(rows) - min(rows) <= 2, f"{language} at {width} px: items at tops {rows}"
        heights = item_heights(page)
        assert max(heights) < 1.5 * min(heights), f"{language} at {width} px: an item wraps: {heights}"
        assert page_width(page) == width, f"{language} at {width} px: the page scrolls sideways"
    page.set_viewport_size({"width": 1199, "height": 800})
    assert link_rows(page) == []  # folded behind the toggler
    assert page_width(page) == 1199
    page.locator(".navbar-toggler").click()
    page.locator("#main-nav.show").wait_for()
    heights = item_heights(page)
    assert max(heights) < 1.5 * min(heights), f"{language}, folded menu: an item wraps: {heights}"
    assert len(link_rows(page)) == 10  # nine items and the account menu, one under the other
