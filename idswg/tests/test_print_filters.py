"""The print filters write times and organisation names as the secretariat's originals do."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import translation

from idswg.templatetags.print_tags import clock_range, organisation_name, short_name_adds, time_range

VIENTIANE = zoneinfo.ZoneInfo("Asia/Vientiane")
NBSP = "\u00a0"


def test_a_meetings_hours_read_as_the_seed_invitation_in_english():
    start = datetime.datetime(2024, 11, 8, 8, 30, tzinfo=VIENTIANE)
    end = datetime.datetime(2024, 11, 8, 12, 30, tzinfo=VIENTIANE)
    with translation.override("en"):
        assert time_range(start, end) == f"08:30{NBSP}am – 12:30{NBSP}pm"


def test_hours_given_in_utc_are_printed_in_vientiane_time():
    start = datetime.datetime(2024, 11, 8, 1, 30, tzinfo=datetime.UTC)  # 08:30 in Vientiane
    end = datetime.datetime(2024, 11, 8, 11, 0, tzinfo=datetime.UTC)  # 18:00
    with translation.override("en"):
        assert time_range(start, end) == f"08:30{NBSP}am – 06:00{NBSP}pm"


def test_midnight_and_noon_are_twelve_on_the_twelve_hour_clock():
    with translation.override("en"):
        assert time_range(datetime.time(0, 15), datetime.time(12, 0)) == f"12:15{NBSP}am – 12:00{NBSP}pm"


def test_lao_reads_the_24_hour_clock():
    with translation.override("lo"):
        assert time_range(datetime.time(8, 30), datetime.time(14, 0)) == "08:30 – 14:00"


def test_an_agenda_slot_reads_as_the_seed_agenda_in_every_language():
    for language in ("en", "lo"):
        with translation.override(language):
            assert clock_range(datetime.time(8, 30), datetime.time(9, 0)) == "08:30 – 09:00"


def test_a_missing_end_prints_nothing_rather_than_half_a_range():
    assert time_range(datetime.time(8, 30), None) == ""
    assert clock_range(None, datetime.time(9, 0)) == ""


@pytest.mark.parametrize(
    ("name", "short", "adds"),
    [
        ("Embassy of Japan", "Japan", False),
        ("Embassy of Luxembourg", "luxembourg", False),
        ("Australian Federal Police", "AFP", True),
        ("United Nations Office on Drugs and Crime", "UNODC", True),
        ("Embassy of the United States of America", "US", True),
        ("Delegation of the European Union to the Lao PDR", "EU", True),
        ("Ministry of Health", "", False),
    ],
)
def test_a_short_name_is_printed_only_when_the_name_does_not_say_it(name, short, adds):
    assert short_name_adds(name, short) is adds


class Named:
    def __init__(self, name, short_name):
        self.name, self.short_name = name, short_name


def test_an_organisation_is_named_with_its_acronym_escaped_and_without_a_repeated_short_name():
    assert str(organisation_name(Named("Australian Federal Police", "AFP"))) == (
        'Australian Federal Police <span class="muted">(AFP)</span>'
    )
    assert organisation_name(Named("Embassy of Japan", "Japan")) == "Embassy of Japan"
    assert organisation_name(None) == ""
    rendered = Template("{% load print_tags %}{{ org|organisation_name }}").render(
        Context({"org": Named("<b>Bold</b> & Co", "B&C")})
    )
    assert rendered == '&lt;b&gt;Bold&lt;/b&gt; &amp; Co <span class="muted">(B&amp;C)</span>'
    rendered = Template("{% load print_tags %}{{ org|organisation_name }}").render(
        Context({"org": Named("Embassy of <Japan>", "Japan")})
    )
    assert rendered == "Embassy of &lt;Japan&gt;"


def test_in_lao_a_short_name_that_is_a_word_of_the_english_name_is_not_repeated_either():
    japan = Named("ສະຖານທູດຍີ່ປຸ່ນ", "Japan")
    japan.name_en = "Embassy of Japan"
    assert organisation_name(japan) == "ສະຖານທູດຍີ່ປຸ່ນ"
    lcdc = Named("ຄະນະກຳມະການແຫ່ງຊາດ ເພື່ອຄວບຄຸມຢາເສບຕິດ", "LCDC")
    lcdc.name_en = "Lao National Commission for Drug Control and Supervision"
    assert "(LCDC)" in str(organisation_name(lcdc))
