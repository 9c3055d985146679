"""A partner answers through their RSVP link, changes the answer, and the secretariat's dashboard shows it."""

import pytest

from idswg.roles import SECRETARIAT
from meetings.tests.factories import InvitationFactory

from .conftest import log_in

pytestmark = pytest.mark.browser


def fill_attendee(page, index, name, position, email):
    block = page.get_by_test_id(f"attendee-{index}")
    block.get_by_label("Name").fill(name)
    block.get_by_label("Position").fill(position)
    block.get_by_label("E-mail").fill(email)


def test_a_partner_answers_by_link_changes_it_and_the_dashboard_shows_it(new_page, user_with_role):
    invitation = InvitationFactory(name="Mr. Demo Partner Officer", email="partner@example.org")
    meeting = invitation.meeting

    partner = new_page(viewport={"width": 390, "height": 844})  # on a phone, without an account
    partner.goto(invitation.get_absolute_url())
    assert meeting.title in partner.get_by_test_id("invitation").inner_text()
    partner.get_by_label("I will attend").check()
    fill_attendee(partner, 0, "Ms. Keiko Sato", "First Secretary", "keiko.sato@example.org")
    fill_attendee(partner, 1, "Mr. Ken Ito", "Attaché", "ken.ito@example.org")
    partner.get_by_label("Access or dietary needs").fill("Vegetarian meal for one")
    partner.get_by_role("button", name="Send my answer").click()
    partner.get_by_text("Your answer is saved").wait_for()
    assert "Attending" in partner.get_by_test_id("current-answer").inner_text()
    assert "Mr. Ken Ito" in partner.get_by_test_id("current-attendees").inner_text()

    # Change of plans: only a representative comes.
    partner.get_by_label("I am sending a representative").check()
    fill_attendee(partner, 0, "Mr. Ken Ito", "Attaché", "ken.ito@example.org")
    fill_attendee(partner, 1, "", "", "")
    partner.get_by_role("button", name="Send my answer").click()
    partner.get_by_text("Your answer is saved").wait_for()
    assert "Sending a representative" in partner.get_by_test_id("current-answer").inner_text()
    assert "Keiko" not in partner.get_by_test_id("current-attendees").inner_text()

    secretariat = new_page()
    staff = user_with_role(SECRETARIAT)
    log_in(secretariat, staff.username)
    secretariat.goto(f"/meetings/{meeting.pk}/dashboard/")
    assert secretariat.get_by_test_id("count-invited").inner_text() == "1"
    assert secretariat.get_by_test_id("count-attending").inner_text() == "1"
    assert secretariat.get_by_test_id("headcount").inner_text() == "1"
    row = secretariat.get_by_test_id("answer-row").inner_text()
    assert "Sending a representative" in row and "Mr. Ken Ito" in row and "Keiko" not in row
    assert invitation.answers.count() == 2
