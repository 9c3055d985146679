"""On the day, the secretariat checks arrivals in on a phone."""

import pytest

from idswg.roles import SECRETARIAT
from meetings.models import Attendee
from meetings.tests.factories import AttendeeFactory, InvitationFactory

from .conftest import log_in

pytestmark = pytest.mark.browser


def test_the_secretariat_checks_in_an_arrival_on_a_phone(new_page, user_with_role):
    invitation = InvitationFactory(state="accepted", answered_at="2026-11-20T10:00:00+07:00")
    arriving = AttendeeFactory(invitation=invitation, name="Ms. Keiko Sato")
    AttendeeFactory(invitation=invitation, name="Mr. Ken Ito")
    page = new_page(viewport={"width": 390, "height": 844})
    log_in(page, user_with_role(SECRETARIAT).username)
    page.goto(f"/meetings/{invitation.meeting_id}/check-in/")
    page.get_by_placeholder("Search a name or organisation").fill("Keiko")
    page.locator("#checkin-list li").filter(has_text="Ken Ito").wait_for(state="detached")
    row = page.locator("#checkin-list li").filter(has_text="Keiko Sato")
    row.get_by_role("button", name="Arrived").click()
    page.locator("#checkin-list li.list-group-item-success").wait_for()
    assert page.get_by_test_id("arrived-count").inner_text() == "1 of 2 arrived."
    assert Attendee.objects.get(pk=arriving.pk).checked_in_at is not None
    assert Attendee.objects.get(name="Mr. Ken Ito").checked_in_at is None
