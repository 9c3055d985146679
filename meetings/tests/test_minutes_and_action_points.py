"""After the meeting: the summary record, action points, their owners' updates and the next meeting's view."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from idswg import documents, renders
from idswg.models import SentMessage
from idswg.roles import PARTNER
from idswg.tests.factories import OrganisationFactory, UserFactory
from meetings import action_points, minutes
from meetings.models import ActionPoint, AgendaItem, Minutes

from .factories import AgendaItemFactory, AttendeeFactory, InvitationFactory, MeetingFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def held_meeting(days_ago=10):
    meeting = MeetingFactory(starts_at=in_days(-days_ago), state="held")
    meeting.rsvp_deadline = meeting.starts_at - timedelta(days=2)
    meeting.ends_at = meeting.starts_at + timedelta(hours=4)
    meeting.save()
    return meeting


def print_minutes(meeting):
    """Request the minutes' PDF and render it here, as the worker would."""
    job = renders.request_render("meeting-minutes", meeting.pk)
    renders.run(job.pk)
    job.refresh_from_db()
    return job


def test_attendance_is_taken_from_the_check_in():
    meeting = held_meeting()
    came = AttendeeFactory(invitation__meeting=meeting, checked_in_at=timezone.now())
    AttendeeFactory(invitation__meeting=meeting)  # named, never arrived
    assert [a.pk for a in minutes.attendance(meeting)] == [came.pk]


def test_the_secretariat_records_discussion_and_decisions_per_session(client_for, secretariat):
    meeting = held_meeting()
    session = AgendaItemFactory(meeting=meeting, title="Sector Working Group Report")
    AgendaItemFactory(meeting=meeting, kind=AgendaItem.Kind.BREAK, title="Coffee")
    client = client_for(secretariat)
    page = client.get(f"/meetings/{meeting.pk}/minutes/")
    assert [item for item, *_ in page.context["form"].rows] == [session]  # breaks have no record
    response = client.post(
        f"/meetings/{meeting.pk}/minutes/",
        {
            "summary": "The meeting reviewed the drafts.",
            f"item-{session.pk}-discussion": "Partners asked about treatment centres.",
            f"item-{session.pk}-decisions": "The report is adopted.",
        },
    )
    assert response.status_code == 302
    record = Minutes.objects.get(meeting=meeting)
    assert record.summary == "The meeting reviewed the drafts." and record.updated_by == secretariat
    item = record.items.get()
    assert (item.agenda_item, item.discussion, item.decisions) == (
        session,
        "Partners asked about treatment centres.",
        "The report is adopted.",
    )


def test_an_over_long_record_is_refused_next_to_the_field_and_nothing_is_saved(client_for, secretariat):
    meeting = held_meeting()
    session = AgendaItemFactory(meeting=meeting)
    response = client_for(secretariat).post(
        f"/meetings/{meeting.pk}/minutes/", {"summary": "ok", f"item-{session.pk}-discussion": "x" * 10_001}
    )
    assert response.status_code == 422
    assert f"item-{session.pk}-discussion" in response.context["form"].errors
    assert not Minutes.objects.filter(meeting=meeting).exists()


def test_opening_the_minutes_writes_nothing_until_the_first_save(client_for, secretariat):
    meeting = held_meeting()
    session = AgendaItemFactory(meeting=meeting)
    client = client_for(secretariat)
    page = client.get(f"/meetings/{meeting.pk}/minutes/")
    assert page.status_code == 200
    assert page.context["record"].pk is None and [item for item, *_ in page.context["form"].rows] == [session]
    assert 'data-testid="minutes-not-saved"' in page.content.decode()  # no PDF box for a record not yet saved
    client.post(f"/meetings/{meeting.pk}/action-points/new/", {"text": "", "due_on": "soon"})  # refused
    client.post(f"/meetings/{meeting.pk}/minutes/send/")  # nothing to send: refused with a message
    assert not Minutes.objects.exists()
    client.post(
        f"/meetings/{meeting.pk}/minutes/", {"summary": "First words.", f"item-{session.pk}-decisions": "Agreed."}
    )
    record = Minutes.objects.get()
    assert (record.meeting, record.summary, record.items.get().decisions) == (meeting, "First words.", "Agreed.")
    assert 'data-testid="minutes-pdf"' in client.get(f"/meetings/{meeting.pk}/minutes/").content.decode()


def add_point(client, meeting, owner, text="Share the programme update", due="2030-03-01"):
    return client.post(f"/meetings/{meeting.pk}/action-points/new/", {"text": text, "owner": owner.pk, "due_on": due})


def test_action_points_have_an_owner_a_due_date_and_start_open(client_for, secretariat):
    meeting = held_meeting()
    japan = OrganisationFactory(name="Embassy of Japan")
    assert add_point(client_for(secretariat), meeting, japan).status_code == 302
    point = ActionPoint.objects.get()
    assert (point.owner, point.due_on, point.status) == (japan, date(2030, 3, 1), "open")


def test_an_action_point_without_owner_or_with_a_wild_date_is_refused(client_for, secretariat):
    meeting = held_meeting()
    client = client_for(secretariat)
    response = client.post(f"/meetings/{meeting.pk}/action-points/new/", {"text": "Do it", "due_on": "3024-01-01"})
    assert response.status_code == 422
    assert set(response.context["point_form"].errors) == {"owner", "due_on"}
    assert not ActionPoint.objects.exists()


