"""Benchmark: the briefing's render task against WeasyPrint alone on the same HTML, in one run.

    .venv/bin/python bench/bench_pdf.py [--runs 5]

Loads the demo into a scratch database (SQLite in /tmp unless DATABASE_URL is set),
configures the 2024 High-Level Meeting briefing (invitation and agenda, the 2024
report, the Lao PDR seizure table) and times, alternately:

- WeasyPrint alone: ``HTML(string=html).write_pdf()`` on the HTML the task renders;
- the task: ``render_document`` run in-process on a new job, i.e. everything the
  worker does (read the data, draw the charts, build and hash the HTML, render, store
  the file, record the job).

The first run of each is reported apart (cold caches: fonts, templates, charts). The
portal's overhead is the difference of the medians over WeasyPrint's median; the
target is under 20 %.
"""

import argparse
import io
import os
import statistics
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

import weasyprint  # noqa: E402
from django.core.management import call_command  # noqa: E402

from idswg import documents, pdf  # noqa: E402
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
    start = time.perf_counter()
    source = weasyprint.HTML(string=html, base_url=pdf.BASE_URL, url_fetcher=pdf.StaticFileFetcher())
    content = source.write_pdf(pdf_tags=True)
    return time.perf_counter() - start, content


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
    args = parser.parse_args()
    meeting = prepare()
    document = documents.get(briefing.KEY)
    html = document.html(document.get_object(meeting.pk))
    title = document.title(meeting)

    cold_alone, content = weasyprint_alone(html)
    cold_task, pages = task(meeting, title)
    alone, tasks = [], []
    for _ in range(args.runs):
        alone.append(weasyprint_alone(html)[0])
        tasks.append(task(meeting, title)[0])
    median_alone, median_task = statistics.median(alone), statistics.median(tasks)
    overhead = (median_task - median_alone) / median_alone

    print(f"Briefing: {pages} pages, {len(html) / 1024:.0f} KiB of HTML, {len(content) / 1024:.0f} KiB of PDF")
    print(f"WeasyPrint {weasyprint.__version__}, {args.runs} warm runs each (medians), after one cold run")
    print(f"  cold:  WeasyPrint alone {cold_alone:6.2f} s   task {cold_task:6.2f} s")
    print(f"  warm:  WeasyPrint alone {median_alone:6.2f} s   task {median_task:6.2f} s")
    print(f"  runs (alone): {', '.join(f'{t:.2f}' for t in alone)}")
    print(f"  runs (task):  {', '.join(f'{t:.2f}' for t in tasks)}")
    print(f"Portal overhead: {overhead:+.1%} (target: under 20 %)")
    return 0 if overhead < 0.20 else 1


if __name__ == "__main__":
    sys.exit(main())
