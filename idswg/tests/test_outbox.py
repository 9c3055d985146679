"""The outbox: with the broker down nothing fails and nothing is lost; the sweep sends it later.

``broker_down`` points this process's Celery at a closed port (as when Redis is down);
``restore()`` brings the broker back, where tasks run in-process again.
"""

from datetime import timedelta

import pytest
from django.core import mail as django_mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from idswg import mail, outbox, renders
from idswg.models import RenderJob, SentMessage

pytestmark = pytest.mark.django_db
State = SentMessage.State


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def due(message):
    message.refresh_from_db()
    return message.state == State.QUEUED and message.next_attempt_at <= timezone.now()


@pytest.mark.django_db(transaction=True)
def test_a_message_queued_while_the_broker_is_down_waits_and_the_sweep_sends_it_once_it_is_back(broker_down):
    message = mail.queue("partner@example.org", "Invitation", "Dear partner")
    assert message.handed_over is False and outbox.any_waiting([message])
    assert due(message) and not django_mail.outbox

    assert mail.requeue_due() == 0  # still down: nothing handed over, still due
    assert due(message)

    broker_down.restore()
    assert outbox.sweep() == {"messages": 1, "renders": 0}
    message.refresh_from_db()
    assert message.state == State.SENT and message.attempts == 1
    assert outbox.sweep() == {"messages": 0, "renders": 0}
    assert len(django_mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_message_handed_over_is_not_handed_over_again_until_the_broker_may_have_lost_it(broker_down):
    broker_down.restore()
    message = SentMessage.objects.create(
        to="a@example.org", subject="Hello", body="Body", next_attempt_at=timezone.now() + mail.REQUEUE_AFTER
    )
    assert mail.requeue_due() == 0
    SentMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert mail.requeue_due() == 1
    message.refresh_from_db()
    assert message.state == State.SENT


def test_a_message_left_queued_before_the_outbox_existed_is_due():
    message = SentMessage.objects.create(to="a@example.org", subject="Hello", body="Body")
    assert message.next_attempt_at is None
    assert mail.requeue_due() == 1
    message.refresh_from_db()
    assert message.state == State.SENT


@pytest.mark.django_db(transaction=True)
def test_a_render_requested_while_the_broker_is_down_says_so_and_is_made_once_it_is_back(
    broker_down, client_for, secretariat
):
    client = client_for(secretariat)
    url = reverse("render_request", kwargs={"key": "contact-list", "obj_id": 0})
    response = client.post(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-progress="unreachable"' in page and "cannot be reached at the moment" in page
    job = RenderJob.objects.get()
    assert job.state == RenderJob.State.QUEUED

    # Asked again: the same job, not a second one, and still no 500.
    assert client.post(url, HTTP_HX_REQUEST="true").status_code == 200
    assert RenderJob.objects.count() == 1

    broker_down.restore()
    assert renders.requeue_due() == 1
    job.refresh_from_db()
    assert job.state == RenderJob.State.DONE and job.attempts == 1


def failed_message(**fields):
    return SentMessage.objects.create(
        to="failed@example.org",
        subject="Hello",
        body="Body",
        state=State.FAILED,
        error="SMTP down",
        attempts=5,
        **fields,
    )


@pytest.mark.django_db(transaction=True)
def test_the_secretariat_sends_a_failed_message_again_once_however_often_it_clicks(client_for, secretariat):
    message = failed_message()
    client = client_for(secretariat)
    url = reverse("outbox_resend", args=[message.pk])
    first = client.post(url, follow=True)
    assert "is on its way again" in first.content.decode()
    second = client.post(url, follow=True)
    assert "is not failed; nothing was sent again" in second.content.decode()
    message.refresh_from_db()
    assert message.state == State.SENT and message.attempts == 1
    assert len(django_mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_resend_while_the_broker_is_down_is_saved_and_says_so(broker_down, client_for, secretariat):
    message = failed_message()
    page = client_for(secretariat).post(reverse("outbox_resend", args=[message.pk]), follow=True).content.decode()
    assert "will go out as soon as the mail service is back" in page
    assert due(message)


def test_the_outbox_page_lists_queued_sent_and_failed_messages_with_their_counts(client_for, secretariat):
    SentMessage.objects.create(to="queued@example.org", subject="Waiting", body="b")
    SentMessage.objects.create(
        to="sent@example.org", subject="Gone", body="b", state=State.SENT, sent_at=timezone.now()
    )
    failed_message()
    client = client_for(secretariat)
    page = client.get(reverse("outbox")).content.decode()
    assert "queued@example.org" in page and "sent@example.org" in page and "failed@example.org" in page
    assert page.count("Send again") == 1 and "SMTP down" in page
    failed_page = client.get(reverse("outbox"), {"state": "failed"}).content.decode()
    assert "failed@example.org" in failed_page and "queued@example.org" not in failed_page
    assert client.get(reverse("outbox"), {"state": "nonsense", "page": "x"}).status_code == 200


@pytest.mark.parametrize("count", [3, 60])
def test_the_outbox_page_runs_the_same_queries_whatever_the_number_of_messages(
    client_for, secretariat, count, session_queries
):
    SentMessage.objects.bulk_create(
        SentMessage(to=f"m{n}@example.org", subject=f"Message {n}", body="b") for n in range(count)
    )
    client = client_for(secretariat)
    client.get(reverse("outbox"))  # session and the like, out of the count
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("outbox")).status_code == 200
    # the user with their roles (one query, idswg.auth_backend), then the page's own
    assert len(queries) == 4 + session_queries, [q["sql"] for q in queries]


def test_the_outbox_is_in_the_secretariat_menu(client_for, secretariat, partner):
    assert reverse("outbox") in client_for(secretariat).get(reverse("home")).content.decode()
    assert reverse("outbox") not in client_for(partner).get(reverse("home")).content.decode()
