"""Fixtures every app's tests share: users of each role, and a real Celery worker."""

import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import translation

from idswg import celery_app
from idswg.roles import COCHAIR, PARTNER, SECRETARIAT
from idswg.tests.factories import OrganisationFactory, UserFactory

ROOT = Path(__file__).resolve().parent


@pytest.fixture
def secretariat(db):
    return UserFactory(username="sec", role=SECRETARIAT)


@pytest.fixture
def cochair(db):
    return UserFactory(username="cochair", role=COCHAIR)


@pytest.fixture
def partner(db):
    return UserFactory(username="partner", role=PARTNER, organisation=OrganisationFactory(name="Embassy of Japan"))


@pytest.fixture
def session_queries():
    """Queries a signed-in request spends on its session: 1 from the database, 0 when the
    session is cached in Redis (``cached_db`` with REDIS_URL set, as in CI)."""
    return 0 if settings.SESSION_ENGINE.endswith("cached_db") else 1


@pytest.fixture
def client_for(client):
    """``client_for(user)``: a test client logged in as ``user`` (None: anonymous).

    ``force_login`` bypasses the log-in throttle (django-axes). To test a password, post the login
    form: ``client.login()`` without ``request=`` is refused by axes' backend, which needs the request.
    """

    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def _tasks_in_process(request):
    """Tests run Celery tasks in-process unless they ask for the real worker."""
    eager = "real_celery_worker" not in request.fixturenames
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = eager
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture(autouse=True, scope="session")
def _check_cached_html():
    """Every fragment served from the cache is rendered again and compared (``idswg.cached_html``):
    a change that forgot to renew its stamp fails the first test that reads the page after it."""
    settings.CACHED_HTML_CHECK = True
    yield
    del settings.CACHED_HTML_CHECK


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in English: a request in Lao leaves Lao active in the thread (LocaleMiddleware
    does not switch back), and with names in both languages ``Organisation(name=...)`` would then
    write the Lao field (modeltranslation writes the active language's)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _worker_database_url():
    db = connection.settings_dict
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    return f"postgres://{auth}{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


def start_celery_worker(queue, mail_dir, extra_env=None, new_session=False, name=None):
    """``(process, log)``: a real ``celery worker`` on ``queue`` (node ``name``, ``queue@host`` by
    default), sharing the test database.

    ``new_session`` puts it and its pool in a process group of their own, which a test may kill
    whole (``os.killpg``) as a crash or an out-of-memory kill of the machine would.
    """
    env = dict(
        os.environ,
        DATABASE_URL=_worker_database_url(),
        CELERY_QUEUE=queue,
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=mail_dir,
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        **(extra_env or {}),
    )
    log = open(Path(tempfile.mkdtemp(prefix="idswg-worker-log-")) / "worker.log", "w")  # noqa: SIM115
    command = [sys.executable, "-m", "celery", "-A", "idswg", "worker", "-Q", queue, "-c", "2", "-l", "info"]
    command += ["--without-gossip", "--without-mingle", "-n", f"{name or queue}@%h"]
    process = subprocess.Popen(  # noqa: S603 (our own interpreter)
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=new_session
    )
    process.node = command[-1].replace("%h", os.uname().nodename)
    return process, log


def wait_until_up(process, log, seconds=60):
    """Return once the worker ``process`` answers a ping; RuntimeError with its log if it never does."""
    deadline = time.monotonic() + seconds
    while not celery_app.control.ping(destination=[process.node], timeout=1):
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the Celery worker did not start: {Path(log.name).read_text()[-2000:]}")


def rendering_now(key, obj_id, log_path, seconds=60):
    """A render of document ``key`` requested and seen running on a real worker (its lease taken).

    Fails with the worker's log ``log_path`` if no worker has started it within ``seconds``.
    """
    from idswg import renders
    from idswg.models import RenderJob

    job = renders.request_render(key, obj_id)
    deadline = time.monotonic() + seconds
    while not (job.state == RenderJob.State.RUNNING and job.owner):
        assert time.monotonic() < deadline, f"never started: {Path(log_path).read_text()[-2000:]}"
        time.sleep(0.02)
        job.refresh_from_db()
    return job


@pytest.fixture(scope="session")
def real_celery_worker(django_db_setup, django_db_blocker):
    """A real ``celery worker`` process on Redis, sharing the test database.

    Tests using it need ``@pytest.mark.django_db(transaction=True)`` so the worker
    sees their data. Mail the worker sends lands as files in ``worker.mail_dir``.
    """
    if not settings.REDIS_URL:
        pytest.skip("needs REDIS_URL: a Redis broker and a real Celery worker (CI sets it)")
    if connection.vendor != "postgresql":
        pytest.skip("needs DATABASE_URL on PostgreSQL: the worker shares the test database")
    queue = f"idswg-test-{uuid.uuid4().hex[:8]}"
    mail_dir = tempfile.mkdtemp(prefix="idswg-worker-mail-")
    process, log = start_celery_worker(queue, mail_dir)
    previous_queue = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue
    try:
        wait_until_up(process, log)
        yield type("Worker", (), {"process": process, "mail_dir": Path(mail_dir), "queue": queue, "log": log.name})
    finally:
        celery_app.conf.task_default_queue = previous_queue
        _stop(process, log)


def _stop(process, log):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


def _forget_broker_connections():
    """Drop the app's pooled broker connections, so the next publish connects to ``broker_url`` anew."""
    celery_app._pool = None
    if "amqp" in celery_app.__dict__:
        celery_app.amqp._producer_pool = None


@pytest.fixture
def broker_down():
    """This process's broker is a closed port on loopback, as when Redis is down.

    Tasks are not run in-process: what is queued must wait in the outbox. ``broker_down.restore()``
    brings the broker back (also done at the end of the test).
    """
    with socket.socket() as probe:  # a port nothing listens on: connecting is refused at once
        probe.bind(("127.0.0.1", 0))
        closed = f"redis://127.0.0.1:{probe.getsockname()[1]}/0"
    previous = celery_app.conf.broker_url, celery_app.conf.task_always_eager

    def restore():
        _forget_broker_connections()
        celery_app.conf.broker_url, celery_app.conf.task_always_eager = previous

    _forget_broker_connections()
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = closed, False
    yield type("BrokerDown", (), {"url": closed, "restore": staticmethod(restore)})
    restore()


@pytest.fixture
def start_beat(real_celery_worker):
    """``start_beat()``: a real ``celery beat`` sending the outbox sweep every second to the worker's queue."""
    processes = []

    def start():
        folder = Path(tempfile.mkdtemp(prefix="idswg-beat-"))
        log = open(folder / "beat.log", "w")
        env = dict(
            os.environ,
            DATABASE_URL=_worker_database_url(),
            CELERY_QUEUE=real_celery_worker.queue,
            OUTBOX_SWEEP_SECONDS="1",
        )
        command = [sys.executable, "-m", "celery", "-A", "idswg", "beat", "-l", "info"]
        command += ["-s", str(folder / "schedule"), "--pidfile", str(folder / "beat.pid")]
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        processes.append((process, log))
        return type("Beat", (), {"process": process, "log": log.name})

    yield start
    for process, log in processes:
        _stop(process, log)
