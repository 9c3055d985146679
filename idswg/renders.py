"""PDF render jobs: request one, run it in a Celery task, find the file to serve.

The shape is pretix's cached tickets: a request fingerprints the document's input
(``Document.fingerprint``) and, if the latest finished render has the same
fingerprint, returns it: nothing is rendered twice. Otherwise it records a queued
:class:`RenderJob` and a worker runs ``run(job_id)``, which is idempotent: a job
already done, or being rendered by a live worker, is left alone.

Each attempt owns the job through a lease (``owner``, ``lease_expires_at``) that it
renews every third of ``RENDER_LEASE_SECONDS`` while WeasyPrint works. A worker killed
mid-render (kill -9, out of memory, deploy) stops renewing it: the task Celery delivers
again waits for the lease to lapse and takes the job over, and the outbox sweep
(``requeue_due``, every minute) hands over lapsed and never-delivered jobs, so a render
goes on by itself about a lease after a crash. After ``MAX_ATTEMPTS`` lost attempts the
job is failed, with the reason on the page and a button to try again.
"""

import logging
import os
import socket
import threading
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import documents, outbox, pdf
from .models import RenderJob

logger = logging.getLogger(__name__)
State = RenderJob.State

#: Attempts whose worker was lost before a job counts as failed (a document that kills its worker).
MAX_ATTEMPTS = 3
#: A job handed to the broker but not started this long after is handed over again.
REQUEUE_AFTER = timedelta(minutes=2)


def lease():
    return timedelta(seconds=settings.RENDER_LEASE_SECONDS)


def _lapsed(now):
    return Q(state=State.RUNNING) & (Q(lease_expires_at__lt=now) | Q(lease_expires_at__isnull=True))


def _due(now):
    return Q(next_attempt_at__lte=now) | Q(next_attempt_at__isnull=True)


def requeue_due(now=None, limit=100):
    """Hand over again the jobs never delivered and those whose worker was lost (the outbox sweep).

    A job lost ``MAX_ATTEMPTS`` times is failed instead. Returns how many were handed over.
    """
    now = now or timezone.now()
    with transaction.atomic():
        RenderJob.objects.filter(_lapsed(now), attempts__gte=MAX_ATTEMPTS).update(
            state=State.FAILED,
            finished_at=now,
            lease_expires_at=None,
            error=_("The PDF renderer stopped %(count)s times while making this PDF. Try again.")
            % {"count": MAX_ATTEMPTS},
        )
        ids = list(
            RenderJob.objects.select_for_update(skip_locked=True)
            .filter(_due(now), Q(state=State.QUEUED) | _lapsed(now))
            .order_by("requested_at")
            .values_list("pk", flat=True)[:limit]
        )
        RenderJob.objects.filter(pk__in=ids).update(next_attempt_at=now + REQUEUE_AFTER)
    from .tasks import render_document

    return outbox.hand_over_many(
        render_document, ids, lambda rest: RenderJob.objects.filter(pk__in=rest).update(next_attempt_at=now)
    )


def _due_now(job_id):
    RenderJob.objects.filter(pk=job_id, state=State.QUEUED).update(next_attempt_at=timezone.now())


def _hand_over_after_commit(job):
    from .tasks import render_document  # here: the tasks module imports this one

    outbox.after_commit(render_document, job, on_failure=_due_now)


def latest(key, obj_id):
    """The most recent job of a document (any state), or None."""
    return RenderJob.objects.filter(document=key, object_id=obj_id).order_by("-requested_at", "-pk").first()


def latest_done(key, obj_id):
    """The most recent finished render of a document: what a download serves.

    In SQL of its own, the same as ``filter(document=..., object_id=..., state=DONE)
    .order_by("-finished_at", "-pk").first()``: every download asks it, and the ORM's building
    of that query cost three times its round trip to PostgreSQL (0.8 of 1.2 ms; issue 19).
    """
    jobs = RenderJob.objects.raw(_LATEST_DONE, [key, obj_id, State.DONE])
    return next(iter(jobs), None)


def _latest_done_sql():
    """``latest_done``'s query; table and column names from the model's own metadata, values as parameters."""
    meta = RenderJob._meta
    document, object_id, state, finished = (
        meta.get_field(n).column for n in ("document", "object_id", "state", "finished_at")
    )
    where = f"{document} = %s AND {object_id} = %s AND {state} = %s"
    return f"SELECT * FROM {meta.db_table} WHERE {where} ORDER BY {finished} DESC, {meta.pk.column} DESC LIMIT 1"  # noqa: S608


