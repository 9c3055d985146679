"""Benchmark: each row of issue 19's table as a ratio to its anchor, measured in one run.

Run: ``DATABASE_URL=postgres://... .venv/bin/python bench/bench_ratios.py`` (``make bench``). Without
``DATABASE_URL`` it runs on a SQLite file in /tmp (the table says which). It loads the demo into a
throwaway database, adds a 300-row matrix (the 2019 rows repeated) and a meeting with 500
invitations, and starts gunicorn (``bench_load.start_gunicorn``: 3 sync workers, DEBUG off) with the
benchmark's own URLs (``bench/anchor_urls.py``: a bare 20 kB view and the same after loading the
user; they exist only here). Then, over loopback, ``ROUNDS`` interleaved rounds in which every page
is hit by ``CLIENTS`` clients at once, ``REQUESTS`` requests each; a page's figure is its median
over the rounds, its ratio that over the bare view's median. Also measured in the same run:

- a cached briefing-sized PDF download (and its 304) against the same file as a static file;
- ``manage.py check`` and a gunicorn worker's memory against a fresh ``django-admin startproject``.

The PDF rows (render in a fresh process and in a warm worker against WeasyPrint alone) are
``bench/bench_pdf.py``'s. Figures on a shared machine are noisy: compare ratios, not req/s.
"""

import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.anchor_settings"  # before bench_load sets its default
STATIC_DIR = Path(tempfile.mkdtemp(prefix="idswg-bench-static-"))
os.environ["BENCH_STATIC_DIR"] = str(STATIC_DIR)
MEDIA_DIR = Path(tempfile.mkdtemp(prefix="idswg-bench-media-"))
os.environ["MEDIA_ROOT"] = str(MEDIA_DIR)
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.gettempdir()}/idswg-bench-ratios.sqlite3"

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_load  # noqa: E402 (sets up Django with the settings above)
from bench_load import ROOT, fetch, hammer  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

bench_load.PORT = 8111  # this engineer's port (bench_load's own is 8160)
bench_load.CLIENTS = 10
bench_load.ROUNDS = int(os.environ.get("BENCH_REQUESTS", 20))  # requests per client, page and round
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
FRESH_PORT = 8112
PDF_BYTES = 260 * 1024  # about the demo briefing's size


def big_matrix(source, rows=300, year=2099, state=None):
    """A report of ``rows`` rows: the rows of ``source`` repeated, in copies of its sections.

    Final as ``source`` unless ``state`` is given: a draft is what the secretariat edits, each row
    with its edit controls (the heaviest page).
    """
    from reports.models import MatrixRow, MatrixSection, Report

    report = Report.objects.get(pk=source.pk)
    report.pk, report.year, report.title = None, year, f"300-row matrix (benchmark, {state or source.state})"
    report.state = state or source.state
    report.save()
    sections = {}
    for section in MatrixSection.objects.filter(report=source).order_by("parent_id", "pk"):
        old = section.pk
        section.pk, section.report = None, report
        section.parent_id = sections.get(section.parent_id)
        section.save()
        sections[old] = section.pk
    originals = list(MatrixRow.objects.filter(section__report=source).order_by("pk"))
    for i in range(rows):
        row = MatrixRow.objects.get(pk=originals[i % len(originals)].pk)
        row.pk, row.section_id, row.position = None, sections[row.section_id], i
        row.save()
    return report


def meeting_with_invitations(count=500):
    from meetings.tests.factories import InvitationFactory, MeetingFactory

    meeting = MeetingFactory(title="Meeting with 500 invitations (benchmark)")
    InvitationFactory.create_batch(count, meeting=meeting)
    return meeting


def cached_download():
    """A finished render of the contact list with a briefing-sized file, and that file as a static file."""
    from idswg.tests.factories import FinishedRenderFactory

    content = b"%PDF-1.7\n" + os.urandom(PDF_BYTES) + b"\n%%EOF\n"
    FinishedRenderFactory(output__data=content)
    (STATIC_DIR / "bench-briefing.pdf").write_bytes(content)
    return reverse("render_download", kwargs={"key": "contact-list", "obj_id": 0}), "/static/bench-briefing.pdf"


