"""axe-core (WCAG 2.1 A/AA) for the browser tests, and a bounded same-origin crawl.

axe comes from its npm package in ``node_modules`` (``npm ci``), never from ``static/``: it is
evaluated in the page through the DevTools protocol, which the Content-Security-Policy does not
govern, so the pages keep their real policy while they are audited.
"""

import re
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest
from playwright.sync_api import Error as PlaywrightError

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Links a crawl does not follow: they log out, download a file, or leave the portal's pages.
SKIPPED_PATHS = ("/accounts/logout", "/admin/", "/static/", "/i18n/")
SKIPPED_ENDINGS = (".pdf", ".ics", ".xlsx", ".csv", ".docx", "/download/", "/export/", "/export.xlsx")


def axe_source():
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make vendor) to install axe-core")
    return AXE.read_text()


def axe_violations(page, context=None):
    """The WCAG 2.1 A/AA violations axe finds in the page as it is now, one readable line each."""
    if not page.evaluate("() => !!window.axe"):
        page.evaluate(axe_source())
    results = page.evaluate(
        """([context, tags]) => axe.run(context || document, {runOnly: {type: "tag", values: tags},
                                                              resultTypes: ["violations"]})""",
        [context, WCAG_21_AA],
    )
    lines = []
    for violation in results["violations"]:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
        summary = violation["nodes"][0].get("failureSummary", "").replace("\n", " ")[:160]
        lines.append(
            f"{page.url}: {violation['id']} ({violation['impact']}, {len(violation['nodes'])} nodes) "
            f"{'; '.join(targets)} :: {summary}"
        )
    return lines


def assert_accessible(page, context=None):
    violations = axe_violations(page, context)
    assert not violations, "axe (WCAG 2.1 A/AA) found:\n" + "\n".join(violations)


def crawlable(url, origin):
    parsed = urlparse(url)
    if f"{parsed.scheme}://{parsed.netloc}" != origin or parsed.scheme not in ("http", "https"):
        return False
    path = parsed.path
    return not path.startswith(SKIPPED_PATHS) and not path.endswith(SKIPPED_ENDINGS)


# A link's secret (an RSVP token): long, with digits or capitals, unlike a slug such as lao-pdr.
TOKEN = re.compile(r"(?=[^/]*[0-9A-Z_])[A-Za-z0-9_-]{20,}")


def page_pattern(path):
    """A path with its numbers and tokens folded, so a crawl audits so many pages of each kind
    (/meetings/<n>/, /meetings/<n>/rsvp/<token>/)."""
    return "/".join(
        "<n>" if part.isdigit() else "<token>" if TOKEN.fullmatch(part) else part for part in path.split("/")
    )


def crawl(page, origin, start, limit, per_kind=1):
    """Visit pages from ``start`` following same-origin links, breadth first, at most ``limit``.

    Pages of one kind (the same path but for numbers) are visited ``per_kind`` times at most: the
    audit is of templates, and the demo has dozens of meetings rendered by one template. Yields
    each page after it loaded, with the HTML the server sent.
    """
    start = origin + start
    queue, seen, kinds = [start], {start}, {}
    visited = 0
    while queue and visited < limit:
        url = queue.pop(0)
        kind = page_pattern(urlparse(url).path) + ("?" if urlparse(url).query else "")
        if kinds.get(kind, 0) >= per_kind:
            continue
        kinds[kind] = kinds.get(kind, 0) + 1
        try:
            response = page.goto(url)
        except PlaywrightError as error:  # a link to a file (an attachment) starts a download
            if "Download is starting" in str(error):
                continue
            raise
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        visited += 1
        yield url, response.text()
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            href = urldefrag(href)[0]
            if href not in seen and crawlable(href, origin):
                seen.add(href)
                queue.append(href)
