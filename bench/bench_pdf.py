"""Benchmark: the briefing's render task against WeasyPrint alone on the same HTML, in one run.

    .venv/bin/python bench/bench_pdf.py [--runs 5]

Loads the demo into a scratch database (SQLite in /tmp unless DATABASE_URL is set),
configures the 2024 High-Level Meeting briefing (invitation and agenda, the 2024
report, the Lao PDR seizure table) and times, alternately:

- WeasyPrint alone: ``HTML(string=html).write_pdf()`` on the HTML the task renders;
- the task: ``render_document`` run in-process on a new job, i.e. everything the
  worker does (read the data, draw the charts, build and hash the HTML, render, store
  the file, record the job).

Warm: the medians of ``--runs`` alternate runs in this process, after one run of each
(fonts, templates and charts cached). Cold, counted whole: a fresh Python process, timed
from outside from its start to its exit, that either renders the same HTML with WeasyPrint
alone, or starts like a Celery worker process (Django, then ``worker_process_init``, which
loads WeasyPrint and matplotlib) and runs the task on a new job. The portal's overhead is
the ratio of the medians; the targets: warm within 1.05x, cold reported as measured.
"""

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.gettempdir()}/idswg-bench-pdf.sqlite3")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="idswg-bench-pdf-"))
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "idswg.settings")
os.environ.pop("REDIS_URL", None)  # the task runs in this process, timed without a broker

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from idswg import documents, lao_fonts, pdf  # noqa: E402
from idswg.lao_breaks import break_lao_html  # noqa: E402
from idswg.models import RenderJob  # noqa: E402
from idswg.tasks import render_document  # noqa: E402
from meetings.models import Meeting  # noqa: E402
from reports import briefing  # noqa: E402
from reports.models import Report  # noqa: E402
from seizures.models import Country  # noqa: E402


def prepare():
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    meeting = Meeting.objects.get(kind=Meeting.Kind.HIGH_LEVEL, starts_at__year=2024)
    briefing.configure(
        meeting,
        report=Report.objects.get(kind=Report.Kind.ANNUAL, year=2024),
        countries=Country.objects.filter(name="Lao PDR"),
    )
    RenderJob.objects.filter(document=briefing.KEY).delete()
    return meeting


def weasyprint_alone(html):
    import weasyprint

    from idswg import pdf_engine

    start = time.perf_counter()
    source = weasyprint.HTML(string=html, base_url=pdf.BASE_URL, url_fetcher=pdf_engine.StaticFileFetcher())
    content = source.write_pdf(pdf_tags=True)
    return time.perf_counter() - start, content


# A fresh process with WeasyPrint and nothing of the portal: static URLs read from the folder given.
ALONE_SCRIPT = """
import sys, weasyprint
from pathlib import Path
from weasyprint.urls import URLFetcher
html_file, static, prefix = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
class Fetcher(URLFetcher):
    def fetch(self, url, headers=None):
        if url.startswith(prefix):
            url = (static / url[len(prefix):]).as_uri()
        return super().fetch(url, headers)
base = prefix.rsplit("static/", 1)[0]
weasyprint.HTML(string=html_file.read_text(), base_url=base, url_fetcher=Fetcher()).write_pdf(pdf_tags=True)
"""


def cold_alone(html_file):
    """WeasyPrint alone in a fresh process on the same HTML, counted whole (start to exit)."""
    start = time.perf_counter()
    static = ROOT / "static"
    command = [sys.executable, "-c", ALONE_SCRIPT, str(html_file), str(static), pdf.BASE_URL + "static/"]
    subprocess.run(command, check=True)  # noqa: S603 (our interpreter and script)
    return time.perf_counter() - start


def cold_task(meeting, title):
    """A fresh worker-like process (Django, ``worker_process_init``, one task), counted whole."""
    job = RenderJob.objects.create(
        document=briefing.KEY, object_id=meeting.pk, title=title, filename="bench.pdf", input_hash=""
    )
    start = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--cold-job", str(job.pk)], check=True)  # noqa: S603
    elapsed = time.perf_counter() - start
    job.refresh_from_db()
    assert job.state == RenderJob.State.DONE, job.error
    return elapsed


def run_cold_job(job_id):
    """In the fresh process: start as a worker process does, then run the task once."""
    from celery.signals import worker_process_init

    worker_process_init.send(sender=None)
    render_document.apply(args=[job_id]).get()


def task(meeting, title):
    job = RenderJob.objects.create(
        document=briefing.KEY, object_id=meeting.pk, title=title, filename="bench.pdf", input_hash=""
    )
    start = time.perf_counter()
    state = render_document.apply(args=[job.pk]).get()
    elapsed = time.perf_counter() - start
    assert state == RenderJob.State.DONE, RenderJob.objects.get(pk=job.pk).error
    # Only one job of a document may be done at a time in a benchmark's eyes: keep the table small.
    job.refresh_from_db()
    return elapsed, job.pages


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--cold-job", type=int, help=argparse.SUPPRESS)  # the fresh process's own call
    args = parser.parse_args()
    if args.cold_job:
        return run_cold_job(args.cold_job)
    meeting = prepare()
    document = documents.get(briefing.KEY)
    # The HTML WeasyPrint is given: the document's, with the Lao breaks and fonts the renderer adds.
    html = lao_fonts.prepare(break_lao_html(document.html(document.get_object(meeting.pk))))
    title = document.title(meeting)
    html_file = Path(tempfile.mkdtemp(prefix="idswg-bench-pdf-")) / "briefing.html"
    html_file.write_text(html)

    cold_alones, cold_tasks = [], []
    for _ in range(args.cold_runs):  # interleaved, fresh processes: nothing cached but the OS's files
        cold_alones.append(cold_alone(html_file))
        cold_tasks.append(cold_task(meeting, title))
    _first, content = weasyprint_alone(html)  # the warm runs' own first run, not counted
    _first, pages = task(meeting, title)
    alone, tasks = [], []
    for _ in range(args.runs):
        alone.append(weasyprint_alone(html)[0])
        tasks.append(task(meeting, title)[0])
    median_alone, median_task = statistics.median(alone), statistics.median(tasks)
    cold_a, cold_t = statistics.median(cold_alones), statistics.median(cold_tasks)

    print(f"Briefing: {pages} pages, {len(html) / 1024:.0f} KiB of HTML, {len(content) / 1024:.0f} KiB of PDF")
    print(
        f"{pdf.renderer()}; medians of {args.cold_runs} cold (fresh processes) and {args.runs} warm runs, interleaved"
    )
    print(f"  cold, counted whole: WeasyPrint alone {cold_a:6.2f} s   worker process + task {cold_t:6.2f} s"
          f"   ratio {cold_t / cold_a:.2f}x")  # fmt: skip
    print(f"  warm:                WeasyPrint alone {median_alone:6.2f} s   task {median_task:6.2f} s"
          f"   ratio {median_task / median_alone:.2f}x (target 1.05x)")  # fmt: skip
    print(f"  runs cold (alone / task): {', '.join(f'{t:.2f}' for t in cold_alones)} / "
          f"{', '.join(f'{t:.2f}' for t in cold_tasks)}")  # fmt: skip
    print(
        f"  runs warm (alone / task): {', '.join(f'{t:.2f}' for t in alone)} / {', '.join(f'{t:.2f}' for t in tasks)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
