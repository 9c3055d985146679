"""The demo holds the seed's four 2017 reports in full; the PDFs and Word files print them."""

import io

import pytest
from docx import Document as WordDocument
from pypdf import PdfReader

from dublin import documents
from dublin.docx_export import country_report_docx, regional_report_docx
from dublin.models import CountryReport, PartnerUpdate, RegionalReport
from idswg import renders

SEED_PHRASES = {
    "Lao PDR": ["Laos' Bokeo province forms part of the 'Golden Triangle'", "Recommendation 8"],
    "Myanmar": [
        "Myanmar is considered to be the second largest producer of opium in the world",
        "UNODC (2015) South-East Asia Opium Survey 2015: Lao PDR, Myanmar.",
    ],
    "Cambodia": ["Past recommendations are being steadily implemented", "the Mandela Rules"],
    "Viet Nam": [
        "19,333 drug trafficking cases",
        "To the Government of Viet Nam:",
        "Figure 2: Drug seizures from 2012 to 2017",
        "Figure 3: Drug seizures by types from 2012 to 2016",
        "Figure 5: Drug users by drug type in the first 6 months of 2012, 2013 & 2014",
    ],
}
#: The seed's figure captions: Figure 2 captions the seizure table, 3 and 5 charts the seed does not hold.
FIGURE_CAPTIONS = SEED_PHRASES["Viet Nam"][2:]


def pdf_pages(job):
    """The words of each page (pypdf reads some embedded fonts' text as UTF-16: drop its NULs)."""
    return [
        " ".join(page.extract_text().replace("\x00", "").split()) for page in PdfReader(job.output.open("rb")).pages
    ]


def test_the_four_2017_reports_are_final_with_every_partner_part_attributed(demo):
    reports = CountryReport.objects.filter(year=2017)
    assert {r.country.name for r in reports} == {"Lao PDR", "Myanmar", "Cambodia", "Viet Nam"}
    assert all(r.state == CountryReport.State.FINAL for r in reports)
    lao = reports.get(country__name="Lao PDR")
    assert [u.organisation.short_name for u in lao.updates.order_by("position")] == [
        "UNODC",
        "US",
        "Japan",
        "Luxembourg",
        "Australia",
        "EU",
    ]
    assert lao.recommendations.count() == 8
    assert reports.get(country__name="Cambodia").updates.count() == 8
    assert reports.get(country__name="Viet Nam").recommendations.count() == 4
    assert not PartnerUpdate.objects.filter(report__year=2017).exclude(state="accepted").exists()
    myanmar = reports.get(country__name="Myanmar")
    assert myanmar.sections.filter(number="3.3").count() == 2  # as the seed numbers them
    assert "⁶ The Actions 164014" in myanmar.updates.get(organisation__short_name="EU").footnotes


def test_the_seeds_figure_captions_are_kept_in_viet_nams_report(demo):
    report = CountryReport.objects.get(country__name="Viet Nam", year=2017)
    table_captions = [t.caption for section in report.sections.all() for t in section.tables.all()]
    texts = " ".join(section.body for section in report.sections.all()).replace("&amp;", "&")
    assert table_captions == [FIGURE_CAPTIONS[0]]
    for caption in FIGURE_CAPTIONS[1:]:
        assert f"<p><strong>{caption}</strong></p>" in texts, caption


def test_myanmar_whose_report_gives_its_figures_in_the_text_shows_no_empty_seizure_table(demo, client):
    from idswg.models import User

    myanmar = CountryReport.objects.get(country__name="Myanmar", year=2017)
    assert not [t for section in myanmar.sections.all() for t in section.tables.all()]
    client.force_login(User.objects.get(username="partner"))
    page = client.get(myanmar.country.get_absolute_url()).content.decode()
    assert "No seizure figures are recorded for Myanmar" in page and "No year entered yet." not in page


def test_cambodias_report_embeds_its_trend_seizure_and_arrest_tables_2008_to_2016(demo):
    from dublin.outline import report_for_display

    display = report_for_display(CountryReport.objects.get(country__name="Cambodia", year=2017))
    tables = [t for item in display.walk() for t in item.tables]
    assert [t["kind"] for t in tables] == ["trends", "seizures", "arrests"]
    arrests = tables[2]["table"]
    assert [row["year"] for row in arrests["rows"]] == list(range(2008, 2017))  # 2008-2010 loaded by seizures' demo
    assert tables[0]["table"] is not None  # the reported trend table of seizures


def test_the_2026_lao_draft_is_copied_from_2017_and_asks_five_organisations(demo):
    draft = CountryReport.objects.get(country__name="Lao PDR", year=2026)
    assert draft.state == CountryReport.State.DRAFT
    assert {u.organisation.short_name for u in draft.updates.all()} == {"Japan", "Australia", "US", "EU", "UNODC"}
    assert draft.updates.get(organisation__short_name="Japan").heading == "Japan"  # as in 2017
    assert draft.follow_ups.count() == 8
    assert draft.sections.filter(title="Progress on implementation of previous recommendations").exists()


def test_the_demo_partner_finds_japans_update_to_write(demo, client):
    from idswg.models import User

    client.force_login(User.objects.get(username="partner"))
    page = client.get("/").content.decode()
    assert "Your updates to write" in page and "Lao PDR 2026" in page


@pytest.mark.parametrize("country", list(SEED_PHRASES))
def test_the_country_report_pdf_holds_the_seed_text(demo, country):
    report = CountryReport.objects.get(country__name=country, year=2017)
    job = renders.request_render(documents.COUNTRY_REPORT, report.pk)
    renders.run(job.pk)
    job.refresh_from_db()
    assert job.state == "done", job.error
    text = " ".join(pdf_pages(job))
    for phrase in SEED_PHRASES[country]:
        assert phrase in text


def test_the_regional_report_pdf_binds_the_four_reports_behind_its_cover(demo):
    regional = RegionalReport.objects.get(year=2017)
    job = renders.request_render(documents.REGIONAL_REPORT, regional.pk)
    renders.run(job.pk)
    job.refresh_from_db()
    assert job.state == "done", job.error
    pages = pdf_pages(job)
    assert "13600/17" in pages[0] and "Australian Regional Chair of the Dublin Group" in pages[0]
    assert "Regional Report on South Asia" in pages[0]
    headings = ["LAO PEOPLE'S DEMOCRATIC REPUBLIC", "MYANMAR", "CAMBODIA", "VIETNAM"]
    firsts = [next(i for i, p in enumerate(pages) if i > 0 and h in p) for h in headings]
    assert firsts == sorted(firsts)


def test_the_word_files_hold_the_reports(demo):
    report = CountryReport.objects.get(country__name="Lao PDR", year=2017)
    content, name = country_report_docx(report)
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(content)).paragraphs)
    assert name == "mini-dublin-lao-pdr-2017.docx"
    assert "Luxembourg is supporting an alternative development project" in text
    regional, _name = regional_report_docx(RegionalReport.objects.get(year=2017))
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(regional)).paragraphs)
    assert "13600/17" in text and "VIETNAM" in text and "To the Government of Viet Nam:" in text


def test_a_partner_may_download_a_final_country_report_but_not_a_draft(demo):
    from idswg.models import User

    partner = User.objects.get(username="partner")
    document = documents.CountryReportDocument()
    assert document.can_download(partner, CountryReport.objects.get(country__name="Lao PDR", year=2017))
    assert not document.can_download(partner, CountryReport.objects.get(country__name="Lao PDR", year=2026))
    assert not documents.RegionalReportDocument().can_download(partner, RegionalReport.objects.get(year=2017))
