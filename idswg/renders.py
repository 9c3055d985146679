"""PDF render jobs: request one, run it in a Celery task, find the file to serve.

The shape is pretix's cached tickets: a request fingerprints the document's input
(``Document.fingerprint``) and, if the latest finished render has the same
fingerprint, returns it: nothing is rendered twice. Otherwise it records a queued
:class:`RenderJob` and a worker runs ``run(job_id)``, which is idempotent: a job
already done, or being rendered by a live worker, is left alone.

A worker killed mid-render (time limit, crash, deploy) leaves its job "running";
such a job counts as lost once it is older than the task's hard time limit, and is
then marked failed so it can be retried.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import documents, pdf
from .models import RenderJob

logger = logging.getLogger(__name__)
State = RenderJob.State

#: How long a job may sit queued before it counts as lost (the broker redelivers
#: unacknowledged tasks after its visibility timeout, which is longer than this).
QUEUED_TIMEOUT = timedelta(hours=1)


def running_timeout():
    """A job running longer than the task's hard time limit has lost its worker."""
    return timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 30)


def fail_lost_jobs(now=None):
    """Mark failed the jobs whose worker died or whose task never arrived; returns how many."""
    now = now or timezone.now()
    lost_running = Q(state=State.RUNNING, started_at__lt=now - running_timeout())
    lost_queued = Q(state=State.QUEUED, requested_at__lt=now - QUEUED_TIMEOUT)
    return RenderJob.objects.filter(lost_running | lost_queued).update(
        state=State.FAILED,
        finished_at=now,
        error=_("The render did not finish: the worker stopped or the task was lost. Try again."),
    )


def latest(key, obj_id):
    """The most recent job of a document (any state), or None."""
    return RenderJob.objects.filter(document=key, object_id=obj_id).order_by("-requested_at", "-pk").first()


def latest_done(key, obj_id):
    """The most recent finished render of a document: what a download serves."""
    jobs = RenderJob.objects.filter(document=key, object_id=obj_id, state=State.DONE)
    return jobs.order_by("-finished_at", "-pk").first()


def request_render(key, obj_id, user=None):
    """Make sure a PDF of the document's current content exists or is on its way.

    Returns the finished job when its input is unchanged, the job already queued
    or running, or a newly queued job (whose task starts once the transaction commits).
    """
    document = documents.get(key)
    obj = document.get_object(obj_id)
    try:
        input_hash = document.fingerprint(obj)
    except Exception:  # a broken template: the task will fail and show why on the page
        logger.exception("cannot build the HTML of %s %s", key, obj_id)
        input_hash = ""
    fail_lost_jobs()
    active = RenderJob.objects.filter(document=key, object_id=obj_id, state__in=[State.QUEUED, State.RUNNING]).first()
    if active:
        return active
    done = latest_done(key, obj_id)
    if done and done.input_hash == input_hash and done.output.storage.exists(done.output.name):
        return done
    job = RenderJob(
        document=key,
        object_id=obj_id,
        title=document.title(obj)[:300],
        filename=document.filename(obj)[:120],
        requested_by=user if user is not None and user.is_authenticated else None,
        input_hash=input_hash,
    )
    try:
        with transaction.atomic():
            job.save()
    except IntegrityError:
        # Someone queued the same document a moment ago: theirs will do.
        return latest(key, obj_id)
    from .tasks import render_document  # here: the tasks module imports this one

    transaction.on_commit(lambda: render_document.delay(job.pk))
    return job


def _claim(job_id):
    """Mark the job running for this attempt; None when there is nothing to do."""
    with transaction.atomic():
        job = RenderJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.state in (State.DONE, State.FAILED):
            return None
        now = timezone.now()
        if job.state == State.RUNNING and job.started_at > now - running_timeout():
            return None  # another worker is on it (a redelivered task)
        job.state = State.RUNNING
        job.started_at = now
        job.finished_at = None
        job.error = ""
        job.attempts += 1
        job.save(update_fields=["state", "started_at", "finished_at", "error", "attempts"])
        return job


def _finish(job, **fields):
    """Record the outcome unless another attempt took the job over meanwhile."""
    with transaction.atomic():
        current = RenderJob.objects.select_for_update().get(pk=job.pk)
        if current.state != State.RUNNING or current.attempts != job.attempts:
            return False
        for name, value in fields.items():
            setattr(current, name, value)
        current.finished_at = timezone.now()
        current.save()
    job.refresh_from_db()
    return True


def run(job_id):
    """Render one job (the Celery task's body). Safe to call twice; returns the job's state."""
    job = _claim(job_id)
    if job is None:
        return RenderJob.objects.filter(pk=job_id).values_list("state", flat=True).first()
    try:
        document = documents.get(job.document)
        obj = document.get_object(job.object_id)
        input_hash = document.fingerprint(obj)
        content, pages = pdf.render(document.html(obj))
    except (KeyboardInterrupt, SystemExit):
        raise  # the worker is stopping; the render did not fail, the job is left to the next attempt
    except BaseException as exc:  # shown on the page, not raised at a worker; WeasyPrint's
        # FatalURLFetchingError (a static file it cannot read) derives from BaseException
        logger.exception("render of %s %s failed", job.document, job.object_id)
        _finish(job, state=State.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000] or _("Unknown error"))
        return job.state
    storage = job.output.storage
    name = storage.save(
        job.output.field.generate_filename(job, f"{job.document}-{job.object_id}-{job.pk}.pdf"), ContentFile(content)
    )
    finished = _finish(
        job,
        state=State.DONE,
        output=name,
        input_hash=input_hash,
        title=document.title(obj)[:300],
        filename=document.filename(obj)[:120],
        pages=pages,
        error="",
    )
    if not finished:  # another attempt owns the job now; its file is the one kept
        storage.delete(name)
    return job.state


def retry(job_id, user=None):
    """Queue a failed job's document again (its content may have changed meanwhile)."""
    job = RenderJob.objects.get(pk=job_id)
    return request_render(job.document, job.object_id, user)


def status(key, obj_id, user):
    """What a status fragment shows: the latest job, the file to download, and whether it is stale."""
    document = documents.get(key)
    obj = document.get_object(obj_id)
    fail_lost_jobs()
    job = latest(key, obj_id)
    done = latest_done(key, obj_id)
    stale = False
    if done and not (job and job.is_active):  # while a render runs, polls stay cheap
        try:
            stale = done.input_hash != document.fingerprint(obj)
        except Exception:  # shown as the failed job's error once it runs
            stale = True
    return {
        "document": document,
        "obj_id": obj_id,
        "title": document.title(obj),
        "job": job,
        "done": done,
        "stale": stale,
    }
