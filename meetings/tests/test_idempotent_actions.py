"""Double clicks and second secretaries: sending, resending and checking in are safe to repeat.

The concurrent tests run real threads against PostgreSQL, each with its own connection,
released together by a barrier.
"""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from idswg.models import SentMessage
from meetings import checkin, invitations
from meetings.models import Attendee, Invitation

from .factories import AttendeeFactory, InvitationFactory, MeetingFactory


def at_once(count, action):
    """Run ``action(i)`` in ``count`` threads released together; returns their results in order."""
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def worker(index):
        try:
            barrier.wait(timeout=30)
            results[index] = action(index)
        except Exception as exc:  # raised again in the test's thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return results


@pytest.fixture
def on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("needs DATABASE_URL on PostgreSQL: row locks across connections")


@pytest.mark.django_db(transaction=True)
def test_three_simultaneous_sends_give_each_invitee_one_email(on_postgresql, mailoutbox):
    meeting = MeetingFactory()
    invited = InvitationFactory.create_batch(10, meeting=meeting)
    sent = at_once(3, lambda i: len(invitations.send_unsent(meeting)))
    assert sorted(sent)[-1] >= 1 and sum(sent) == 10
    for invitation in invited:
        assert SentMessage.objects.filter(to=invitation.email).count() == 1
    assert sorted(m.to[0] for m in mailoutbox) == sorted(i.email for i in invited)
    assert not Invitation.objects.filter(meeting=meeting, sent_at__isnull=True).exists()


@pytest.mark.django_db(transaction=True)
def test_three_simultaneous_send_clicks_through_the_page_send_one_email_each(on_postgresql, secretariat, mailoutbox):
    meeting = MeetingFactory()
    InvitationFactory.create_batch(5, meeting=meeting)
    url = reverse("meetings:invitations_send", args=[meeting.pk])

    def click(index):
        client = Client()
        client.force_login(secretariat)
        return client.post(url).status_code

    assert at_once(3, click) == [302, 302, 302]
    assert SentMessage.objects.count() == 5 and len(mailoutbox) == 5


@pytest.mark.django_db(transaction=True)
def test_a_second_resend_while_the_first_is_on_its_way_sends_nothing(broker_down):
    invitation = InvitationFactory()
    first, queued = invitations.resend(invitation.pk)
    assert queued and first.state == SentMessage.State.QUEUED
    again, queued_again = invitations.resend(invitation.pk)
    assert not queued_again and again.pk == first.pk
    assert SentMessage.objects.filter(to=invitation.email).count() == 1


@pytest.mark.django_db(transaction=True)
def test_simultaneous_resends_send_one_email(on_postgresql, mailoutbox):
    invitation = InvitationFactory()
    outcomes = at_once(3, lambda i: invitations.resend(invitation.pk)[1])
    assert sorted(outcomes) == [False, False, True]
    assert SentMessage.objects.filter(to=invitation.email).count() == 1 and len(mailoutbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_resend_after_a_failed_email_sends_a_new_one(mailoutbox):
    invitation = InvitationFactory()
    failed = SentMessage.objects.create(
        to=invitation.email, subject="x", body="x", state=SentMessage.State.FAILED, error="SMTP down"
    )
    Invitation.objects.filter(pk=invitation.pk).update(message=failed)
    message, queued = invitations.resend(invitation.pk)
    assert queued and message.pk != failed.pk
    message.refresh_from_db()
    assert message.state == SentMessage.State.SENT and len(mailoutbox) == 1


@pytest.mark.django_db(transaction=True)
def test_simultaneous_check_ins_end_present_and_keep_the_first_arrival_time(on_postgresql):
    attendee = AttendeeFactory()
    at_once(6, lambda i: checkin.mark(attendee.pk, checkin.PRESENT))  # a toggle would end absent
    attendee.refresh_from_db()
    arrived = attendee.checked_in_at
    assert arrived is not None
    checkin.mark(attendee.pk, checkin.PRESENT)
    attendee.refresh_from_db()
    assert attendee.checked_in_at == arrived


@pytest.mark.django_db(transaction=True)
def test_simultaneous_check_in_taps_end_in_the_state_of_the_last_request(on_postgresql, secretariat):
    attendee = AttendeeFactory()
    url = reverse("meetings:check_in_mark", args=[attendee.invitation.meeting_id, attendee.pk])

    def tap(state):
        client = Client()
        client.force_login(secretariat)
        return client.post(url, {"state": state}, HTTP_HX_REQUEST="true").status_code

    assert at_once(4, lambda i: tap("present")) == [200] * 4
    assert Attendee.objects.get(pk=attendee.pk).checked_in_at is not None
    assert at_once(4, lambda i: tap("absent")) == [200] * 4
    assert Attendee.objects.get(pk=attendee.pk).checked_in_at is None
    # A burst, then one last tap after it: the last one decides.
    at_once(5, lambda i: tap("present" if i % 2 else "absent"))
    assert tap("present") == 200
    assert Attendee.objects.get(pk=attendee.pk).checked_in_at is not None


@pytest.mark.django_db
def test_a_check_in_that_does_not_say_present_or_absent_is_refused(client_for, secretariat):
    attendee = AttendeeFactory()
    url = reverse("meetings:check_in_mark", args=[attendee.invitation.meeting_id, attendee.pk])
    response = client_for(secretariat).post(url, {"state": "toggle"})
    assert response.status_code == 400 and b"present or absent" in response.content
    assert Attendee.objects.get(pk=attendee.pk).checked_in_at is None
