"""The production smoke journey: headless Chromium against a running gunicorn (scripts/smoke-production).

Run by ``scripts/smoke-production`` once the portal is deployed as the README says; not a pytest
module (nothing here is collected by ``make test``). It talks to the portal only over HTTP, as
people do:

- each demo role logs in and opens its pages; every stylesheet, script and font of every page
  must load (no 4xx/5xx or failed request in the network log), with no console or page error;
- the co-chair downloads the High-Level Meeting briefing from the home page (a valid PDF);
- the secretariat has the 2019 report rendered again and downloads it;
- an invitee without an account answers through the RSVP link of an open invitation.

    python -m tests.smoke.journey BASE_URL RSVP_URL

Exits non-zero with what went wrong (a failed render shows its error).
"""

import os
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PASSWORD = os.environ.get("SMOKE_PASSWORD", "demo-idswg-2024")  # the documented demo password
ROLES = ("secretariat", "cochair", "partner")
ASSET_TYPES = ("stylesheet", "script", "font")
#: How long a render may take on the worker (the first one also waits for the worker to start).
RENDER_TIMEOUT = float(os.environ.get("SMOKE_RENDER_TIMEOUT", "150"))
#: Pages a role opens beyond the ones its navigation bar links to.
MAX_PAGES = 12


class SmokeFailure(Exception):
    pass


class Watch:
    """Everything that went wrong on a page: HTTP errors, failed requests, console and page errors."""

    def __init__(self, page, who):
        self.who = who
        self.problems = []
        self.assets = []  # (resource type, url, status) of each stylesheet, script and font
        page.on("response", self._response)
        page.on("requestfailed", self._failed)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self._add(f"page error: {error}"))

    def _add(self, problem):
        self.problems.append(problem)

    def _console(self, message):
        if message.type == "error":
            self._add(f"console error: {message.text} ({message.location.get('url', '')})")

    def _response(self, response):
        kind = response.request.resource_type
        if kind in ASSET_TYPES:
            self.assets.append((kind, response.url, response.status))
        if response.status >= 400:
            self._add(f"HTTP {response.status} for {kind} {response.url}")

    def _failed(self, request):
        # The browser aborts a download it takes over, and the htmx polls still in flight when
        # the journey goes to the next page (a render status every 2 s): neither is a failure.
        aborted = "ERR_ABORTED" in (request.failure or "")
        if aborted and ("/download/" in request.url or request.resource_type in ("xhr", "fetch")):
            return
        self._add(f"request failed: {request.resource_type} {request.url} ({request.failure})")

    def check(self, where):
        if self.problems:
            raise SmokeFailure(f"{self.who} on {where}:\n  " + "\n  ".join(self.problems))


def log(message):
    print(f"[journey {time.strftime('%H:%M:%S')}] {message}", flush=True)


