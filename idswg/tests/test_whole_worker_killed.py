"""The whole worker (its main process and its pool) is killed mid-render, as a crash or an
out-of-memory kill of the machine would: the render still finishes once another worker runs.

Unlike a pool process dying (``test_render_worker_crash``), nothing is left to give the task back
to the queue: Redis keeps the message unacknowledged until its visibility timeout (a quarter of
an hour and more). What brings the job back is the beat's sweep (``outbox.sweep``, every
``OUTBOX_SWEEP_SECONDS``): once the dead attempt's lease has lapsed it hands the job to the queue
again, and the worker started next takes it. A mail queued while no worker runs waits in Redis
and goes out once, when the new worker starts.
"""

import os
import signal
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from conftest import _stop, rendering_now, start_celery_worker, wait_until_up
from idswg import celery_app, mail, outbox
from idswg.models import RenderJob, SentMessage
from idswg.tests.factories import PersonFactory

State = RenderJob.State
LEASE = 6  # seconds: short, so the test waits little for the dead attempt's lease to lapse


@pytest.fixture
def own_queue(settings):
    """Tasks sent to a queue of this test's own (no session worker takes from it); a short render lease."""
    if not settings.REDIS_URL or "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        pytest.skip("needs REDIS_URL and PostgreSQL: real workers share the test database (CI sets both)")
    settings.RENDER_LEASE_SECONDS = LEASE
    queue = f"idswg-kill-{uuid.uuid4().hex[:8]}"
    previous = celery_app.conf.task_default_queue, celery_app.conf.task_always_eager
    celery_app.conf.task_default_queue, celery_app.conf.task_always_eager = queue, False  # to the broker
    yield queue
    celery_app.conf.task_default_queue, celery_app.conf.task_always_eager = previous


def worker(queue, mail_dir, name):
    process, log = start_celery_worker(
        queue, mail_dir, {"RENDER_LEASE_SECONDS": str(LEASE)}, new_session=True, name=f"{queue}-{name}"
    )
    wait_until_up(process, log)
    return process, log


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_render_whose_whole_worker_is_killed_finishes_on_the_next_worker_and_a_mail_waits_for_it(own_queue):
    mail_dir = tempfile.mkdtemp(prefix="idswg-worker-mail-")
    PersonFactory.create_batch(400)  # a contact list of some pages: a render that lasts a few seconds
    first, first_log = worker(own_queue, mail_dir, "first")
    try:
        job = rendering_now("contact-list", 0, first_log.name)
        os.killpg(first.pid, signal.SIGKILL)  # the worker and its pool at once: nobody is left to tell
        first.wait(timeout=10)
    finally:
        _stop(first, first_log)

    # With no worker at all, the job stays "running" under the dead lease, and a mail waits.
    mail.queue("partner@example.org", "Reminder", "The RSVP closes on Friday.")
    message = SentMessage.objects.get(to="partner@example.org")
    time.sleep(1)
    job.refresh_from_db()
    message.refresh_from_db()
    assert job.state == State.RUNNING and message.state == SentMessage.State.QUEUED

    second, second_log = worker(own_queue, mail_dir, "second")
    try:
        crashed_at = time.monotonic()
        while job.state != State.DONE:
            assert job.state != State.FAILED, job.error
            assert time.monotonic() - crashed_at < LEASE + 90, (
                f"still {job.state} ({job.progress}): {Path(second_log.name).read_text()[-3000:]}"
            )
            outbox.sweep()  # the beat task's body, every OUTBOX_SWEEP_SECONDS
            time.sleep(1)
            job.refresh_from_db()
        assert job.attempts == 2 and job.owner.split(":")[1] != str(first.pid)
        assert job.output.storage.exists(job.output.name) and job.pages >= 2

        deadline = time.monotonic() + 30
        while message.state != SentMessage.State.SENT:
            assert time.monotonic() < deadline, Path(second_log.name).read_text()[-3000:]
            time.sleep(0.2)
            message.refresh_from_db()
        assert len(list(Path(mail_dir).iterdir())) == 1  # sent once
    finally:
        _stop(second, second_log)
