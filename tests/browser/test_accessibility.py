"""Every page each role reaches, audited by axe-core (WCAG 2.1 A/AA) and the Nu HTML Checker.

The demo is loaded once per test and crawled from the home page as each role (anonymous,
partner, co-chair, secretariat), following same-origin links; axe runs on each page in the
browser once its PDF boxes have loaded, and the HTML the server sent is saved and checked by vnu
in one Java run. In English the crawl opens up to two pages of each kind (a final and a draft
report are one template with different parts); in Lao one of each kind. The PDF box is also
audited in the states no link leads to, being made and failed, in both languages.
"""

import io
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from idswg import documents
from idswg.demo import DEMO_PASSWORD
from idswg.models import RenderJob, User

from .accessibility import axe_violations, crawl, page_pattern
from .conftest import log_in
from .html_checker import html_errors

pytestmark = pytest.mark.browser

ROLES = ["anonymous", "partner", "cochair", "secretariat"]
PAGES_PER_ROLE = 90
KINDS_TWICE = 2  # pages of one kind audited in English
LOADED = "() => !document.querySelector('[data-state=loading]')"  # the PDF boxes have answered


@pytest.fixture
def demo(transactional_db, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    settings.DEBUG = False


def saved_name(prefix, url, origin):
    return f"{prefix}{re.sub(r'[^A-Za-z0-9]+', '_', url.removeprefix(origin)) or '_'}.html"


def reader(new_page, origin, role, language):
    """A browser page as ``role`` reading ``language`` (the account's choice, or the footer's cookie)."""
    page = new_page()
    if role == "anonymous":
        page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": origin}])
    else:
        User.objects.filter(username=role).update(language=language)
        log_in(page, role, DEMO_PASSWORD)
    return page


def audit_crawl(new_page, live_server, tmp_path, language, per_kind):
    """Crawl as every role in ``language``: ``(axe violations, saved pages, {title: kinds of page})``."""
    violations, saved, titles = [], [], {}
    for role in ROLES:
        page = reader(new_page, live_server.url, role, language)
        visited = 0
        for url, html in crawl(page, live_server.url, "/", PAGES_PER_ROLE, per_kind=per_kind):
            visited += 1
            page.wait_for_function(LOADED)
            assert page.locator("html").get_attribute("lang") == language, url
            violations += axe_violations(page)
            path = tmp_path / saved_name(f"{language}-{role}", url, live_server.url)
            path.write_text(html)
            saved.append(path)
            kind = page_pattern(url.removeprefix(live_server.url).split("?")[0])
            titles.setdefault(page.title(), set()).add(kind)
        assert visited > (1 if role == "anonymous" else 8), f"{role} reached only {visited} pages in {language}"
        page.context.close()
    return violations, saved, titles


def pdfs_in_the_states_no_link_reaches():
    """Three PDFs the secretariat sees: the contact list failed, a report being made, a seizure
    table waiting for a renderer that cannot be reached. ``{state: (key, obj_id, page)}``, where
    ``page`` is the page that shows the box."""
    now = timezone.now()
    report = documents.get("report").model.objects.order_by("pk").first()
    country = documents.get("seizure-table").model.objects.order_by("pk").first()
    made = {
        "failed": ("contact-list", 0, reverse("render_list")),
        "running": ("report", report.pk, report.get_absolute_url()),
        "queued": ("seizure-table", country.pk, reverse("seizures:table", args=[country.slug])),
    }
    for state, (key, obj_id, _page) in made.items():
        document = documents.get(key)
        obj = document.get_object(obj_id)
        RenderJob.objects.create(
            document=key,
            object_id=obj_id,
            title=document.title(obj),
            filename=document.filename(obj),
            state=state,
            input_hash="0" * 64,
            error="WeasyPrint could not load the image “logo.png” (cannot identify image file)"
            if state == "failed"
            else "",
            started_at=now if state != "queued" else None,
            finished_at=now if state == "failed" else None,
            owner="renderer@ci" if state == "running" else "",
            lease_expires_at=now + timedelta(hours=1) if state == "running" else None,
            next_attempt_at=now - timedelta(minutes=1) if state == "queued" else None,
            attempts=1,
        )
    return made


def audit_pdf_states(new_page, live_server, tmp_path, language, made):
    """The boxes of ``made`` as the secretariat sees them in ``language``: on the page each belongs
    to, and its status URL opened as a page of its own. Returns ``(violations, saved pages)``."""
    violations, saved = [], []
    page = reader(new_page, live_server.url, "secretariat", language)
    for state, (key, obj_id, shown_on) in made.items():
        for url in (shown_on, reverse("render_status", args=[key, obj_id])):
            response = page.goto(url)
            expect(page.locator(f"#render-{key}-{obj_id}")).to_have_attribute("data-state", state, timeout=30_000)
            expect(page.locator("html")).to_have_attribute("lang", language)
            violations += axe_violations(page)
            path = tmp_path / saved_name(f"{language}-pdf-{state}", url, live_server.url)
            path.write_text(response.text())
            saved.append(path)
    page.context.close()
    return violations, saved


def audit(new_page, live_server, tmp_path, language, per_kind):
    """The crawl and the PDF box's states in ``language``; the report lines, empty when all is well."""
    made = pdfs_in_the_states_no_link_reaches()
    violations, saved, titles = audit_crawl(new_page, live_server, tmp_path, language, per_kind)
    in_states, state_pages = audit_pdf_states(new_page, live_server, tmp_path, language, made)
    violations += in_states
    shared = [f"{title!r}: {sorted(kinds)}" for title, kinds in titles.items() if len(kinds) > 1]
    errors = html_errors(saved + state_pages)
    if not (violations or shared or errors):
        return []
    report = [f"axe: {len(violations)} WCAG 2.1 A/AA violations", *violations]
    report += [f"{len(shared)} titles shared by pages of different kinds", *shared]
    return report + [f"Nu HTML Checker: {len(errors)} errors in {len(saved) + len(state_pages)} pages", *errors]


def test_every_page_of_every_role_passes_axe_and_the_html_checker(demo, new_page, live_server, tmp_path):
    report = audit(new_page, live_server, tmp_path, "en", per_kind=KINDS_TWICE)
    assert not report, "\n".join(report)


def test_every_kind_of_page_in_lao_passes_axe_and_the_html_checker(demo, new_page, live_server, tmp_path):
    report = audit(new_page, live_server, tmp_path, "lo", per_kind=1)
    assert not report, "\n".join(report)
