"""The contact list prints as a tagged A4 landscape PDF, with Lao names in a Lao font."""

import pytest

from idswg import documents, pdf, pdf_engine
from idswg.tests.factories import OrganisationFactory, PersonFactory
from idswg.tests.pdf_checks import all_fonts, fonts_by_page, is_tagged, pdf_reader, pdf_text

pytestmark = pytest.mark.django_db

LAO_NAME = "ຄະນະກຳມະການແຫ່ງຊາດ ເພື່ອຄວບຄຸມຢາເສບຕິດ"


def render_contact_list():
    document = documents.get("contact-list")
    return pdf.render(document.html(document.get_object(0)))


def test_the_contact_list_lists_each_organisation_and_person_with_title_and_author():
    japan = OrganisationFactory(name="Embassy of Japan", short_name="Japan")
    PersonFactory(honorific="H.E. Mr.", name="Tsutomu KOIZUMI", position="Ambassador", organisation=japan)
    content, pages = render_contact_list()
    text = pdf_text(content)
    assert "IDSWG contact list" in text
    assert "Embassy of Japan" in text and "H.E. Mr. Tsutomu KOIZUMI" in text
    assert "Page 1 of 1" in text
    assert pages == 1 == len(pdf_reader(content).pages)
    metadata = pdf_reader(content).metadata
    assert metadata.title == "IDSWG contact list"
    assert "IDSWG Secretariat" in metadata.author
    assert is_tagged(content)


def test_the_contact_list_prints_phones_and_a_short_name_only_where_it_adds_to_the_name():
    japan = OrganisationFactory(name="Embassy of Japan", short_name="Japan", kind="embassy")
    afp = OrganisationFactory(name="Australian Federal Police", short_name="AFP", kind="donor")
    PersonFactory(name="Tsutomu KOIZUMI", organisation=japan, phone="+856 21 414 400")
    PersonFactory(name="Jane Officer", organisation=afp, phone="+856 20 5551 2345")
    content, _pages = render_contact_list()
    text = " ".join(pdf_text(content).split())
    assert "+856 21 414 400" in text and "+856 20 5551 2345" in text
    assert "Australian Federal Police (AFP)" in text
    assert "Embassy of Japan" in text and "(Japan)" not in text


def test_the_contact_list_is_a4_landscape():
    content, _pages = render_contact_list()
    box = pdf_reader(content).pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 297
    assert round(float(box.height) / 72 * 25.4) == 210


def test_lao_text_is_printed_in_an_embedded_lao_font_and_reads_back_right():
    lao = OrganisationFactory(name=LAO_NAME, short_name="LCDC-LO", kind="government")
    PersonFactory(name="ທ່ານ ສົມພອນ", organisation=lao)
    content, _pages = render_contact_list()
    assert "Noto-Sans-Lao" in all_fonts(content)
    assert "ຄະນະກຳມະການແຫ່ງຊາດ" in pdf_text(content)


def test_a_latin_only_document_embeds_no_lao_font():
    OrganisationFactory(name="Embassy of Canada")
    content, _pages = render_contact_list()
    assert not any("Lao" in font for font in all_fonts(content))
    assert "Noto-Sans" in all_fonts(content)


def test_a_long_list_repeats_the_table_header_and_counts_pages():
    organisation = OrganisationFactory(name="Ministry of Public Security")
    PersonFactory.create_batch(60, organisation=organisation, position="Officer of the anti-drug police")
    content, pages = render_contact_list()
    assert pages >= 2
    text = pdf_text(content)
    assert text.count("Position") == pages  # the header row on every page
    assert f"Page {pages} of {pages}" in text
    assert all(fonts for fonts in fonts_by_page(content))


def test_a_render_never_reaches_outside_the_static_files():
    fetcher = pdf_engine.StaticFileFetcher()
    with pytest.raises(ValueError):
        fetcher.fetch("https://example.org/logo.png")
    with pytest.raises(ValueError):
        fetcher.fetch("file:///etc/passwd")
    assert fetcher.fetch(pdf.BASE_URL + "static/pdf/print.css").read().startswith(b"/*")


def test_css_strings_are_escaped_for_the_style_element():
    assert pdf.css_string('A "quoted" </style> title') == '"A \\"quoted\\" \\3C /style> title"'
    assert pdf.page_x_of_y() == '"Page " counter(page) " of " counter(pages) ""'