_LATEST_DONE = _latest_done_sql()


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
    now = timezone.now()
    active = RenderJob.objects.filter(document=key, object_id=obj_id, state__in=[State.QUEUED, State.RUNNING]).first()
    if active:
        # Asked again while the broker never got it, or its worker was lost: hand it over again now.
        stuck = Q(state=State.QUEUED) | _lapsed(now)
        if RenderJob.objects.filter(stuck, _due(now), pk=active.pk).update(next_attempt_at=now + REQUEUE_AFTER):
            _hand_over_after_commit(active)
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
        next_attempt_at=now + REQUEUE_AFTER,
    )
    try:
        with transaction.atomic():
            job.save()
    except IntegrityError:
        # Someone queued the same document a moment ago: theirs will do.
        return latest(key, obj_id)
    _hand_over_after_commit(job)
    return job


def _claim(job_id):
    """Take the job for this attempt: ``(job, None)``; ``(None, seconds)`` while another attempt
    holds a live lease; ``(None, None)`` when there is nothing to do."""
    with transaction.atomic():
        job = RenderJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.state in (State.DONE, State.FAILED):
            return None, None
        now = timezone.now()
        if job.state == State.RUNNING and job.lease_expires_at and job.lease_expires_at > now:
            return None, (job.lease_expires_at - now).total_seconds() + 1  # another worker is on it
        if job.state == State.RUNNING and job.attempts >= MAX_ATTEMPTS:
            job.state = State.FAILED
            job.finished_at = now
            job.lease_expires_at = None
            job.error = _("The PDF renderer stopped %(count)s times while making this PDF. Try again.") % {
                "count": MAX_ATTEMPTS
            }
            job.save(update_fields=["state", "finished_at", "lease_expires_at", "error"])
            return None, None
        job.state = State.RUNNING
        job.started_at = now
        job.finished_at = None
        job.error = ""
        job.attempts += 1
        job.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"[:100]
        job.lease_expires_at = now + lease()
        job.next_attempt_at = None
        job.save(
            update_fields=[
                "state",
                "started_at",
                "finished_at",
                "error",
                "attempts",
                "owner",
                "lease_expires_at",
                "next_attempt_at",
            ]
        )
        return job, None


class _Heartbeat:
    """Renews the job's lease from a thread of its own while the render runs.

    Not inside an atomic block (a test, an eager task in a transaction): the claim is not
    committed there, so nobody else can see the job, and another connection would only
    wait for its lock.
    """

    def __init__(self, job):
        self.job = job
        self.stopped = threading.Event()
        self.thread = None

    def __enter__(self):
        if not connection.in_atomic_block:
            self.thread = threading.Thread(target=self._beat, name=f"render-lease-{self.job.pk}", daemon=True)
            self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stopped.set()
        if self.thread is not None:
            self.thread.join(timeout=10)

    def _beat(self):
        interval = settings.RENDER_LEASE_SECONDS / 3
        try:
            while not self.stopped.wait(interval):
                renewed = RenderJob.objects.filter(pk=self.job.pk, owner=self.job.owner, state=State.RUNNING).update(
                    lease_expires_at=timezone.now() + lease()
                )
                if not renewed:
                    return  # taken over or finished: nothing left to renew
        finally:
            connection.close()


def _finish(job, **fields):
    """Record the outcome unless another attempt took the job over meanwhile."""
    with transaction.atomic():
        current = RenderJob.objects.select_for_update().get(pk=job.pk)
        if current.state != State.RUNNING or current.owner != job.owner:
            return False
        for name, value in fields.items():
            setattr(current, name, value)
        current.finished_at = timezone.now()
        current.lease_expires_at = None
        current.save()
    job.refresh_from_db()
    return True


def run(job_id):
    """Render one job. Safe to call twice; returns the job's state."""
    return run_or_wait(job_id)[0]


def run_or_wait(job_id):
    """Render one job (the Celery task's body): ``(state, None)``, or ``(state, seconds)`` to try
    again in when another attempt holds the job (its lease may lapse: its worker may be dead)."""
    job, wait = _claim(job_id)
    if job is None:
        return RenderJob.objects.filter(pk=job_id).values_list("state", flat=True).first(), wait
    return _render(job), None


def _render(job):
    try:
        document = documents.get(job.document)
        obj = document.get_object(job.object_id)
        input_hash = document.fingerprint(obj)
        with _Heartbeat(job):
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
