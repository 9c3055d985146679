"""With a real Celery worker on Redis: the briefing goes queued -> done and downloads; asking again renders nothing."""

import io
import os
import time

import pytest
from django.core.management import call_command
from django.urls import reverse

from idswg import celery_app
from idswg.models import RenderJob, User
from idswg.tests.pdf_checks import pdf_reader
from meetings.models import Meeting
from reports import briefing
from reports.models import Report
from seizures.models import Country


def wait_for(job, states, seconds=120):
    """Poll the job until its state is one of ``states``; returns the states seen on the way."""
    seen = [job.state]
    deadline = time.monotonic() + seconds
    while job.state not in states:
        assert time.monotonic() < deadline, f"still {job.state} after {seconds} s"
        time.sleep(0.05)
        job.refresh_from_db()
        if job.state != seen[-1]:
            seen.append(job.state)
    return seen


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_renders_the_briefing_and_a_second_request_renders_nothing(real_celery_worker, client, settings):
    settings.DEBUG = True  # the demo logins are only created in DEBUG
    call_command("load_demo", stdout=io.StringIO())
    settings.DEBUG = False
    meeting = Meeting.objects.get(kind="high_level", starts_at__year=2024)
    briefing.configure(
        meeting, report=Report.objects.get(kind="annual", year=2024), countries=Country.objects.filter(name="Lao PDR")
    )
    RenderJob.objects.all().delete()
    kwargs = {"key": "meeting-briefing", "obj_id": meeting.pk}
    client.force_login(User.objects.get(username="cochair"))

    # The worker stops taking tasks for a moment, so that the queued state can be seen.
    worker = [f"{real_celery_worker.queue}@{os.uname().nodename}"]
    celery_app.control.cancel_consumer(real_celery_worker.queue, destination=worker, reply=True)
    try:
        response = client.post(reverse("render_request", kwargs=kwargs), HTTP_HX_REQUEST="true")
        assert response.status_code == 200
        assert (
            'data-state="queued"' in response.content.decode()
            and 'data-hx-trigger="every 2s"' in response.content.decode()
        )
        job = RenderJob.objects.get()
        assert job.requested_by.username == "cochair"
        time.sleep(1)
        job.refresh_from_db()
        assert job.state == RenderJob.State.QUEUED
    finally:
        celery_app.control.add_consumer(real_celery_worker.queue, destination=worker, reply=True)
    seen = wait_for(job, {RenderJob.State.DONE, RenderJob.State.FAILED})
    assert job.state == RenderJob.State.DONE, job.error
    assert seen[0] == RenderJob.State.QUEUED and seen[-1] == RenderJob.State.DONE
    assert job.attempts == 1 and job.duration > 0

    status = client.get(reverse("render_status", kwargs=kwargs)).content.decode()
    assert "hx-trigger" not in status and reverse("render_download", kwargs=kwargs) in status

    download = client.get(reverse("render_download", kwargs=kwargs))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="briefing-high-level-meeting-2024-11-08.pdf"'
    content = b"".join(download.streaming_content)
    assert len(pdf_reader(content).pages) == job.pages >= 5

    again = client.post(reverse("render_request", kwargs=kwargs), HTTP_HX_REQUEST="true")
    assert again.status_code == 200
    time.sleep(1)  # room for a worker to pick up anything that was (wrongly) queued
    assert RenderJob.objects.count() == 1
    job.refresh_from_db()
    assert job.attempts == 1 and job.state == RenderJob.State.DONE
