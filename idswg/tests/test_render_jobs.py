"""A render is recorded, runs once per input, survives a dead worker and can be retried."""

import threading
import time
from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from idswg import documents, renders
from idswg.models import RenderJob
from idswg.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
State = RenderJob.State


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def broken_document():
    """A document kind whose template does not exist: its renders fail."""

    @documents.register
    class Broken(documents.ContactList):
        key = "broken-test"
        template_name = "idswg/pdf/no-such-template.html"

    yield Broken
    del documents.REGISTRY["broken-test"]


def request(user=None, capture=None):
    with capture(execute=True):
        job = renders.request_render("contact-list", 0, user)
    job.refresh_from_db()
    return job


def test_a_request_queues_a_job_that_the_task_renders_to_a_pdf(secretariat, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = renders.request_render("contact-list", 0, secretariat)
    assert job.state == State.QUEUED and len(callbacks) == 1
    callbacks[0]()
    job.refresh_from_db()
    assert job.state == State.DONE
    assert job.requested_by == secretariat
    assert job.attempts == 1 and job.pages == 1
    assert job.started_at <= job.finished_at and job.duration > 0
    assert job.filename == "idswg-contact-list.pdf"
    assert job.output.read().startswith(b"%PDF")
    assert len(job.input_hash) == 64


def test_a_second_request_with_nothing_changed_renders_nothing(django_capture_on_commit_callbacks):
    first = request(capture=django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        second = renders.request_render("contact-list", 0)
    assert second.pk == first.pk and not callbacks
    assert RenderJob.objects.count() == 1


def test_a_change_to_the_content_makes_the_next_request_render_again(django_capture_on_commit_callbacks):
    first = request(capture=django_capture_on_commit_callbacks)
    assert not renders.status("contact-list", 0, None)["stale"]
    PersonFactory(name="Someone New")
    assert renders.status("contact-list", 0, None)["stale"]
    second = request(capture=django_capture_on_commit_callbacks)
    assert second.pk != first.pk and second.state == State.DONE
    assert second.input_hash != first.input_hash
    assert renders.latest_done("contact-list", 0) == second


def test_running_a_task_twice_renders_once(django_capture_on_commit_callbacks):
    job = request(capture=django_capture_on_commit_callbacks)
    output = job.output.name
    assert renders.run(job.pk) == State.DONE
    job.refresh_from_db()
    assert job.attempts == 1 and job.output.name == output


def test_only_one_job_per_document_is_queued_at_a_time():
    job = renders.request_render("contact-list", 0)
    assert renders.request_render("contact-list", 0).pk == job.pk
    with pytest.raises(IntegrityError), transaction.atomic():
        RenderJob.objects.create(document="contact-list", object_id=0, title="x", filename="x.pdf", input_hash="x")


def held_by_another_worker(job, lease_left):
    """The job as a worker that claimed it leaves it: running, with a lease ``lease_left`` from now."""
    RenderJob.objects.filter(pk=job.pk).update(
        state=State.RUNNING,
        started_at=timezone.now() - timedelta(seconds=5),
        attempts=1,
        owner="elsewhere:1:dead",
        lease_expires_at=timezone.now() + lease_left,
        next_attempt_at=None,
    )


def test_a_task_that_arrives_while_a_live_worker_renders_waits_for_its_lease():
    job = renders.request_render("contact-list", 0)
    held_by_another_worker(job, timedelta(seconds=20))
    state, wait = renders.run_or_wait(job.pk)
    assert state == State.RUNNING and 19 < wait <= 21
    job.refresh_from_db()
    assert job.attempts == 1 and job.owner == "elsewhere:1:dead"


def test_a_redelivered_task_takes_over_a_job_whose_lease_lapsed():
    job = renders.request_render("contact-list", 0)
    held_by_another_worker(job, timedelta(seconds=-1))
    assert job.__class__.objects.get(pk=job.pk).progress == "lost"
    assert renders.run_or_wait(job.pk) == (State.DONE, None)
    job.refresh_from_db()
    assert job.attempts == 2 and job.owner != "elsewhere:1:dead" and job.lease_expires_at is None


def test_the_lost_attempt_cannot_overwrite_the_job_its_successor_finished():
    job = renders.request_render("contact-list", 0)
    held_by_another_worker(job, timedelta(seconds=-1))
    lost = RenderJob.objects.get(pk=job.pk)
    assert renders.run(job.pk) == State.DONE
    assert not renders._finish(lost, state=State.FAILED, error="late")
    job.refresh_from_db()
    assert job.state == State.DONE and job.error == ""


def test_the_sweep_hands_over_a_lapsed_job_and_fails_one_lost_too_often(django_capture_on_commit_callbacks):
    job = renders.request_render("contact-list", 0)
    held_by_another_worker(job, timedelta(seconds=-1))
    assert renders.requeue_due() == 1  # eager here: the task runs at once and finishes it
    job.refresh_from_db()
    assert job.state == State.DONE and job.attempts == 2

    PersonFactory(name="Someone New")
    with django_capture_on_commit_callbacks(execute=False):
        again = renders.request_render("contact-list", 0)
    held_by_another_worker(again, timedelta(seconds=-1))
    RenderJob.objects.filter(pk=again.pk).update(attempts=renders.MAX_ATTEMPTS)
    assert renders.requeue_due() == 0
    again.refresh_from_db()
    assert again.state == State.FAILED and "stopped 3 times" in again.error
    with django_capture_on_commit_callbacks(execute=True):
        retried = renders.retry(again.pk)
    retried.refresh_from_db()
    assert retried.pk != again.pk and retried.state == State.DONE


def test_a_job_with_a_live_lease_or_not_yet_due_is_left_to_its_worker(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        job = renders.request_render("contact-list", 0)
    assert renders.requeue_due() == 0  # handed over a moment ago: not due yet
    held_by_another_worker(job, timedelta(seconds=20))
    assert renders.requeue_due() == 0
    job.refresh_from_db()
    assert job.state == State.RUNNING and job.attempts == 1


@pytest.mark.django_db(transaction=True)
def test_the_lease_is_renewed_while_the_render_runs(settings):
    settings.RENDER_LEASE_SECONDS = 1
    job = renders.request_render("contact-list", 0)
    RenderJob.objects.filter(pk=job.pk).update(state=State.QUEUED)
    claimed, _wait = renders._claim(job.pk)
    first = claimed.lease_expires_at
    with renders._Heartbeat(claimed):
        time.sleep(1.6)  # longer than the lease: without renewals it would have lapsed
        current = RenderJob.objects.get(pk=job.pk)
        assert current.lease_expires_at > first and not current.lease_lapsed
    time.sleep(1.2)
    assert RenderJob.objects.get(pk=job.pk).lease_lapsed  # no heartbeat any more: the worker "died"


def test_a_failed_render_records_its_error(broken_document, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = renders.request_render("broken-test", 0)
    job.refresh_from_db()
    assert job.state == State.FAILED
    assert "TemplateDoesNotExist" in job.error
    assert job.finished_at is not None and not job.output


def test_the_database_refuses_a_done_job_without_its_file():
    with pytest.raises(IntegrityError), transaction.atomic():
        RenderJob.objects.create(
            document="contact-list",
            title="x",
            filename="x.pdf",
            input_hash="x",
            state=State.DONE,
            started_at=timezone.now(),
            finished_at=timezone.now(),
        )


def test_the_database_refuses_a_failed_job_without_an_error():
    with pytest.raises(IntegrityError), transaction.atomic():
        RenderJob.objects.create(
            document="contact-list",
            title="x",
            filename="x.pdf",
            input_hash="x",
            state=State.FAILED,
            finished_at=timezone.now(),
        )


@pytest.mark.django_db(transaction=True)
def test_simultaneous_requests_for_one_document_queue_one_job(broker_down):
    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("needs DATABASE_URL on PostgreSQL: concurrent connections")
    barrier, jobs = threading.Barrier(5), []

    def ask():
        try:
            barrier.wait(timeout=30)
            jobs.append(renders.request_render("contact-list", 0).pk)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ask) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(jobs) == 5 and len(set(jobs)) == 1
    assert RenderJob.objects.count() == 1
