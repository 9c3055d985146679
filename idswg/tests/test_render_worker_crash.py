"""A real worker's pool process is killed (kill -9) in the middle of a render: the job finishes by itself.

Celery gives the task back to the queue when its process dies (acks late, rejected on a lost
worker); the task that comes again finds the job held by the dead attempt's lease, waits for it
to lapse (``RENDER_LEASE_SECONDS``) and takes the job over. Nobody clicks anything.
"""

import os
import signal
import time
from pathlib import Path

import pytest
from django.conf import settings

from conftest import rendering_now
from idswg.models import RenderJob
from idswg.tests.factories import PersonFactory

State = RenderJob.State


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_render_whose_worker_process_is_killed_finishes_by_itself(real_celery_worker):
    PersonFactory.create_batch(400)  # a contact list of some pages: a render that lasts a few seconds
    job = rendering_now("contact-list", 0, real_celery_worker.log)
    killed = int(job.owner.split(":")[1])
    assert killed != real_celery_worker.process.pid  # the pool child, not the worker itself
    os.kill(killed, signal.SIGKILL)
    crashed_at = time.monotonic()

    seen = set()
    while job.state != State.DONE:
        waited = time.monotonic() - crashed_at
        assert job.state != State.FAILED, job.error
        assert waited < settings.RENDER_LEASE_SECONDS + 60, (
            f"still {job.state} ({job.progress}) {waited:.0f} s after the crash: "
            f"{Path(real_celery_worker.log).read_text()[-3000:]}"
        )
        time.sleep(0.2)
        job.refresh_from_db()
        seen.add(job.progress)
    assert job.attempts == 2 and int(job.owner.split(":")[1]) != killed
    assert job.output.storage.exists(job.output.name) and job.pages >= 2
    assert "lost" in seen or "retrying" in seen  # the status box said what was going on
