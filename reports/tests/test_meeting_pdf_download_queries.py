"""Downloading a meeting's finished PDF checks access on the meeting's bare row: the count of
queries is the same for a bare meeting and for one with a full agenda, co-chairs and organisers
(what printing it prefetches), for each role that may download it."""

import pytest
from django.conf import settings
from django.urls import reverse

from idswg.tests.factories import FinishedRenderFactory, OrganisationFactory
from meetings.models import Meeting
from meetings.tests.factories import (
    AgendaItemFactory,
    CoChairFactory,
    InvitationFactory,
    MeetingFactory,
    MeetingOrganiserFactory,
)
from reports import briefing
from reports.models import Report
from reports.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db

SESSION = 0 if settings.SESSION_ENGINE.endswith("cached_db") else 1


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def full_meeting(size, organisation):
    meeting = MeetingFactory(state=Meeting.State.INVITED)
    AgendaItemFactory.create_batch(size, meeting=meeting)
    CoChairFactory.create_batch(size, meeting=meeting)
    MeetingOrganiserFactory.create_batch(size, meeting=meeting)
    InvitationFactory(meeting=meeting, organisation=organisation)
    briefing.configure(meeting, report=ReportFactory(state=Report.State.FINAL))
    for key in ("meeting-invitation", briefing.KEY):
        FinishedRenderFactory(document=key, object_id=meeting.pk, filename=f"{key}.pdf")
    return meeting


def download(client, key, meeting):
    response = client.get(reverse("render_download", kwargs={"key": key, "obj_id": meeting.pk}))
    if response.status_code == 200:
        assert b"".join(response.streaming_content).startswith(b"%PDF")  # read to the end: the file is closed
    return response.status_code


@pytest.mark.parametrize(
    ("role", "key", "queries"),
    [
        # the user with their roles (one query, idswg.auth_backend), the meeting's row, the render served
        ("secretariat", briefing.KEY, 3),
        # + the meeting visible to the user, one EXISTS (for a partner: through its organisation's invitation)
        ("secretariat", "meeting-invitation", 4),
        ("partner", "meeting-invitation", 4),
        # + the meeting visible; its briefing's choice and report come with its row (the co-chair reads no draft)
        ("cochair", briefing.KEY, 4),
    ],
)
def test_a_meeting_pdf_download_costs_the_same_for_a_bare_and_a_full_meeting(
    role, key, queries, request, client_for, django_assert_num_queries
):
    user = request.getfixturevalue(role)
    organisation = user.organisation or OrganisationFactory()
    client = client_for(user)
    for size in (1, 12):
        meeting = full_meeting(size, organisation)
        with django_assert_num_queries(SESSION + queries):
            assert download(client, key, meeting) == 200
