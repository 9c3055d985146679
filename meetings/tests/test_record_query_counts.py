"""Materials, minutes and action points: each page costs the same number of queries at 3 and at 30 rows."""

from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from idswg.roles import PARTNER
from idswg.tests.factories import OrganisationFactory, UserFactory
from meetings import action_points, minutes
from meetings.models import Material

from .factories import AgendaItemFactory, AttendeeFactory, InvitationFactory, MeetingFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def meeting_with(size):
    """A past meeting with ``size`` sessions, materials, attendees checked in and action points, and a next one."""
    past = MeetingFactory(starts_at=in_days(-30), state="held")
    past.ends_at, past.rsvp_deadline = past.starts_at + timedelta(hours=4), past.starts_at - timedelta(days=2)
    past.save()
    invitation = InvitationFactory(meeting=past, state="accepted", answered_at=past.rsvp_deadline)
    partner = UserFactory(role=PARTNER, organisation=invitation.organisation)
    record = minutes.minutes_of(past)
    texts = {}
    for n in range(size):
        item = AgendaItemFactory(meeting=past)
        texts[item.pk] = (f"Discussion {n}", f"Decision {n}")
        Material.objects.create(
            meeting=past, agenda_item=item if n % 2 else None, title=f"M{n}", file=ContentFile(b"%PDF-", name="m.pdf")
        )
        AttendeeFactory(invitation__meeting=past, checked_in_at=past.starts_at)
        owner = invitation.organisation if n % 2 else OrganisationFactory()
        action_points.add(past, f"Action {n}", owner, date(2030, 1, 1))
    minutes.save_record(record, "Summary", texts)
    upcoming = MeetingFactory()
    InvitationFactory(meeting=upcoming, organisation=invitation.organisation)
    for n in range(size):
        Material.objects.create(meeting=upcoming, title=f"U{n}", file=ContentFile(b"%PDF-", name="u.pdf"))
    return past, upcoming, invitation, partner


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


PAGES = [
    # (who, url of the past meeting / upcoming meeting / the invitation, budget)
    ("secretariat", "/meetings/{past}/materials/", 14),
    ("secretariat", "/meetings/{past}/minutes/", 16),
    ("secretariat", "/meetings/{past}/action-points/", 10),
    ("partner", "/meetings/{past}/action-points/", 12),
    ("secretariat", "/meetings/{upcoming}/", 18),
    ("partner", "/meetings/{upcoming}/", 20),
    ("anonymous", "/meetings/{past}/rsvp/{token}/", 14),
]


@pytest.mark.parametrize(("who", "url", "budget"), PAGES)
def test_a_page_of_materials_minutes_or_action_points_costs_the_same_at_3_and_30(
    client_for, secretariat, who, url, budget
):
    counts = []
    for size in (3, 30):
        past, upcoming, invitation, partner = meeting_with(size)
        user = {"secretariat": secretariat, "partner": partner, "anonymous": None}[who]
        address = url.format(past=past.pk, upcoming=upcoming.pk, token=invitation.token)
        counts.append(queries(client_for(user), address))
    assert counts[0] == counts[1], f"{url} as {who}: {counts}"
    assert counts[1] <= budget, f"{url} as {who}: {counts[1]} queries"


def test_the_minutes_pdf_context_costs_the_same_at_3_and_30():
    from idswg import documents

    document = documents.get("meeting-minutes")
    counts = []
    for size in (3, 30):
        past, *_ = meeting_with(size)
        with CaptureQueriesContext(connection) as captured:
            document.html(document.get_object(past.pk))
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
