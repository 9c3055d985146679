"""The demo loads the 2024 meetings as in the seed invitation, once."""

import io
from datetime import date

import pytest
from django.core.management import call_command

from meetings.models import Meeting

pytestmark = pytest.mark.django_db


def load(settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_the_high_level_meeting_is_the_seed_invitation(settings):
    settings.SITE_URL = "https://idswg.example.org"
    output = load(settings)
    hlm = Meeting.objects.get(kind=Meeting.Kind.HIGH_LEVEL)
    assert hlm.local_start.date() == date(2024, 11, 8)
    assert (f"{hlm.local_start:%H:%M}", f"{hlm.local_end:%H:%M}") == ("08:30", "12:30")
    assert hlm.venue == "Double Tree by Hilton Vientiane"
    assert hlm.local_deadline.date() == date(2024, 11, 6)
    assert [link.organisation.short_name for link in hlm.organiser_links.all()] == ["LCDC", "Japan", "UNODC"]
    assert [c.person.name for c in hlm.cochairs.all()] == [
        "Khamking Phouilamanivong",
        "Tsutomu KOIZUMI",
        "Masood Karimipour",
    ]
    items = list(hlm.agenda_items.all())
    assert len(items) == 10
    assert (f"{items[0].start:%H:%M}", items[0].title) == ("08:30", "Arrival and registration")
    assert items[3].point_lines()[1] == "Future direction of the National Agenda on Drug Control in 2025"
    assert (f"{items[-1].start:%H:%M}", f"{items[-1].end:%H:%M}", items[-1].kind) == ("11:30", "12:30", "meal")
    assert "Double Tree by Hilton Vientiane" in hlm.purpose
    technical = Meeting.objects.get(kind=Meeting.Kind.TECHNICAL)
    assert technical.local_start.date() == date(2024, 10, 25)
    japan = hlm.invitations.get(organisation__short_name="Japan")
    assert f"https://idswg.example.org/meetings/{hlm.pk}/rsvp/{japan.token}/" in output


def test_loading_twice_changes_nothing(settings):
    load(settings)
    counts = [Meeting.objects.count(), Meeting.objects.get(kind="high_level").invitations.count()]
    load(settings)
    assert [Meeting.objects.count(), Meeting.objects.get(kind="high_level").invitations.count()] == counts


def test_a_demo_partner_sees_the_rsvp_closed(settings, client):
    load(settings)
    hlm = Meeting.objects.get(kind=Meeting.Kind.HIGH_LEVEL)
    page = client.get(hlm.invitations.get(organisation__short_name="Japan").get_absolute_url()).content.decode()
    assert "The RSVP is closed" in page
