"""The group's year in one journey: last year's High-Level Meeting copied, invitations, a move, answers,
check-in on a phone, minutes with two action points, the partner's update, and the next meeting's reminder.
"""

import base64
from datetime import time, timedelta

import pytest
from icalendar import Calendar

from idswg.models import SentMessage
from idswg.roles import PARTNER, SECRETARIAT
from idswg.tests.factories import OrganisationFactory, PersonFactory
from meetings.models import ActionPoint, InvitationNotice, Meeting
from meetings.tests.factories import AgendaItemFactory, MeetingFactory, in_days

from .conftest import log_in

pytestmark = pytest.mark.browser


def last_years_hlm():
    meeting = MeetingFactory(
        title="High-Level Meeting 2025", starts_at=in_days(-365), state=Meeting.State.HELD, venue="Vientiane"
    )
    meeting.ends_at, meeting.rsvp_deadline = meeting.starts_at + timedelta(hours=4), meeting.starts_at - timedelta(2)
    meeting.save()
    AgendaItemFactory(meeting=meeting, order=1, start=time(8, 30), end=time(9, 0), title="Arrival", kind="registration")
    AgendaItemFactory(meeting=meeting, order=2, start=time(9, 0), end=time(10, 0), title="Sector Working Group Report")
    AgendaItemFactory(meeting=meeting, order=3, start=time(10, 0), end=time(11, 0), title="Open discussion")
    return meeting


def test_a_year_of_meetings_from_copied_agenda_to_the_next_meetings_open_action_points(new_page, user_with_role):
    last = last_years_hlm()
    japan = OrganisationFactory(name="Embassy of Japan", short_name="Japan")
    lcdc = OrganisationFactory(name="Lao National Commission for Drug Control and Supervision", short_name="LCDC")
    officer = PersonFactory(organisation=japan, name="Keiko Sato", email="keiko.sato@example.org")
    this_year = MeetingFactory(title="High-Level Meeting 2026", state=Meeting.State.DRAFT, venue="Double Tree")
    staff = user_with_role(SECRETARIAT)
    partner_user = user_with_role(PARTNER, organisation=japan)

    # The secretariat copies last year's agenda into this year's meeting.
    office = new_page()
    log_in(office, staff.username)
    office.goto(f"/meetings/{this_year.pk}/agenda/")
    office.get_by_label("Copy the agenda of another meeting").select_option(str(last.pk))
    office.get_by_role("button", name="Copy its items here").click()
    office.get_by_text("3 items copied").wait_for()
    assert [i.title for i in this_year.agenda_items.all()] == [i.title for i in last.agenda_items.all()]

    # Invites the Embassy of Japan and sends at once.
    office.goto(f"/meetings/{this_year.pk}/invitations/")
    office.get_by_label("Embassy of Japan").check()
    office.get_by_role("button", name="Invite").click()
    office.get_by_text("1 invitation(s) sent.").wait_for()
    invitation = this_year.invitations.get()
    assert SentMessage.objects.filter(to=officer.email, topic="meetings.invitation").exists()

    # The venue moves: the edit offers to tell the invitees, and does.
    office.goto(f"/meetings/{this_year.pk}/edit/")
    assert office.get_by_label("Tell the invitees what changed").is_checked()
    office.get_by_label("Venue (English)").fill("Lao International Trade Exhibition and Convention Center")
    office.get_by_role("button", name="Save", exact=True).click()
    office.get_by_text("1 invitee(s) told what changed.").wait_for()
    notice = SentMessage.objects.get(to=officer.email, topic="meetings.change")
    assert "Lao International Trade Exhibition" in notice.body and "was Double Tree" in notice.body
    event = Calendar.from_ical(base64.b64decode(notice.attachments[0]["content"])).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "Lao International Trade Exhibition and Convention Center"
    assert int(event["SEQUENCE"]) == 1 and str(event["UID"]) == f"meeting-{this_year.uid}@idswg"
    assert InvitationNotice.objects.get(invitation=invitation).sequence == 1

    # The partner answers from its home page.
    partner = new_page()
    log_in(partner, partner_user.username)
    partner.goto("/")
    partner.get_by_test_id("pending-rsvps").get_by_role("link", name="High-Level Meeting 2026").click()
    assert "Lao International Trade Exhibition" in partner.get_by_test_id("venue").inner_text()
    partner.get_by_label("I will attend").check()
    attendee = partner.get_by_test_id("attendee-0")
    attendee.get_by_label("Name").fill("Ms. Keiko Sato")
    attendee.get_by_label("Position").fill("First Secretary")
    attendee.get_by_label("E-mail").fill("keiko.sato@example.org")
    partner.get_by_role("button", name="Send my answer").click()
    partner.get_by_text("Your answer is saved").wait_for()

    # On the day, the secretariat checks her in on a phone.
    phone = new_page(viewport={"width": 390, "height": 844})
    log_in(phone, staff.username)
    phone.goto(f"/meetings/{this_year.pk}/check-in/")
    phone.locator("#checkin-list li").filter(has_text="Keiko Sato").get_by_role("button", name="Arrived").click()
    phone.locator("#checkin-list li.list-group-item-success").wait_for()

    # After the meeting: minutes with attendance from the check-in, a decision and two action points.
    office.goto(f"/meetings/{this_year.pk}/minutes/")
    assert "Ms. Keiko Sato" in office.get_by_test_id("attendance").inner_text()
    office.get_by_label("Summary").fill("The meeting reviewed the draft reports.")
    report_item = office.get_by_test_id("minutes-item").filter(has_text="Sector Working Group Report")
    report_item.get_by_label("Decisions").fill("The IDSWG report is adopted.")
    office.get_by_role("button", name="Save the minutes").click()
    office.get_by_text("Minutes saved.").wait_for()
    for text, owner in (("Send the programme update", japan), ("Circulate the seizure figures", lcdc)):
        form = office.get_by_test_id("action-point-form")
        form.get_by_label("Action").fill(text)
        form.get_by_label("Owner organisation").select_option(str(owner.pk))
        form.get_by_label("Due date").fill((this_year.local_start.date() + timedelta(days=60)).isoformat())
        form.get_by_role("button", name="Add the action point").click()
        office.get_by_text("Action point added.").wait_for()
    assert office.get_by_test_id("action-points").locator("tbody tr").count() == 2

    # The partner sees its own action point only, and updates it.
    partner.goto(f"/meetings/{this_year.pk}/")
    partner.get_by_test_id("action-points-link").click()
    rows = partner.get_by_test_id("action-points").locator("tbody tr")
    assert rows.count() == 1 and "Send the programme update" in rows.first.inner_text()
    rows.first.get_by_role("combobox").select_option("in_progress")
    rows.first.get_by_label("Status note").fill("Draft with the ambassador")
    rows.first.get_by_role("button", name="Save the status").click()
    partner.get_by_text("Status of").wait_for()
    assert ActionPoint.objects.get(owner=japan).status == "in_progress"

    # The next meeting shows what is still open.
    upcoming = MeetingFactory(title="Technical Meeting 2027", starts_at=this_year.starts_at + timedelta(days=300))
    upcoming.ends_at, upcoming.rsvp_deadline = upcoming.starts_at + timedelta(hours=4), upcoming.starts_at
    upcoming.save()
    office.goto(f"/meetings/{upcoming.pk}/")
    still_open = office.get_by_test_id("earlier-open").inner_text()
    assert "Send the programme update" in still_open and "In progress" in still_open
    assert "Circulate the seizure figures" in still_open
