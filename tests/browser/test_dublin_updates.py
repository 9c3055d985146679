"""A programme update from request to print: asked, written with a bullet list, submitted, on the board, in the PDF."""

import datetime

import pytest
from django.utils import timezone
from pypdf import PdfReader

from dublin.models import PartnerUpdate
from dublin.tests.factories import CountryReportFactory, SectionFactory
from idswg.roles import PARTNER, SECRETARIAT
from idswg.tests.factories import OrganisationFactory

from .conftest import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def report(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    report = CountryReportFactory(year=2026, heading="LAO PEOPLE'S DEMOCRATIC REPUBLIC")
    SectionFactory(
        report=report,
        number="1.",
        title="General Situation",
        body="<p>The Lao PDR is located at the heart of the Mekong sub-region.</p>",
    )
    SectionFactory(
        report=report,
        number="3.",
        title="Update on counter-narcotics programs supported by development partners",
        kind="updates",
        body="",
    )
    return report


def test_the_secretariat_asks_the_partner_writes_and_submits_and_the_pdf_holds_it(
    new_page, user_with_role, report, tmp_path
):
    japan = OrganisationFactory(name="Embassy of Japan", short_name="Japan")
    OrganisationFactory(name="Embassy of Australia", short_name="Australia")
    user_with_role(SECRETARIAT, username="officer", first_name="Secretariat", last_name="Officer")
    user_with_role(PARTNER, username="japan", first_name="Japan", last_name="Officer", organisation=japan)

    # The secretariat asks Japan for its update, due in two weeks.
    secretariat = new_page()
    log_in(secretariat, "officer")
    secretariat.goto(f"/mini-dublin/{report.pk}/board/")
    secretariat.get_by_role("link", name="Ask partners for updates").click()
    secretariat.get_by_label("Embassy of Japan").check()
    deadline = timezone.localdate() + datetime.timedelta(days=14)
    secretariat.get_by_label("Deadline").fill(deadline.isoformat())
    secretariat.get_by_role("button", name="Save").click()
    secretariat.wait_for_url(f"**/mini-dublin/{report.pk}/board/")
    row = secretariat.locator("[data-testid=board-row][data-organisation=Japan]")
    assert row.get_by_test_id("board-state").inner_text() == "Asked"

    # The partner signs in, finds its update on the home page and writes it with a bullet list.
    partner = new_page()
    log_in(partner, "japan")
    partner.get_by_test_id("dublin-panel").get_by_role("link").first.click()
    editor = partner.locator("trix-editor")
    editor.click()
    partner.keyboard.type("Japan continues to provide annual training courses.")
    partner.keyboard.press("Enter")
    toolbar = editor.evaluate("element => element.toolbarElement.id")
    partner.locator(f"#{toolbar} button[data-trix-attribute='bullet']").click()
    partner.keyboard.type("Drug crime control course in Tokyo")
    partner.keyboard.press("Enter")
    partner.keyboard.type("Global SMART programme")
    partner.get_by_test_id("submit-update").click()
    partner.get_by_text("Update submitted.").wait_for()
    assert "Submitted" in partner.get_by_test_id("update-state").inner_text()
    update = PartnerUpdate.objects.get(report=report, organisation=japan)
    assert update.state == PartnerUpdate.State.SUBMITTED
    assert "<li>Drug crime control course in Tokyo</li><li>Global SMART programme</li>" in update.body
    assert update.updated_by.username == "japan"

    # The board shows it submitted, with the date.
    secretariat.reload()
    row = secretariat.locator("[data-testid=board-row][data-organisation=Japan]")
    assert row.get_by_test_id("board-state").inner_text() == "Submitted"
    assert timezone.localdate().isoformat() in row.inner_text()
    secretariat.screenshot(path=str(tmp_path / "board.png"), full_page=True)

    # The report's PDF holds the submitted update, bullets and all.
    secretariat.goto(report.get_absolute_url())
    secretariat.get_by_role("button", name="Make the PDF").click()
    download_link = secretariat.get_by_test_id("render-download")
    download_link.wait_for(timeout=60_000)
    with secretariat.expect_download() as download:
        download_link.click()
    saved = tmp_path / "country-report.pdf"
    download.value.save_as(saved)
    text = " ".join(" ".join(page.extract_text().replace("\x00", "").split()) for page in PdfReader(saved).pages)
    assert "Japan continues to provide annual training courses." in text
    assert "Drug crime control course in Tokyo" in text and "Global SMART programme" in text