def test_a_partner_sees_and_updates_only_its_own_action_points(client_for):
    meeting = held_meeting()
    own = InvitationFactory(meeting=meeting)
    partner = UserFactory(role=PARTNER, organisation=own.organisation)
    mine = action_points.add(meeting, "Our update", own.organisation, date(2030, 1, 1))
    theirs = action_points.add(meeting, "Their update", OrganisationFactory(), date(2030, 1, 1))
    client = client_for(partner)
    page = client.get(f"/meetings/{meeting.pk}/action-points/").content.decode()
    assert "Our update" in page and "Their update" not in page
    status_url = f"/meetings/{meeting.pk}/action-points/{{}}/status/"
    response = client.post(
        status_url.format(mine.pk), {f"p{mine.pk}-status": "in_progress", f"p{mine.pk}-status_note": "Half"}
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.status, mine.status_note, mine.updated_by) == ("in_progress", "Half", partner)
    assert client.post(status_url.format(theirs.pk), {f"p{theirs.pk}-status": "done"}).status_code == 403
    theirs.refresh_from_db()
    assert theirs.status == "open"


def test_a_status_not_offered_changes_nothing(client_for, secretariat):
    meeting = held_meeting()
    point = action_points.add(meeting, "Our update", OrganisationFactory(), date(2030, 1, 1))
    client_for(secretariat).post(
        f"/meetings/{meeting.pk}/action-points/{point.pk}/status/", {f"p{point.pk}-status": "won"}
    )
    point.refresh_from_db()
    assert point.status == "open"


def test_open_action_points_appear_on_the_next_meeting_until_done(client_for, secretariat):
    last = held_meeting(days_ago=200)
    owner = OrganisationFactory(name="Embassy of Australia")
    point = action_points.add(last, "Fund the treatment centre", owner, date(2030, 1, 1))
    action_points.add(last, "Already done", owner, date(2030, 1, 1)).__class__.objects.filter(
        text="Already done"
    ).update(status="done")
    upcoming = MeetingFactory()
    client = client_for(secretariat)
    page = client.get(f"/meetings/{upcoming.pk}/").content.decode()
    assert "Fund the treatment centre" in page and "Already done" not in page
    assert "Fund the treatment centre" not in client.get(f"/meetings/{last.pk}/").content.decode()
    action_points.update_status(point.pk, "done", "", secretariat)
    assert "Fund the treatment centre" not in client.get(f"/meetings/{upcoming.pk}/").content.decode()


def test_a_partner_sees_on_the_next_meeting_only_its_own_open_action_points(client_for):
    last = held_meeting(days_ago=200)
    upcoming = MeetingFactory()
    invitation = InvitationFactory(meeting=upcoming)
    partner = UserFactory(role=PARTNER, organisation=invitation.organisation)
    action_points.add(last, "Ours to do", invitation.organisation, date(2030, 1, 1))
    action_points.add(last, "Someone else's", OrganisationFactory(), date(2030, 1, 1))
    page = client_for(partner).get(f"/meetings/{upcoming.pk}/").content.decode()
    assert "Ours to do" in page and "Someone else&#x27;s" not in page and "Someone else's" not in page


def test_the_minutes_print_to_pdf_with_attendance_decisions_and_action_points():
    meeting = held_meeting()
    session = AgendaItemFactory(meeting=meeting, title="Open discussion")
    AttendeeFactory(invitation__meeting=meeting, name="Ms. Came Along", checked_in_at=timezone.now())
    record = minutes.minutes_of(meeting)
    minutes.save_record(record, "Summary text.", {session.pk: ("Talked.", "Decided to meet again.")})
    action_points.add(meeting, "Send the figures", OrganisationFactory(name="LCDC"), date(2030, 2, 1))
    job = print_minutes(meeting)
    assert job.state == "done", job.error
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(job.output.open("rb")).pages)
    for expected in ("Minutes of the", "Ms. Came Along", "Decided to meet again.", "Send the figures", "LCDC"):
        assert expected in text, expected


def test_the_minutes_go_to_the_participants_with_their_pdf_once_it_is_made(client_for, secretariat):
    meeting = held_meeting()
    came = AttendeeFactory(invitation__meeting=meeting, checked_in_at=timezone.now())
    AttendeeFactory(invitation__meeting=meeting)  # did not come: gets nothing
    minutes.minutes_of(meeting)
    client = client_for(secretariat)
    client.post(f"/meetings/{meeting.pk}/minutes/send/")
    assert not SentMessage.objects.filter(topic="meetings.minutes").exists()  # no PDF yet: refused
    print_minutes(meeting)
    client.post(f"/meetings/{meeting.pk}/minutes/send/")
    sent = SentMessage.objects.get(topic="meetings.minutes")
    assert sent.to == came.email
    assert [a["mimetype"] for a in sent.attachments] == ["application/pdf"]
    assert Minutes.objects.get(meeting=meeting).sent_at is not None


def test_a_changed_record_must_be_printed_again_before_it_is_sent():
    meeting = held_meeting()
    AttendeeFactory(invitation__meeting=meeting, checked_in_at=timezone.now())
    record = minutes.minutes_of(meeting)
    print_minutes(meeting)
    minutes.save_record(record, "A later summary.", {})
    with pytest.raises(minutes.MinutesNotReady):
        minutes.send(meeting)


def test_the_minutes_pdf_is_for_those_who_see_the_meeting(partner):
    meeting = held_meeting()
    document = documents.get("meeting-minutes")
    minutes.minutes_of(meeting)
    assert not document.can_download(partner, document.get_object(meeting.pk))
    InvitationFactory(meeting=meeting, organisation=partner.organisation)
    assert document.can_download(partner, document.get_object(meeting.pk))
