"""Property: whatever a table holds, each of its exports re-imports to the very same stored values.

Hypothesis generates stored tables (figures with their written decimals, not-reported
cells, footnotes shared by a column, by a year or by one figure only, a partial last
year with or without a note of its own) and writes each in both layouts as CSV and XLSX;
imported into an emptied table, every value, decimal count, period and footnote comes back.
Reported trend tables (↑ ↓ ↔ •, notes per cell, a partial last year) likewise: the export
changes nothing imported over its own table, and rebuilds it exactly once deleted.
A CSV whose figures show no decimal point unambiguously (only “1.000”) is asked about once,
as any such file is; the answer “point decimals” then reads it exactly.
"""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seizures import exports, import_plan
from seizures.models import ReportedTrend, ReportedTrendTable, SeizureValue
from seizures.reported_trends import reported_trend_table
from seizures.tables import country_table
from seizures.tests.factories import make_table

pytestmark = pytest.mark.django_db

NOTES = ["", "", "", "Estimate", "Revised in 2018", "Includes 12 kg seized at the border", "Raw opium only"]


@st.composite
def stored_tables(draw):
    years = list(range(2010, 2010 + draw(st.integers(1, 4))))
    measures = draw(st.integers(1, 3))
    figure = st.one_of(
        st.none(),
        st.builds(
            lambda whole, decimals: (Decimal(whole).scaleb(-decimals), decimals),
            st.integers(0, 10**7),
            st.integers(0, 3),
        ),
    )
    cells = {(m, y): draw(figure) for m in range(measures) for y in years}
    notes = {key: draw(st.sampled_from(NOTES)) for key in cells}
    column_note = {m: draw(st.sampled_from(NOTES)) for m in range(measures)}
    partial = draw(st.booleans())
    partial_note = draw(st.sampled_from(["", "first 6 months"]))
    return {
        "years": years,
        "measures": measures,
        "cells": cells,
        "notes": notes,
        "column_note": column_note,
        "partial": partial,
        "partial_note": partial_note,
    }


def _store(table):
    country, measures = make_table([], measures=table["measures"])
    last = table["years"][-1]
    values = []
    for (m, year), figure in table["cells"].items():
        partial = table["partial"] and year == last
        note = table["column_note"][m] or table["notes"][(m, year)]
        if partial and table["partial_note"]:
            note = table["partial_note"]
        value, decimals = figure if figure is not None else (None, None)
        values.append(
            SeizureValue(
                country=country,
                measure=measures[m],
                year=year,
                value=value,
                decimals=decimals,
                period_months=6 if partial else 12,
                footnote=note if value is not None else "",
            )
        )
    SeizureValue.objects.bulk_create(values)
    return country


def _stored(country):
    return {
        (v.measure_id, v.year): (v.value, v.decimals, v.period_months, v.footnote)
        for v in SeizureValue.objects.filter(country=country, value__isnull=False)
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    table=stored_tables(),
    layout=st.sampled_from(exports.LAYOUTS),
    fmt=st.sampled_from(["csv", "xlsx"]),
)
def test_any_stored_table_reimports_from_its_export_to_the_same_values(secretariat, table, layout, fmt):
    country = _store(table)
    before = _stored(country)
    data = country_table(country)
    content = exports.to_csv(data, layout).encode() if fmt == "csv" else exports.to_xlsx(data, layout)
    SeizureValue.objects.filter(country=country).delete()
    if not before:
        return  # nothing reported: the export is a header, which the importer refuses as having no values
    batch = import_plan.start_import(SimpleUploadedFile(f"export.{fmt}", content), secretariat, country=country)
    plan = import_plan.plan(batch)
    if [q["name"] for q in plan.questions] == ["number_format"]:
        # Only figures such as “1.000” in a CSV: nothing in the file shows its decimal point, so it asks.
        assert fmt == "csv"
        import_plan.answer(batch, {"answer-number_format": "point"})
        plan = import_plan.plan(batch)
    assert plan.problems == [] and plan.questions == [], (plan.problems, plan.questions)
    data = {"plan_version": plan.version}
    for item in plan.flags:  # an outlier of the generated figures is confirmed, as a person would
        data |= {f"confirm-{item['key']}": "1", f"comment-{item['key']}": "As exported"}
    import_plan.apply(batch.pk, data, secretariat)
    assert _stored(country) == before


@st.composite
def trend_tables(draw):
    years = list(range(2011, 2011 + draw(st.integers(1, 5))))
    drugs = draw(st.integers(1, 3))
    direction = st.sampled_from(["increase", "decrease", "stable", "not_reported"])
    cells = {(d, y): draw(direction) for d in range(drugs) for y in years}
    notes = {key: draw(st.sampled_from(NOTES)) for key in cells}
    partial = draw(st.booleans())
    return {"years": years, "drugs": drugs, "cells": cells, "notes": notes, "partial": partial}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    table=trend_tables(),
    layout=st.sampled_from(exports.LAYOUTS),
    fmt=st.sampled_from(["csv", "xlsx"]),
)
def test_any_reported_trend_table_reimports_from_its_export_to_the_same_table(secretariat, table, layout, fmt):
    if not any(direction != "not_reported" for direction in table["cells"].values()):
        return  # a table of “•” only says nothing; the importer would not know it is a trend table
    country, drugs = make_table([], measures=table["drugs"])
    stored = ReportedTrendTable.objects.create(
        country=country, title="Drug use trends", source="NACD", legend="↑ = Increase, ↓ = Decrease"
    )
    last = table["years"][-1]
    for (d, year), direction in table["cells"].items():
        partial = table["partial"] and year == last
        ReportedTrend.objects.create(
            table=stored,
            measure=drugs[d],
            year=year,
            direction=direction,
            period_months=6 if partial else 12,
            footnote="January to June" if partial else table["notes"][(d, year)],
        )
    before = reported_trend_table(country)
    trends = exports.trend_table(country.name, before)
    content = exports.to_csv(trends, layout).encode() if fmt == "csv" else exports.to_xlsx(trends, layout)
    again = import_plan.start_import(SimpleUploadedFile(f"trends.{fmt}", content), secretariat, country=country)
    assert import_plan.plan(again).work == 0  # over its own table: nothing to change
    again.delete()
    stored.delete()
    batch = import_plan.start_import(SimpleUploadedFile(f"trends.{fmt}", content), secretariat, country=country)
    plan = import_plan.plan(batch)
    assert plan.problems == [] and plan.questions == [], (plan.problems, plan.questions)
    import_plan.apply(batch.pk, {"plan_version": plan.version}, secretariat)
    assert reported_trend_table(country) == before
