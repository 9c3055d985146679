"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Nothing downloads a browser: Playwright starts ``/usr/bin/chromium`` (or ``CHROMIUM``).
Without it the tests are skipped with the reason, so a bare laptop still runs the suite.
"""

import os
import shutil

import pytest

from idswg.tests.factories import UserFactory

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
PASSWORD = "test-pass-123"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("needs Debian's chromium package (make test installs it where apt-get is allowed)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """``new_page()``: a fresh browser context (its own cookies) opened on the live server."""
    contexts = []

    def open_page(viewport=None):
        context = browser.new_context(base_url=live_server.url, viewport=viewport or {"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def log_in(page, username, password=PASSWORD):
    """Log in through the login form, as a person would."""
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


@pytest.fixture
def user_with_role(transactional_db):
    """``user_with_role(role, **fields)``: a user whose password is ``PASSWORD``."""

    def make(role, **fields):
        return UserFactory(role=role, **fields)

    return make
