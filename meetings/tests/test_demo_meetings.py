"""The demo loads the 2024 meetings as in the seed invitation, and the next cycle dated from today, once."""

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from idswg.models import SentMessage, User
from meetings.models import AgendaItem, Invitation, Meeting

pytestmark = pytest.mark.django_db


def load(settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_the_high_level_meeting_is_the_seed_invitation(settings):
    settings.SITE_URL = "https://idswg.example.org"
    output = load(settings)
    hlm = Meeting.objects.get(kind=Meeting.Kind.HIGH_LEVEL, starts_at__year=2024)
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
    technical = Meeting.objects.get(kind=Meeting.Kind.TECHNICAL, starts_at__year=2024)
    assert technical.local_start.date() == date(2024, 10, 25)
    japan = hlm.invitations.get(organisation__short_name="Japan")
    assert f"https://idswg.example.org/meetings/{hlm.pk}/rsvp/{japan.token}/" in output


def counts():
    return [
        Meeting.objects.count(),
        Invitation.objects.count(),
        AgendaItem.objects.count(),
        SentMessage.objects.count(),
    ]


def test_loading_twice_changes_nothing(settings):
    load(settings)
    before = counts()
    output = load(settings)
    assert counts() == before
    assert "exists   next cycle" in output


def test_a_demo_partner_sees_the_rsvp_of_2024_closed(settings, client):
    load(settings)
    hlm = Meeting.objects.get(kind=Meeting.Kind.HIGH_LEVEL, starts_at__year=2024)
    page = client.get(hlm.invitations.get(organisation__short_name="Japan").get_absolute_url()).content.decode()
    assert "The RSVP is closed" in page


def upcoming(kind):
    return Meeting.objects.filter(kind=kind, starts_at__gt=timezone.now()).get()


def test_the_next_cycle_is_dated_from_today_with_the_high_level_meeting_weeks_ahead(settings):
    load(settings)
    today = timezone.localdate()
    technical, hlm = upcoming(Meeting.Kind.TECHNICAL), upcoming(Meeting.Kind.HIGH_LEVEL)
    assert technical.local_start.date() == today + timedelta(days=7)
    assert hlm.local_start.date() == today + timedelta(days=21)
    assert hlm.rsvp_open() and technical.rsvp_open()
    assert str(hlm.local_start.year) in hlm.title


def test_the_next_high_level_meeting_has_the_agenda_copied_from_2024(settings):
    load(settings)
    last = Meeting.objects.get(kind=Meeting.Kind.HIGH_LEVEL, starts_at__year=2024)
    hlm = upcoming(Meeting.Kind.HIGH_LEVEL)
    assert [(i.start, i.title, i.points) for i in hlm.agenda_items.all()] == [
        (i.start, i.title, i.points) for i in last.agenda_items.all()
    ]
    assert [c.person_id for c in hlm.cochairs.all()] == [c.person_id for c in last.cochairs.all()]


def test_the_next_cycle_invitations_were_sent_to_the_demo_partners(settings):
    load(settings)
    hlm = upcoming(Meeting.Kind.HIGH_LEVEL)
    organisations = set(hlm.invitations.values_list("organisation__short_name", flat=True))
    assert organisations == {"Japan", "Australia", "US", "EU", "Luxembourg"}
    assert not hlm.invitations.filter(sent_at__isnull=True).exists()
    for invitation in hlm.invitations.all():
        assert SentMessage.objects.filter(to=invitation.email, topic="meetings.invitation").exists()


def test_the_printed_rsvp_link_names_the_site_url_and_opens_an_open_form(settings, client):
    settings.SITE_URL = "http://127.0.0.1:8123"
    output = load(settings)
    hlm = upcoming(Meeting.Kind.HIGH_LEVEL)
    japan = hlm.invitations.filter(organisation__short_name="Japan").order_by("pk").first()
    line = [line for line in output.splitlines() if "RSVP link (open until" in line]
    assert line == [
        f"  RSVP link (open until {hlm.local_deadline:%d %B %Y}) for {japan.name} (Embassy of Japan): "
        f"http://127.0.0.1:8123/meetings/{hlm.pk}/rsvp/{japan.token}/"
    ]
    assert output.rstrip().splitlines()[-2] == line[0]  # last but the logins: not buried under e-mails
    page = client.get(japan.get_absolute_url()).content.decode()
    assert "The RSVP is closed" not in page
    assert 'name="state"' in page


def test_the_demo_partner_home_shows_the_upcoming_meetings(settings, client):
    load(settings)
    client.force_login(User.objects.get(username="partner"))
    page = client.get("/").content.decode()
    for meeting in (upcoming(Meeting.Kind.TECHNICAL), upcoming(Meeting.Kind.HIGH_LEVEL)):
        assert meeting.title in page
    assert "No upcoming meetings" not in page


def test_a_demo_loaded_when_the_cycle_has_closed_starts_a_new_one(settings):
    load(settings)
    hlm = upcoming(Meeting.Kind.HIGH_LEVEL)
    Meeting.objects.filter(pk=hlm.pk).update(rsvp_deadline=timezone.now() - timedelta(minutes=1))
    load(settings)
    assert Meeting.objects.filter(kind=Meeting.Kind.HIGH_LEVEL, starts_at__gt=timezone.now()).count() == 2
