"""The secretariat chooses the briefing's parts; the co-chair downloads the PDF from the home page."""

import io

import pytest
from django.core.management import call_command

from tests.browser.conftest import log_in

DEMO_PASSWORD = "demo-idswg-2024"  # noqa: S105 (the documented demo password)
FILENAME = "briefing-high-level-meeting-2024-11-08.pdf"


@pytest.fixture
def demo(transactional_db, settings, tmp_path):
    settings.DEBUG = True  # the demo logins are only created in DEBUG
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=io.StringIO())
    settings.DEBUG = False


def test_the_secretariat_binds_the_briefing_and_the_cochair_downloads_it(demo, new_page, tmp_path):
    from meetings.models import Meeting

    meeting = Meeting.objects.get(kind="high_level", starts_at__year=2024)

    page = new_page()
    log_in(page, "secretariat", DEMO_PASSWORD)
    page.goto(f"/meetings/{meeting.pk}/")
    page.get_by_test_id("meeting-briefing-link").click()
    page.get_by_label("Report", exact=True).select_option(label="Illicit Drug Sector Working Group Report 2024")
    page.get_by_label("Lao PDR").check()
    page.get_by_role("button", name="Save and make the PDF").click()
    page.wait_for_url(f"**/meetings/{meeting.pk}/")
    box = page.get_by_test_id("meeting-briefing-box")
    box.get_by_test_id("render-download").wait_for()  # the box loads itself once the page is shown
    page.screenshot(path=str(tmp_path / "meeting-page.png"), full_page=True)
    with page.expect_download() as download:
        box.get_by_test_id("render-download").click()
    assert download.value.suggested_filename == FILENAME
    saved = tmp_path / "from-meeting-page.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")

    cochair = new_page()
    log_in(cochair, "cochair", DEMO_PASSWORD)
    panel = cochair.get_by_test_id("home-documents")
    assert "Briefing for the High-Level Meeting" in panel.inner_text()
    panel.get_by_test_id("render-download").first.wait_for()
    cochair.screenshot(path=str(tmp_path / "cochair-home.png"), full_page=True)
    with cochair.expect_download() as download:
        panel.get_by_test_id("render-download").first.click()
    assert download.value.suggested_filename == FILENAME

    partner = new_page()
    log_in(partner, "partner", DEMO_PASSWORD)
    assert "Briefing for the High-Level Meeting" not in partner.content()
    partner.goto(f"/meetings/{meeting.pk}/")
    assert partner.get_by_test_id("meeting-briefing-box").count() == 0
    partner.get_by_test_id("meeting-invitation-box").wait_for()
