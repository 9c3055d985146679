"""Redis down, then back: invitations sent, an RSVP answered and a PDF asked for while the broker
is unreachable all succeed for the user; once it is back, a worker and beat deliver every e-mail
exactly once and make the PDF, with no click by anyone.
"""

import email
import time
import uuid
from collections import Counter
from email import policy
from pathlib import Path

import pytest
from django.urls import reverse

from idswg.models import RenderJob, SentMessage
from meetings.models import Invitation, Meeting

from .factories import InvitationFactory, MeetingFactory
from .test_rsvp_by_link import TWO, form_data


def mails_written(worker):
    """(to, subject) of every e-mail the worker's file backend wrote."""
    found = []
    for path in worker.mail_dir.glob("*.log"):
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                parsed = email.message_from_bytes(chunk.strip(), policy=policy.default)
                found.append((parsed["To"], " ".join(str(parsed["Subject"]).split())))
    return found


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_nothing_fails_and_everything_goes_out_once_when_it_is_back(
    real_celery_worker, broker_down, start_beat, client_for, secretariat
):
    tag = uuid.uuid4().hex[:8]
    meeting = MeetingFactory(state=Meeting.State.DRAFT)
    invited = [InvitationFactory(meeting=meeting, email=f"outage-{tag}-{n}@example.org") for n in range(4)]
    client = client_for(secretariat)

    # 1. The secretariat sends the invitations: saved, and told plainly.
    page = client.post(reverse("meetings:invitations_send", args=[meeting.pk]), follow=True)
    assert page.status_code == 200
    assert "4 invitation(s) saved; the e-mails will go out as soon as the mail service is back" in page.content.decode()
    assert not Invitation.objects.filter(meeting=meeting, sent_at__isnull=True).exists()
    assert 'data-state="queued"' in page.content.decode()  # each row says its e-mail is waiting

    # 2. An invitee answers through the link: the answer is saved and reported as saved.
    client.logout()
    answer = client.post(invited[0].get_absolute_url(), form_data("accepted", TWO[:1]), follow=True)
    assert answer.status_code == 200
    assert "Your answer is saved; the confirmation e-mail will go out as soon as" in answer.content.decode()
    assert Invitation.objects.get(pk=invited[0].pk).state == Invitation.State.ACCEPTED

    # 3. A PDF is asked for: the status box says it will be made once the renderer is back.
    client.force_login(secretariat)
    status = client.post(reverse("render_request", kwargs={"key": "contact-list", "obj_id": 0}), HTTP_HX_REQUEST="true")
    assert status.status_code == 200 and 'data-progress="unreachable"' in status.content.decode()

    ours = SentMessage.objects.filter(to__startswith=f"outage-{tag}-")
    assert ours.count() == 5 and set(ours.values_list("state", flat=True)) == {SentMessage.State.QUEUED}
    job = RenderJob.objects.get(document="contact-list")
    assert job.state == RenderJob.State.QUEUED

    # 4. The broker is back; beat's sweep hands everything over to the worker.
    broker_down.restore()
    beat = start_beat()
    deadline = time.monotonic() + 90
    while ours.exclude(state=SentMessage.State.SENT).exists() or job.state != RenderJob.State.DONE:
        assert time.monotonic() < deadline, (
            f"messages {list(ours.values_list('state', flat=True))}, render {job.state}\n"
            f"beat: {Path(beat.log).read_text()[-1500:]}\nworker: {Path(real_celery_worker.log).read_text()[-1500:]}"
        )
        time.sleep(0.3)
        job.refresh_from_db()
    time.sleep(3)  # a few more sweeps: none may send anything again

    written = Counter(m for m in mails_written(real_celery_worker) if m[0].startswith(f"outage-{tag}-"))
    assert sum(written.values()) == 5 and set(written.values()) == {1}, written
    assert {to for to, _subject in written} == {i.email for i in invited}
    assert all(message.attempts == 1 for message in ours)
    job.refresh_from_db()
    assert job.attempts == 1 and job.output.storage.exists(job.output.name)