def pages(report_2019, report_300, report_300_draft, meeting, download, static_pdf):
    """(label, path, logged in, anchor label) of what is measured over HTTP."""
    return [
        ("bare view", "/bench/bare/", False, None),
        ("bare view touching request.user", "/bench/bare-authenticated/", True, "bare view"),
        ("2019 report matrix", reverse("reports:report_detail", args=[report_2019.pk]), True, "bare view"),
        ("300-row report matrix", reverse("reports:report_detail", args=[report_300.pk]), True, "bare view"),
        ("300-row matrix, draft", reverse("reports:report_detail", args=[report_300_draft.pk]), True, "bare view"),
        ("dashboard, 500 invitations, page 1", reverse("meetings:dashboard", args=[meeting.pk]), True, "bare view"),
        ("static file (the PDF)", static_pdf, False, None),
        ("cached PDF download", download, True, "static file (the PDF)"),
        ("cached PDF download", download, True, "bare view touching request.user"),
    ]


def get(path, headers=None, port=None):
    """One GET over loopback on a new connection: ``(status, response headers, body)``."""
    conn = http.client.HTTPConnection(bench_load.HOST, port or bench_load.PORT, timeout=60)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response, response.read()
    finally:
        conn.close()


def body_size(path, cookie):
    return len(get(path, {"Cookie": cookie} if cookie else {})[2])


