"""A meeting's briefing lists the action points of earlier meetings still open, so the co-chairs follow them up."""

from datetime import date, timedelta

import pytest

from idswg import documents
from idswg.tests.factories import OrganisationFactory
from meetings import action_points
from meetings.tests.factories import MeetingFactory, in_days

pytestmark = pytest.mark.django_db


def test_the_briefing_prints_the_open_action_points_of_earlier_meetings(secretariat):
    last = MeetingFactory(starts_at=in_days(-200), state="held")
    last.ends_at, last.rsvp_deadline = last.starts_at + timedelta(hours=4), last.starts_at - timedelta(days=2)
    last.save()
    owner = OrganisationFactory(name="Embassy of Australia")
    action_points.add(last, "Fund the treatment centre in Vientiane", owner, date(2030, 1, 1))
    done = action_points.add(last, "Send the 2024 figures", owner, date(2030, 1, 1))
    action_points.update_status(done.pk, "done", "", secretariat)
    upcoming = MeetingFactory()
    document = documents.get("meeting-briefing")
    html = document.html(document.get_object(upcoming.pk))
    assert "Open action points from earlier meetings" in html
    assert "Fund the treatment centre in Vientiane" in html and "Embassy of Australia" in html
    assert "Send the 2024 figures" not in html
    earlier = document.html(document.get_object(last.pk))
    assert "Fund the treatment centre in Vientiane" not in earlier
