"""The invitation prints its organisers' logos as a letterhead at the top of each page, as the seed
invitation carries "From the People of Japan" and the UNODC emblem on both of its pages; the images
are embedded in the PDF (fetched from nowhere) and the invitation keeps its two pages."""

import shutil
import subprocess

import pytest

from idswg.models import Organisation
from idswg.tests.logo_images import give_logos, image_sizes, load_demo_with_media
from idswg.tests.pdf_checks import pdf_text, render_document
from meetings.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def hlm(settings, tmp_path):
    load_demo_with_media(settings, tmp_path)
    return Meeting.objects.get(kind="high_level", starts_at__year=2024)


def test_the_demo_invitation_prints_no_logo_since_the_seeds_carry_none(hlm):
    assert not Organisation.objects.exclude(logo="").exists()
    html, content, pages = render_document("meeting-invitation", hlm.pk)
    assert "organiser-logos" not in html
    assert image_sizes(content) == [[], []]
    assert pages == 2


def test_the_invitation_carries_the_organisers_logos_in_their_order_at_the_top_of_each_page(hlm):
    give_logos("Japan", "UNODC")  # LCDC, the first organiser, has none
    html, content, pages = render_document("meeting-invitation", hlm.pk)
    assert pages == 2  # in the page's header: the letter does not lose a line to them
    assert image_sizes(content) == [[(480, 160), (480, 160)], [(480, 160), (480, 160)]]
    japan, unodc = html.index('alt="Embassy of Japan"'), html.index('alt="United Nations Office on Drugs and Crime"')
    assert japan < unodc < html.index("<h1")
    assert "idswg.invalid" not in html.split("<body", 1)[1]  # embedded as data: URIs, nothing to fetch
    text = " ".join(pdf_text(content).split())
    assert "Dear all, On behalf of the Lao National Commission" in text
    assert "Meeting agenda" in text


@pytest.mark.skipif(not shutil.which("pdfimages"), reason="needs poppler's pdfimages")
def test_pdfimages_lists_the_two_logos_on_each_page_sharp_enough_to_print(hlm):
    give_logos("Japan", "UNODC")
    _html, content, _pages = render_document("meeting-invitation", hlm.pk)
    listing = subprocess.run(["pdfimages", "-list", "-"], input=content, capture_output=True, check=True)
    rows = [line.split() for line in listing.stdout.decode().splitlines()[2:]]
    assert [(row[0], row[3], row[4]) for row in rows] == [("1", "480", "160")] * 2 + [("2", "480", "160")] * 2
    assert len({row[10] for row in rows}) == 2  # each image embedded once, drawn on both pages
    assert all(int(row[12]) >= 250 for row in rows)  # pixels per inch as printed


def test_the_lao_and_the_personal_invitation_carry_the_logos_too(hlm):
    give_logos("UNODC")
    _html, content, pages = render_document("meeting-invitation-lo", hlm.pk)
    assert image_sizes(content)[0] == [(480, 160)]
    invitation = hlm.invitations.order_by("pk").first()
    _html, content, pages = render_document("meeting-invitation-personal", invitation.pk)
    assert image_sizes(content)[0] == [(480, 160)]
    assert pages == 2


def test_a_new_logo_changes_what_the_invitation_renders_from(hlm):
    from idswg import documents

    document = documents.get("meeting-invitation")
    before = document.html(document.get_object(hlm.pk))
    give_logos("Japan")
    assert document.html(document.get_object(hlm.pk)) != before
