"""Benchmark of the reports app: the server time of the matrix page as rows grow, and a row save.

Run: ``.venv/bin/python bench/bench_reports.py`` (SQLite by default; set DATABASE_URL for PostgreSQL).
It builds its data in a throwaway test database, measures the median of repeated requests through
Django's test client (the whole server side: middleware, views, queries, templates), prints the
figures and drops the database. The target: the 300-row matrix page under 150 ms.
"""

import statistics
import time

import _setup  # beside this script: the path, the settings, django.setup()

_setup.django_with_test_settings()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

SIZES = (5, 100, 300)
TARGET_MS = 150
# A cell as the seeds have them: a few paragraphs, bold, a list and a link.
PROGRESS = (
    "<p><strong>Regional cooperation:</strong> The Ministry of Public Security have taken an active part in several "
    "regional cooperation forums, including (a) the Mekong MOU on Drug Control, (b) the ASEAN Senior Official "
    "Meeting on Transnational Crime (SOMTC).</p><ul><li>15 existing BLOs</li><li>7 new locations</li></ul>"
    '<p>See <a href="https://www.vanmaicoffee.com" rel="noopener noreferrer">Vanmai coffee</a>.</p>'
)


def build(size, areas, author):
    from reports.models import MatrixRow, RowComment
    from reports.tests.factories import ReportFactory, SectionFactory

    report = ReportFactory(state="review", layout="2015")
    sections = []
    for letter in range(3):
        top = SectionFactory(report=report, title=f"Lettered section {letter}")
        sections += [top, SectionFactory(report=report, parent=top, title="Numbered subsection")]
    rows = MatrixRow.objects.bulk_create(
        MatrixRow(
            section=sections[i % len(sections)],
            position=i,
            outputs=f"<p>Output and activity {i}</p>",
            progress=PROGRESS,
            challenges="<p>Poverty remains the key driving factor for opium cultivation.</p>",
            key_messages="<p>Partners have to be pragmatic.</p>",
            indicator="None",
        )
        for i in range(size)
    )
    through = MatrixRow.priority_areas.through
    through.objects.bulk_create(through(matrixrow=row, priorityarea=area) for row in rows for area in areas)
    RowComment.objects.bulk_create(RowComment(row=row, author=author, body="Please add figures.") for row in rows[::3])
    return report


def timed(client, url, repeat=9):
    times, queries = [], 0
    client.get(url)  # warm the template cache
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return statistics.median(times) * 1000, queries


def bench_matrix_page(client, author):
    from reports.tests.factories import PriorityAreaFactory

    areas = PriorityAreaFactory.create_batch(2)
    print(f"{'matrix page (secretariat)':28} " + " ".join(f"{f'{n} rows':>18}" for n in SIZES))
    cells, figures = [], {}
    for size in SIZES:
        ms, queries = timed(client, build(size, areas, author).get_absolute_url())
        figures[size] = ms
        cells.append(f"{ms:8.1f} ms {queries:3d} q")
    print(f"{'GET /reports/<pk>/':28} " + " ".join(f"{c:>18}" for c in cells))
    verdict = "OK" if figures[300] < TARGET_MS else "TOO SLOW"
    print(f"300 rows: {figures[300]:.1f} ms (target < {TARGET_MS} ms): {verdict}")


def bench_row_save(user, count=200):
    from reports import editing
    from reports.tests.factories import RowFactory, SectionFactory

    section = SectionFactory(report__state="draft")
    rows = [RowFactory(section=section) for _ in range(count)]
    start = time.perf_counter()
    for row in rows:
        editing.save_row(row.pk, row.version, {"progress": PROGRESS}, user)
    elapsed = time.perf_counter() - start
    print(f"editing.save_row (sanitise, lock, conditional UPDATE, history): {elapsed / count * 1000:.1f} ms each")


def main():
    from django.template import Template

    from idswg.roles import SECRETARIAT
    from idswg.tests.factories import UserFactory

    server_render = Template._render
    setup_test_environment()
    Template._render = server_render  # time templates as a server renders them, without the test signal per render
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"database: {connection.vendor}")
        user = UserFactory(role=SECRETARIAT)
        client = Client()
        client.force_login(user)
        bench_matrix_page(client, user)
        bench_row_save(user)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
