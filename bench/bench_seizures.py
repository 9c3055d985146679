"""Benchmark of the seizure tables: importing 10 countries x 20 years x 10 measures, and the table page.

Run: ``.venv/bin/python bench/bench_seizures.py`` (SQLite by default; set DATABASE_URL for PostgreSQL).
It builds its data in a throwaway test database, measures, prints figures and drops the database.
The import must take under 5 s from upload to commit (read, preview, confirmation, one transaction).
"""

import csv
import io
import random
import statistics
import sys
import time

import _setup  # beside this script: the path, the settings, django.setup()

_setup.django_with_test_settings()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

COUNTRIES, YEARS, MEASURES = 10, 20, 10
LIMIT_SECONDS = 5.0


def build_reference():
    from seizures.models import Country, Measure

    countries = [Country.objects.create(name=f"Country {i}", slug=f"country-{i}") for i in range(COUNTRIES)]
    measures = [
        Measure.objects.create(name=f"Bench drug {i}", unit="kg", slug=f"bench-drug-{i}-kg", display_order=i)
        for i in range(MEASURES)
    ]
    return countries, measures


def long_rows(countries, measures, factor=1.0):
    rng = random.Random(42)
    rows = [["Country", "Year", "Measure", "Value", "Months covered"]]
    for country in countries:
        for measure in measures:
            base = rng.uniform(10, 5000)
            for year in range(2000, 2000 + YEARS):
                months = 6 if year == 2000 + YEARS - 1 else 12
                rows.append([country.name, year, measure.label, round(base * rng.uniform(0.5, 2) * factor, 2), months])
    return rows


def as_csv(rows):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return SimpleUploadedFile("bench.csv", buffer.getvalue().encode())


def as_xlsx(rows):
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("bench.xlsx", buffer.getvalue())


def timed_import(upload, user):
    """Upload -> preview -> confirmation (every flagged value confirmed) -> committed; returns figures."""
    from seizures import import_plan

    start = time.perf_counter()
    batch = import_plan.start_import(upload, user)
    read = time.perf_counter()
    preview = import_plan.plan(batch)
    planned = time.perf_counter()
    data = {"plan_version": preview.version, **{f"confirm-{item['key']}": "1" for item in preview.flags}}
    data.update({f"comment-{item['key']}": "bench" for item in preview.flags})
    with CaptureQueriesContext(connection) as captured:
        result = import_plan.apply(batch.pk, data, user)
    done = time.perf_counter()
    return {
        "read": read - start,
        "preview": planned - read,
        "confirm": done - planned,
        "total": done - start,
        "added": len(result.additions),
        "changed": len(result.changes),
        "flags": len(preview.flags),
        "queries": len(captured),
    }


def report(label, figures):
    verdict = "OK" if figures["total"] < LIMIT_SECONDS else "TOO SLOW"
    print(
        f"{label:34} total {figures['total']:6.2f} s  "
        f"(read {figures['read']:.2f} s, preview {figures['preview']:.2f} s, "
        f"confirm {figures['confirm']:.2f} s, {figures['queries']} queries)  "
        f"added {figures['added']}, changed {figures['changed']}, flagged {figures['flags']}  [{verdict}]"
    )
    return figures["total"] < LIMIT_SECONDS


def bench_table_page(user):
    from seizures.tests.factories import make_table

    client = Client()
    client.force_login(user)
    print(f"{'table page, 8 measures':34} " + "  ".join(f"{n:>4} years" for n in (5, 20, 80)))
    cells = []
    for years in (5, 20, 80):
        country, _measures = make_table(range(1950, 1950 + years), measures=8)
        client.get(country.get_absolute_url())
        times = []
        for _ in range(5):
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                client.get(country.get_absolute_url())
                times.append(time.perf_counter() - start)
        cells.append(f"{statistics.median(times) * 1000:5.1f} ms {len(captured)} q")
    print(f"{'':34} " + "  ".join(cells))


def main():
    from idswg.roles import SECRETARIAT
    from idswg.tests.factories import UserFactory

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"database: {connection.vendor}; {COUNTRIES} countries x {YEARS} years x {MEASURES} measures")
        user = UserFactory(role=SECRETARIAT)
        countries, measures = build_reference()
        ok = report("CSV, long layout, into empty tables", timed_import(as_csv(long_rows(countries, measures)), user))
        ok &= report("XLSX, same values again (no change)", _unchanged(countries, measures, user))
        ok &= report(
            "XLSX, every value changed", timed_import(as_xlsx(long_rows(countries, measures, factor=1.1)), user)
        )
        bench_table_page(user)
        print("import under 5 s:", "yes" if ok else "NO")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    sys.exit(0 if ok else 1)


def _unchanged(countries, measures, user):
    from seizures import import_plan

    start = time.perf_counter()
    batch = import_plan.start_import(as_xlsx(long_rows(countries, measures)), user)
    read = time.perf_counter()
    preview = import_plan.plan(batch)
    done = time.perf_counter()
    assert preview.work == 0 and preview.unchanged == COUNTRIES * YEARS * MEASURES, (preview.work, preview.unchanged)
    return {"read": read - start, "preview": done - read, "confirm": 0.0, "total": done - start, "added": 0,
            "changed": 0, "flags": 0, "queries": 0}  # fmt: skip


if __name__ == "__main__":
    main()
