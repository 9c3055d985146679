"""The demo's coming High-Level Meeting carries the drafts it reviews, for everyone invited, once."""

import io

import pytest
from django.core.management import call_command

from meetings.demo import open_high_level_meeting

pytestmark = pytest.mark.django_db


def test_the_next_high_level_meeting_of_the_demo_has_the_report_and_country_report_drafts(settings, tmp_path, client):
    settings.DEBUG, settings.MEDIA_ROOT = True, tmp_path
    call_command("load_demo", stdout=io.StringIO())
    meeting = open_high_level_meeting()
    materials = list(meeting.materials.order_by("pk"))
    assert [m.document_key for m in materials] == ["report", "country-report"]
    assert {m.audience for m in materials} == {"invitees"}
    invitation = meeting.invitations.order_by("pk").first()
    page = client.get(invitation.get_absolute_url()).content.decode()
    assert all(m.title in page for m in materials)
    call_command("load_demo", stdout=io.StringIO())
    assert meeting.materials.count() == 2
