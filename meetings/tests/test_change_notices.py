"""Moving or cancelling a meeting tells its invitees, with the calendar file that updates their calendar."""

from datetime import timedelta

import pytest
from icalendar import Calendar

from meetings import notices
from meetings.models import InvitationNotice, Meeting

from .factories import InvitationFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def edit_data(meeting, **changes):
    start, end, deadline = meeting.local_start, meeting.local_end, meeting.local_deadline
    data = {
        "kind": meeting.kind,
        "title_en": meeting.title,
        "date": start.date().isoformat(),
        "start_time": f"{start:%H:%M}",
        "end_time": f"{end:%H:%M}",
        "venue_en": meeting.venue,
        "participants_en": meeting.participants,
        "purpose_en": meeting.purpose,
        "rsvp_by": deadline.date().isoformat(),
        "max_attendees": meeting.max_attendees,
        "reminder_days": "",
        "contact_email": meeting.contact_email,
        "state": meeting.state,
        "notify_invitees": "on",
    }
    for prefix in ("organisers", "cochairs"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | changes


def sent_meeting(invitees=2):
    meeting = MeetingFactory()
    invitations = InvitationFactory.create_batch(invitees, meeting=meeting, sent_at=meeting.created_at)
    InvitationFactory(meeting=meeting)  # never sent: told nothing
    return meeting, invitations


def ics(message):
    return Calendar.from_ical(__import__("base64").b64decode(message.attachments[0]["content"]))


def test_changing_the_venue_tells_each_invitee_what_changed_with_the_next_calendar_revision(client_for, secretariat):
    meeting, invited = sent_meeting()
    response = client_for(secretariat).post(f"/meetings/{meeting.pk}/edit/", edit_data(meeting, venue_en="Lao ITECC"))
    assert response.status_code == 302
    notices_sent = InvitationNotice.objects.filter(kind="change").select_related("message", "invitation")
    assert sorted(n.invitation_id for n in notices_sent) == sorted(i.pk for i in invited)
    notice = notices_sent[0]
    assert notice.changes == [["Location", "Double Tree by Hilton Vientiane", "Lao ITECC"]]
    assert "Lao ITECC" in notice.message.body and "was Double Tree by Hilton Vientiane" in notice.message.body
    event = ics(notice.message).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "Lao ITECC"
    assert int(event["SEQUENCE"]) == 1 == notice.sequence
    assert str(event["UID"]) == f"meeting-{meeting.uid}@idswg"


def test_a_new_time_names_the_old_and_new_times():
    meeting, _ = sent_meeting(1)
    before = notices.describe(meeting)
    meeting.starts_at += timedelta(hours=1)
    meeting.ends_at += timedelta(hours=1)
    changes = notices.changes_between(before, notices.describe(meeting))
    assert changes == [("Time", before["time"], notices.describe(meeting)["time"])]


def test_the_secretariat_may_choose_not_to_notify(client_for, secretariat):
    meeting, _ = sent_meeting()
    data = edit_data(meeting, venue_en="Lao ITECC")
    del data["notify_invitees"]
    client_for(secretariat).post(f"/meetings/{meeting.pk}/edit/", data)
    assert not InvitationNotice.objects.exists()
    meeting.refresh_from_db()
    assert meeting.venue == "Lao ITECC" and meeting.sequence == 1


def test_editing_only_the_purpose_sends_no_notice(client_for, secretariat):
    meeting, _ = sent_meeting()
    client_for(secretariat).post(f"/meetings/{meeting.pk}/edit/", edit_data(meeting, purpose_en="Another text."))
    assert not InvitationNotice.objects.exists()


def test_the_edit_form_offers_the_notice_only_once_invitations_went_out(client_for, secretariat):
    meeting = MeetingFactory()
    InvitationFactory(meeting=meeting)
    page = client_for(secretariat).get(f"/meetings/{meeting.pk}/edit/").content.decode()
    assert 'data-testid="notify-offer"' not in page
    meeting.invitations.update(sent_at=meeting.created_at)
    assert 'data-testid="notify-offer"' in client_for(secretariat).get(f"/meetings/{meeting.pk}/edit/").content.decode()


def test_a_notice_is_sent_once_per_revision():
    meeting, invited = sent_meeting()
    changes = [("Location", "A", "B")]
    assert notices.notify_change(meeting, changes) == 2
    assert notices.notify_change(meeting, changes) == 0
    assert InvitationNotice.objects.count() == 2


def test_cancelling_sends_method_cancel_and_closes_the_rsvp(client_for, secretariat):
    meeting, invited = sent_meeting()
    response = client_for(secretariat).post(f"/meetings/{meeting.pk}/cancel/", {"reason": "Postponed to next year."})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.CANCELLED and not meeting.rsvp_open()
    cancels = InvitationNotice.objects.filter(kind="cancel").select_related("message")
    assert cancels.count() == 2
    message = cancels[0].message
    assert message.topic == "meetings.cancel" and "Postponed to next year." in message.body
    calendar = ics(message)
    assert str(calendar["METHOD"]) == "CANCEL"
    event = calendar.walk("VEVENT")[0]
    assert str(event["STATUS"]) == "CANCELLED" and int(event["SEQUENCE"]) == 1


def test_cancelling_twice_tells_nobody_twice(client_for, secretariat):
    meeting, _ = sent_meeting()
    client = client_for(secretariat)
    client.post(f"/meetings/{meeting.pk}/cancel/")
    client.post(f"/meetings/{meeting.pk}/cancel/")
    assert InvitationNotice.objects.count() == 2
    assert "This meeting is cancelled." in client.get(f"/meetings/{meeting.pk}/cancel/").content.decode()


def test_the_edit_form_cannot_set_cancelled_without_the_notices(client_for, secretariat):
    meeting, _ = sent_meeting()
    response = client_for(secretariat).post(f"/meetings/{meeting.pk}/edit/", edit_data(meeting, state="cancelled"))
    assert response.status_code == 200 and "state" in response.context["form"].errors
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.INVITED


def test_only_the_secretariat_cancels(client_for, partner):
    meeting, _ = sent_meeting()
    assert client_for(partner).post(f"/meetings/{meeting.pk}/cancel/").status_code == 403
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.INVITED


def test_a_cancelled_meeting_says_so_on_the_home_page(client_for, partner):
    meeting, invited = sent_meeting()
    meeting.invitations.update(organisation=partner.organisation)
    notices.cancel(meeting.pk)
    page = client_for(partner).get("/").content.decode()
    assert meeting.title in page and 'data-testid="cancelled"' in page
    assert 'data-testid="pending-rsvps"' not in page  # nothing left to answer
