"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Nothing downloads a browser: Playwright starts ``/usr/bin/chromium`` (or ``CHROMIUM``).
Without it the tests are skipped with the reason, so a bare laptop still runs the suite.

Every page a test opens runs under the portal's Content-Security-Policy: a violation (a
``securitypolicyviolation`` event, or Chromium's console error about one), any other console
error and any uncaught script error fail the test. A test that provokes an error on purpose
says so with ``expect_console_error("text")``.
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


# Runs in every page and frame before its own scripts: hands each CSP violation to the test.
_REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolation([e.violatedDirective, e.blockedURI || "inline", e.sourceFile + ":" + e.lineNumber,
                         (e.sample || "").slice(0, 80)].join(" "));
}, true);
"""


@pytest.fixture
def browser_problems():
    """What the pages reported: CSP violations, console errors, uncaught errors (and the allowed ones)."""
    return {"problems": [], "expected": []}


@pytest.fixture
def expect_console_error(browser_problems):
    """``expect_console_error("403")``: a console error containing that text is part of the test."""
    return browser_problems["expected"].append


@pytest.fixture
def new_page(browser, live_server, browser_problems):
    """``new_page()``: a fresh browser context (its own cookies) opened on the live server.

    At the end of the test, any CSP violation, console error or uncaught script error on its pages
    fails it (see the module docstring).
    """
    contexts = []
    problems = browser_problems["problems"]

    def on_console(message):
        if message.type == "error":
            problems.append(f"console error on {message.location.get('url')}: {message.text}")

    def open_page(viewport=None):
        context = browser.new_context(base_url=live_server.url, viewport=viewport or {"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        context.expose_binding("__cspViolation", lambda source, text: problems.append(f"CSP violation: {text}"))
        context.add_init_script(_REPORT_VIOLATIONS)
        contexts.append(context)
        page = context.new_page()
        page.on("console", on_console)
        page.on("pageerror", lambda error: problems.append(f"uncaught script error: {error}"))
        return page

    yield open_page
    for context in contexts:
        context.close()
    unexpected = [p for p in problems if not any(text in p for text in browser_problems["expected"])]
    assert not unexpected, "the pages reported:\n" + "\n".join(unexpected)


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
