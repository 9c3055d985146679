"""Every page each role reaches, audited by axe-core (WCAG 2.1 A/AA) and the Nu HTML Checker.

One test loads the demo once and crawls from the home page as each role (anonymous, partner,
co-chair, secretariat), following same-origin links, one or two pages of each kind; axe runs on
each page in the browser, and the HTML the server sent is saved and checked by vnu in one Java run.
"""

import io
import re

import pytest
from django.core.management import call_command

from idswg.demo import DEMO_PASSWORD

from .accessibility import axe_violations, crawl
from .conftest import log_in
from .html_checker import html_errors

pytestmark = pytest.mark.browser

ROLES = ["anonymous", "partner", "cochair", "secretariat"]
PAGES_PER_ROLE = 45


@pytest.fixture
def demo(transactional_db, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    settings.DEBUG = False


def saved_name(role, url, origin):
    return f"{role}{re.sub(r'[^A-Za-z0-9]+', '_', url.removeprefix(origin)) or '_'}.html"


def test_every_page_of_every_role_passes_axe_and_the_html_checker(demo, new_page, live_server, tmp_path):
    violations, saved, titles = [], [], {}
    for role in ROLES:
        page = new_page()
        if role != "anonymous":
            log_in(page, role, DEMO_PASSWORD)
        visited = 0
        for url, html in crawl(page, live_server.url, "/", PAGES_PER_ROLE):
            visited += 1
            violations += axe_violations(page)
            path = tmp_path / saved_name(role, url, live_server.url)
            path.write_text(html)
            saved.append(path)
            kind = re.sub(r"/\d+/", "/<n>/", url.removeprefix(live_server.url).split("?")[0])
            titles.setdefault(page.title(), set()).add(kind)
        assert visited > (1 if role == "anonymous" else 8), f"{role} reached only {visited} pages"
        page.context.close()
    shared = [f"{title!r}: {sorted(kinds)}" for title, kinds in titles.items() if len(kinds) > 1]
    errors = html_errors(saved)
    report = [f"axe: {len(violations)} WCAG 2.1 A/AA violations", *violations]
    report += [f"{len(shared)} titles shared by pages of different kinds", *shared]
    report += [f"Nu HTML Checker: {len(errors)} errors in {len(saved)} pages", *errors]
    assert not (violations or shared or errors), "\n".join(report)
