"""Load benchmark: requests per second and latency under gunicorn on PostgreSQL, 20 clients at once.

Run: ``DATABASE_URL=postgres://... .venv/bin/python bench/bench_load.py`` (``make bench``). It creates
a throwaway database with the demo content, starts ``gunicorn idswg.wsgi`` with 3 sync workers (as
the README's deployment) on 127.0.0.1:8160, and lets 20 client threads each fetch every page
``ROUNDS`` times over loopback: the report matrix, the Lao PDR seizure table, an RSVP page (by its
link, no login) and the login page. It prints requests per second and the median and 95th
percentile of the response times, then stops gunicorn and drops the database. Without PostgreSQL
it says so and measures nothing. A benchmark, not a test: it fails only if a page does not answer 200.
"""

import http.client
import io
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "idswg.settings")
os.environ.pop("REDIS_URL", None)  # the pages measured queue nothing; the demo's tasks run in-process
os.environ.setdefault("LOG_LEVEL", "WARNING")

from idswg.testing import use_test_environment  # noqa: E402

use_test_environment()  # the tests' settings: DEBUG off, plain HTTP, static files unhashed

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

HOST, PORT = "127.0.0.1", 8160
CLIENTS = 20
ROUNDS = 25  # requests per client and page: 500 per page
GUNICORN_WORKERS = 3


def pages():
    """(label, path, logged in) of the pages measured, on the demo content."""
    from meetings.models import Invitation, Meeting
    from reports.models import MatrixRow, Report
    from seizures.models import Country

    report = Report.objects.get(kind="annual", year=2019)  # the demo's fullest matrix
    hlm = Meeting.objects.get(kind="high_level", starts_at__year=2024)
    invitation = Invitation.objects.filter(meeting=hlm).order_by("pk").first()
    lao = Country.objects.get(name="Lao PDR")
    rows = MatrixRow.objects.filter(section__report=report).count()
    return [
        (f"report matrix ({report.year}, {rows} rows)", reverse("reports:report_detail", args=[report.pk]), True),
        ("seizure table (Lao PDR)", reverse("seizures:table", args=[lao.slug]), True),
        ("RSVP page (by link)", invitation.get_absolute_url(), False),
        ("login page", reverse("login"), False),
    ]


def fetch(path, cookie):
    """One GET on a new connection (gunicorn's sync workers close each one); returns (status, seconds)."""
    start = time.perf_counter()
    conn = http.client.HTTPConnection(HOST, PORT, timeout=60)
    try:
        conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = conn.getresponse()
        response.read()
        return response.status, time.perf_counter() - start
    finally:
        conn.close()


def hammer(path, cookie):
    """CLIENTS threads, ROUNDS requests each; returns (requests per second, p50 ms, p95 ms, non-200 count)."""
    times, failures, lock = [], [], threading.Lock()
    barrier = threading.Barrier(CLIENTS + 1)

    def client():
        barrier.wait()
        mine = []
        for _ in range(ROUNDS):
            status, seconds = fetch(path, cookie)
            mine.append(seconds)
            if status != 200:
                with lock:
                    failures.append(status)
        with lock:
            times.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    cuts = statistics.quantiles(times, n=100)
    return len(times) / elapsed, statistics.median(times) * 1000, cuts[94] * 1000, len(failures)


def start_gunicorn(log):
    db = connection.settings_dict
    auth = f"{db['USER']}{':' + db['PASSWORD'] if db.get('PASSWORD') else ''}@" if db.get("USER") else ""
    env = dict(
        os.environ,
        DATABASE_URL=f"postgres://{auth}{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}",
    )
    command = [sys.executable, "-m", "gunicorn", "idswg.wsgi", "--workers", str(GUNICORN_WORKERS)]
    command += ["--bind", f"{HOST}:{PORT}", "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603 (fixed)
    deadline = time.monotonic() + 60
    while True:
        try:
            if fetch(reverse("login"), "")[0] == 200:
                return process
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise SystemExit(f"gunicorn did not start: {Path(log.name).read_text()[-2000:]}")
        time.sleep(0.3)


def main():
    if connection.vendor != "postgresql":
        print("bench_load: needs DATABASE_URL on PostgreSQL (the load figures are PostgreSQL's); skipped")
        return
    from idswg.roles import SECRETARIAT
    from idswg.tests.factories import UserFactory

    setup_test_environment()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_demo", stdout=io.StringIO())
        client = Client()
        client.force_login(UserFactory(role=SECRETARIAT))
        cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        measured = pages()
        connection.close()  # gunicorn's workers open their own connections
        with tempfile.NamedTemporaryFile("w", prefix="bench-gunicorn-", suffix=".log") as log:
            process = start_gunicorn(log)
            try:
                measure(measured, cookie)
            finally:
                process.terminate()
                process.wait(timeout=30)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def measure(measured, cookie):
    print(f"gunicorn, {GUNICORN_WORKERS} sync workers, PostgreSQL; {CLIENTS} clients x {ROUNDS} requests a page")
    print(f"{'page':36} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for label, path, logged_in in measured:
        for _ in range(2):  # warm the workers' connections and template caches
            fetch(path, cookie if logged_in else "")
        rate, p50, p95, failures = hammer(path, cookie if logged_in else "")
        print(f"{label:36} {rate:8.1f} {p50:8.1f} {p95:8.1f}")
        if failures:
            raise SystemExit(f"{failures} requests to {path} did not answer 200")


if __name__ == "__main__":
    main()
