"""The briefing's cover carries the meeting organisers' logos above its title, as the invitation does."""

import pytest

from idswg.tests.logo_images import give_logos, image_sizes, load_demo_with_media
from idswg.tests.pdf_checks import pdf_text, render_document
from meetings.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def hlm(settings, tmp_path):
    load_demo_with_media(settings, tmp_path)
    return Meeting.objects.get(kind="high_level", starts_at__year=2024)


def test_the_briefing_cover_shows_the_organisers_logos_and_the_briefing_keeps_its_pages(hlm):
    _html, _content, pages_without = render_document("meeting-briefing", hlm.pk)
    give_logos("Japan", "UNODC")
    html, content, pages = render_document("meeting-briefing", hlm.pk)
    assert pages == pages_without
    cover = image_sizes(content)[0]
    assert cover == [(480, 160), (480, 160)]
    assert html.index('alt="Embassy of Japan"') < html.index("Briefing for the co-chairs")
    first_page = pdf_text(content).split("\f")[0]
    assert "Briefing for the co-chairs" in first_page