def open_page(browser, base_url, who):
    context = browser.new_context(base_url=base_url, accept_downloads=True, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    page = context.new_page()
    return context, page, Watch(page, who)


def visit(page, watch, path):
    """Open ``path``, wait until its assets are in, and check that everything on it loaded."""
    response = page.goto(path, wait_until="networkidle")
    if response is None or response.status >= 400:
        raise SmokeFailure(f"{watch.who}: {path} answered {response.status if response else 'nothing'}")
    styled = page.evaluate("getComputedStyle(document.querySelector('nav.navbar')).display")
    if styled != "flex":
        raise SmokeFailure(
            f"{watch.who}: {path} is not styled (the navigation bar is {styled!r}, Bootstrap not applied)"
        )
    watch.check(path)


def log_in(page, watch, username):
    visit(page, watch, "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.wait_for_load_state("networkidle")
    watch.check(f"log-in as {username}")


def check_hashed_assets(watch):
    """The portal's own static files came under hashed names from STATIC_ROOT, and fonts were used."""
    kinds = {kind for kind, _url, _status in watch.assets}
    missing = set(ASSET_TYPES) - kinds
    if missing:
        raise SmokeFailure(f"{watch.who}: no {', '.join(sorted(missing))} was loaded at all")
    plain = [url for _kind, url, _status in watch.assets if url.endswith("/static/vendor/bootstrap/bootstrap.min.css")]
    if plain:
        raise SmokeFailure(f"{watch.who}: static files are served under plain names ({plain[0]}), not hashed")


def pages_of(page, base_url):
    """The portal pages the navigation bar and the home page link to (same site, no files)."""
    hrefs = page.eval_on_selector_all(
        "nav a[href^='/'], main a[href^='/']", "links => links.map(a => a.getAttribute('href'))"
    )
    seen = []
    for href in hrefs:
        path = urlsplit(href).path
        if path in seen or "/download/" in path or path.endswith((".pdf", ".csv", ".xlsx", ".docx", ".ics")):
            continue
        if path.startswith(("/accounts/logout", "/i18n/", "/back-office/")):
            continue
        seen.append(path)
    return seen[:MAX_PAGES]


def wait_for_pdf(page, box, who, what):
    """Wait until the render box offers the download; a failed render stops the journey with its error."""
    deadline = time.monotonic() + RENDER_TIMEOUT
    while time.monotonic() < deadline:
        if box.get_by_test_id("render-download").count():
            return box.get_by_test_id("render-download").first
        error = box.get_by_test_id("render-error")
        if error.count():
            raise SmokeFailure(f"{who}: the render of {what} failed: {error.first.inner_text()}")
        page.wait_for_timeout(500)
    raise SmokeFailure(f"{who}: no PDF of {what} after {RENDER_TIMEOUT:.0f} s: {box.inner_text()}")


def download_pdf(page, link, who, what):
    with page.expect_download() as info:
        link.click()
    download = info.value
    target = Path(tempfile.mkdtemp(prefix="idswg-smoke-")) / download.suggested_filename
    download.save_as(target)
    content = target.read_bytes()
    if not content.startswith(b"%PDF-") or b"%%EOF" not in content[-1024:] or len(content) < 2000:
        raise SmokeFailure(f"{who}: {what} ({download.suggested_filename}) is not a valid PDF ({len(content)} bytes)")
    log(f"{who} downloaded {download.suggested_filename}: {len(content):,} bytes")
    return download.suggested_filename


def role_pages(browser, base_url, role):
    context, page, watch = open_page(browser, base_url, role)
    log_in(page, watch, role)
    visit(page, watch, "/")
    paths = pages_of(page, base_url)
    for path in paths:
        visit(page, watch, path)
    check_hashed_assets(watch)
    log(f"{role}: {len(paths) + 2} pages, {len(watch.assets)} stylesheets/scripts/fonts, all loaded")
    return context, page, watch


def cochair_downloads_the_briefing(page, watch):
    visit(page, watch, "/")
    panel = page.get_by_test_id("home-documents")
    briefing = panel.locator("[data-testid=render-box], li, .list-group-item").filter(has_text="Briefing").first
    box = briefing if briefing.count() else panel
    link = wait_for_pdf(page, box, "cochair", "the briefing")
    name = download_pdf(page, link, "cochair", "the briefing")
    if not name.startswith("briefing-"):
        raise SmokeFailure(f"cochair: the home page's briefing downloaded as {name}")
    watch.check("the home page, after the briefing download")


def secretariat_renders_the_2019_report(page, watch):
    visit(page, watch, "/reports/")
    page.locator("main a").filter(has_text="2019").first.click()
    page.wait_for_load_state("networkidle")
    status = page.get_by_test_id("render-status").first
    status.locator("[data-testid=render-request], [data-testid=render-download]").first.wait_for()
    request = status.get_by_test_id("render-request")
    if request.count():  # "Make the PDF", "Update the PDF" or "Try again": render it now
        request.first.click()
        page.get_by_test_id("render-status").first.wait_for()
    link = wait_for_pdf(page, page.get_by_test_id("render-status").first, "secretariat", "the 2019 report")
    download_pdf(page, link, "secretariat", "the 2019 report")
    watch.check("the 2019 report page")


def invitee_answers(browser, base_url, rsvp_url):
    context, page, watch = open_page(browser, base_url, "invitee")
    response = page.goto(rsvp_url, wait_until="networkidle")
    if response is None or response.status != 200:
        raise SmokeFailure(f"invitee: the RSVP link answered {response.status if response else 'nothing'}")
    if page.get_by_test_id("rsvp-closed").count():
        raise SmokeFailure("invitee: the RSVP link's invitation is closed")
    page.get_by_label("I will attend").check()
    attendee = page.get_by_test_id("attendee-0")
    attendee.get_by_label("Name").fill("Ms. Smoke Test")
    attendee.get_by_label("Position").fill("First Secretary")
    attendee.get_by_label("E-mail").fill("smoke.test@example.org")
    page.get_by_role("button", name="Send my answer").click()
    page.get_by_text("Your answer is saved").wait_for()
    page.wait_for_load_state("networkidle")
    watch.check("the RSVP page")
    log("invitee answered through the RSVP link: attending")
    context.close()


def main(base_url, rsvp_url):
    started = time.monotonic()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            opened = {role: role_pages(browser, base_url, role) for role in ROLES}
            cochair_downloads_the_briefing(*opened["cochair"][1:])
            secretariat_renders_the_2019_report(*opened["secretariat"][1:])
            invitee_answers(browser, base_url, rsvp_url)
            for context, _page, _watch in opened.values():
                context.close()
        finally:
            browser.close()
    log(f"journey passed in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    try:
        main(sys.argv[1].rstrip("/"), sys.argv[2])
    except SmokeFailure as failure:
        sys.exit(f"SMOKE FAILED: {failure}")