def worker_rss_mib(master_pid):
    """The resident memory of each worker (child) of a gunicorn master, in MiB."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(master_pid):
            sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
    return sizes


def fresh_project():
    """A fresh ``django-admin startproject`` in /tmp: the anchor of ``check`` and of memory."""
    folder = Path(tempfile.mkdtemp(prefix="idswg-bench-fresh-"))
    subprocess.run([sys.executable, "-m", "django", "startproject", "fresh", str(folder)], check=True)  # noqa: S603
    return folder


def timed_check(cwd, env):
    start = time.perf_counter()
    subprocess.run([sys.executable, "manage.py", "check"], cwd=cwd, env=env, check=True, capture_output=True)  # noqa: S603
    return time.perf_counter() - start


def check_times(fresh):
    """``manage.py check`` of the portal and of the fresh project, interleaved, ``ROUNDS`` + 2 times each.

    Both with their bytecode cached, as on a server (pip and the first start write it): with
    ``PYTHONDONTWRITEBYTECODE`` set (as some shells and CI images do) every run would compile the
    portal's 150-odd modules again (some 0.13 s) against the fresh project's five. The caches go to
    a temporary ``PYTHONPYCACHEPREFIX``, not into the checkout; one run each fills them first.
    """
    bytecode = {"PYTHONPYCACHEPREFIX": tempfile.mkdtemp(prefix="idswg-bench-pycache-")}
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "DJANGO_SETTINGS_MODULE")}
    portal_env = dict(base, DJANGO_SETTINGS_MODULE="idswg.settings", **bytecode)
    fresh_env = dict(base, **bytecode)
    timed_check(ROOT, portal_env)
    timed_check(fresh, fresh_env)
    portal, anchor = [], []
    for _ in range(ROUNDS + 2):
        portal.append(timed_check(ROOT, portal_env))
        anchor.append(timed_check(fresh, fresh_env))
    return statistics.median(portal), statistics.median(anchor)


def fresh_worker_rss(fresh):
    """A fresh project's gunicorn worker after it answered one request, in MiB."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    command = [sys.executable, "-m", "gunicorn", "fresh.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{FRESH_PORT}"]
    process = subprocess.Popen(command, cwd=fresh, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get("/", port=FRESH_PORT)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        return statistics.median(worker_rss_mib(process.pid))
    finally:
        process.terminate()
        process.wait(timeout=30)


def measure(measured, cookie):
    rates = {label: [] for label, *_rest in measured}
    for _round in range(ROUNDS):  # interleaved: every page once per round, so drifts hit them all alike
        for label, path, logged_in, _anchor in dict.fromkeys(measured):
            if rates[label] and len(rates[label]) > _round:
                continue  # the download is listed twice (two anchors) but measured once a round
            who = cookie if logged_in else ""
            for _ in range(2):
                fetch(path, who)
            rate, _p50, _p95, failures = hammer(path, who)
            if failures:
                raise SystemExit(f"{failures} requests to {path} did not answer 200")
            rates[label].append(rate)
    return {label: statistics.median(values) for label, values in rates.items()}


def not_modified_rate(path, cookie, etag):
    """Requests per second of the download asked again with its ETag (answers 304)."""
    saved = bench_load.fetch

    def conditional(p, c):
        start = time.perf_counter()
        status = get(p, {"Cookie": c, "If-None-Match": etag})[0]
        return (200 if status == 304 else status), time.perf_counter() - start

    bench_load.fetch = conditional
    try:
        return hammer(path, cookie)[0]
    finally:
        bench_load.fetch = saved


def main():
    from idswg.roles import SECRETARIAT
    from idswg.tests.factories import UserFactory
    from reports.models import Report

    setup_test_environment()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    fresh = fresh_project()
    try:
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        report_2019 = Report.objects.get(kind="annual", year=2019)
        report_300 = big_matrix(report_2019)
        report_300_draft = big_matrix(report_2019, year=2098, state=Report.State.DRAFT)
        meeting = meeting_with_invitations()
        download, static_pdf = cached_download()
        client = Client()
        client.force_login(UserFactory(role=SECRETARIAT))
        cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        measured = pages(report_2019, report_300, report_300_draft, meeting, download, static_pdf)
        connection.close()
        with tempfile.NamedTemporaryFile("w", prefix="bench-gunicorn-", suffix=".log") as log:
            process = bench_load.start_gunicorn(log)
            try:
                sizes = {label: body_size(path, cookie if auth else "") for label, path, auth, _a in measured}
                rates = measure(measured, cookie)
                etag = _etag(download, cookie)
                rate_304 = not_modified_rate(download, cookie, etag)
                memory = worker_rss_mib(process.pid)
            finally:
                process.terminate()
                process.wait(timeout=30)
        check_portal, check_fresh = check_times(fresh)
        fresh_memory = fresh_worker_rss(fresh)
        report(measured, rates, sizes, rate_304, memory, fresh_memory, check_portal, check_fresh)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def _etag(path, cookie):
    return get(path, {"Cookie": cookie})[1].getheader("ETag")


def report(measured, rates, sizes, rate_304, memory, fresh_memory, check_portal, check_fresh):
    database = connection.vendor
    print(
        f"gunicorn {bench_load.GUNICORN_WORKERS} sync workers, DEBUG off, {database}; {bench_load.CLIENTS} clients x "
        f"{bench_load.ROUNDS} requests, {ROUNDS} interleaved rounds (medians); {os.cpu_count()} cores, loopback"
    )
    print(f"{'what':44} {'KB':>7} {'req/s':>8} {'anchor':34} {'ratio':>6}")
    for label, _path, _auth, anchor in measured:
        ratio = f"{rates[label] / rates[anchor]:.3f}" if anchor else "1"
        print(f"{label:44} {sizes[label] / 1024:7.0f} {rates[label]:8.1f} {anchor or 'itself':34} {ratio:>6}")
    anchor = "bare view touching request.user"
    worker = statistics.median(memory)
    extra = [
        ("cached PDF download, asked again (304)", "0", f"{rate_304:8.1f}", anchor, f"{rate_304 / rates[anchor]:6.3f}"),
        ("manage.py check", "", f"{check_portal:7.2f}s", "a fresh startproject", f"{check_portal / check_fresh:5.2f}x"),
        (
            "gunicorn worker RSS (MiB, after the load)",
            "",
            f"{worker:8.0f}",
            "a fresh project",
            f"{worker / fresh_memory:5.2f}x",
        ),
    ]
    for label, size, figure, anchor_label, ratio in extra:
        print(f"{label:44} {size:>7} {figure:>8} {anchor_label:34} {ratio:>6}")
    print(f"  (fresh project's worker {fresh_memory:.0f} MiB; fresh check {check_fresh:.2f} s)")


if __name__ == "__main__":
    main()
