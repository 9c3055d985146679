"""A meeting's title, venue, participants, purpose and agenda exist in Lao and English.

The page shows the reader's language and falls back to the other where that is empty;
the secretariat's forms save both; an agenda copied keeps both; and a meeting page costs
as many queries in Lao as in English.
"""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from idswg.tests.factories import OrganisationFactory
from meetings import agenda, participants
from meetings.models import AgendaItem, Meeting

from .factories import AgendaItemFactory, InvitationFactory, MeetingFactory
from .test_agenda_editor import HTMX, item_data
from .test_meeting_pages import form

pytestmark = pytest.mark.django_db

TITLE_LO = "ກອງປະຊຸມຂັ້ນສູງ ຂອງກຸ່ມວຽກງານຂະແໜງຢາເສບຕິດ ປີ 2027"
VENUE_LO = "ໂຮງແຮມ ດັບເບິນທຣີ ບາຍ ຮິລຕັນ ວຽງຈັນ"


def page(client, meeting, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(meeting.get_absolute_url()).content.decode()


def test_the_meeting_page_shows_the_lao_title_and_venue_with_lao_chosen_and_the_english_ones_otherwise(
    client_for, secretariat
):
    meeting = MeetingFactory(title="High-Level Meeting 2027", title_lo=TITLE_LO, venue_lo=VENUE_LO)
    client = client_for(secretariat)
    english = page(client, meeting, "en")
    assert "High-Level Meeting 2027" in english and "Double Tree by Hilton Vientiane" in english
    assert TITLE_LO not in english and VENUE_LO not in english
    lao = page(client, meeting, "lo")
    assert TITLE_LO in lao and VENUE_LO in lao
    assert "Double Tree by Hilton Vientiane" not in lao
    # No Lao purpose: the Lao page shows the English one.
    assert "To review the progress of the National Drug Control Master Plan." in lao


def test_lao_sub_points_on_the_english_page_fall_back_and_carry_lang_lo(client_for, secretariat):
    item = AgendaItemFactory(title="Opening remarks", points="", points_lo="ກະຊວງປ້ອງກັນຄວາມສະຫງົບ")
    english = page(client_for(secretariat), item.meeting, "en")
    assert '<li><span lang="lo">ກະຊວງປ້ອງກັນຄວາມສະຫງົບ</span></li>' in english


def test_the_meeting_form_saves_title_venue_and_purpose_in_both_languages(client_for, secretariat):
    data = form(title_lo=TITLE_LO, venue_lo=VENUE_LO, purpose_en="Why we meet.", purpose_lo="ເປົ້າໝາຍ")
    response = client_for(secretariat).post(reverse("meetings:create"), data)
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert (meeting.title_en, meeting.title_lo) == ("High-Level Meeting 2027", TITLE_LO)
    assert (meeting.venue_en, meeting.venue_lo) == ("Double Tree by Hilton Vientiane", VENUE_LO)
    assert (meeting.purpose_en, meeting.purpose_lo) == ("Why we meet.", "ເປົ້າໝາຍ")


def test_a_meeting_without_an_english_title_is_refused_next_to_the_field(client_for, secretariat):
    response = client_for(secretariat).post(reverse("meetings:create"), form(title_en="", title_lo=TITLE_LO))
    assert response.status_code == 200
    assert response.context["form"].errors["title_en"]
    assert not Meeting.objects.exists()


def test_the_agenda_form_saves_title_and_sub_points_in_both_languages(client_for, secretariat):
    meeting = MeetingFactory()
    data = item_data(title_lo="ຖ່າຍຮູບລວມ", points_en="MPS\nJapan", points_lo="ປກສ\nຍີ່ປຸ່ນ")
    client_for(secretariat).post(reverse("meetings:agenda_item_new", args=[meeting.pk]), data, **HTMX)
    item = AgendaItem.objects.get()
    assert (item.title_en, item.title_lo) == ("Opening", "ຖ່າຍຮູບລວມ")
    assert (item.points_en, item.points_lo) == ("MPS\nJapan", "ປກສ\nຍີ່ປຸ່ນ")


def test_an_agenda_copied_to_another_meeting_keeps_both_languages():
    source = AgendaItemFactory(title="Lunch", title_lo="ອາຫານທ່ຽງ", points="Hotel", points_lo="ໂຮງແຮມ").meeting
    [copy] = agenda.copy_agenda(source, MeetingFactory())
    assert (copy.title_en, copy.title_lo, copy.points_lo) == ("Lunch", "ອາຫານທ່ຽງ", "ໂຮງແຮມ")


def test_the_demo_fills_the_lao_titles_and_the_high_level_meeting_agenda_in_lao(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    hlm = Meeting.objects.get(kind=Meeting.Kind.HIGH_LEVEL, starts_at__year=2024)
    assert hlm.title_lo.startswith("ກອງປະຊຸມຂັ້ນສູງ")
    assert hlm.venue_lo == VENUE_LO
    items = list(hlm.agenda_items.all())
    assert all(item.title_lo for item in items)
    assert items[0].title_lo == "ມາເຖິງ ແລະ ລົງທະບຽນ"
    assert items[3].points_lo.splitlines()[-1] == "ຖາມ-ຕອບ"
    # The next cycle's High-Level Meeting copies the agenda, Lao included.
    upcoming = Meeting.objects.filter(kind=Meeting.Kind.HIGH_LEVEL).exclude(pk=hlm.pk).get()
    assert [i.title_lo for i in upcoming.agenda_items.all()] == [i.title_lo for i in items]
    cochair = hlm.cochairs.first().person
    assert cochair.name_lo == "ຄຳກິ່ງ ພຸຍລາມະນີວົງ"


@pytest.mark.parametrize("url", ["meetings:detail", "meetings:agenda"])
def test_a_meeting_page_reads_as_many_queries_in_lao_as_in_english(client_for, secretariat, url):
    meeting = MeetingFactory(title_lo=TITLE_LO)
    AgendaItemFactory.create_batch(5, meeting=meeting, title_lo="ພາກປະຊຸມ", points_lo="ກ\nຂ")
    client = client_for(secretariat)
    counts = []
    for language in ("en", "lo"):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        client.get(reverse(url, args=[meeting.pk]))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(url, args=[meeting.pk])).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_invitations_search_finds_an_organisation_by_its_lao_or_english_name():
    japan = OrganisationFactory(name="Embassy of Japan", name_lo="ສະຖານທູດຍີ່ປຸ່ນ")
    invitation = InvitationFactory(organisation=japan)
    for query in ("embassy of japan", "ຍີ່ປຸ່ນ"):
        assert list(participants.invitations(invitation.meeting, query)) == [invitation]
