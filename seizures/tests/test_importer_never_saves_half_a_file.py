"""Property: whatever the file, the importer neither crashes nor saves part of it."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seizures import import_plan
from seizures.models import SeizureValue
from seizures.reading import ImportRefused
from seizures.tests.factories import make_table

pytestmark = pytest.mark.django_db

cell_texts = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "-", "n/a", "1,234", "68,35", "-5", "=SUM(A1)", "462988", "2017", "2017 (6 months)", "0"]),
    st.decimals(min_value=0, max_value=10**9, places=2).map(str),
)


def snapshot():
    return sorted(SeizureValue.objects.values_list("country_id", "measure_id", "year", "value", "period_months"))


def confirm_everything(batch):
    result = import_plan.plan(batch)
    return {
        "plan_version": result.version,
        **{f"confirm-{item['key']}": "1" for item in result.flags},
        **{f"comment-{item['key']}": "checked" for item in result.flags},
    }


def check_all_or_nothing(upload, user, country):
    before = snapshot()
    try:
        batch = import_plan.start_import(upload, user, country=country)
    except ImportRefused as refusal:
        assert str(refusal)
        assert snapshot() == before
        return
    try:
        result = import_plan.apply(batch.pk, confirm_everything(batch), user)
    except import_plan.NotApplied:
        assert snapshot() == before
        return
    stored = {(v.country_id, v.measure_id, v.year): v.value for v in SeizureValue.objects.all()}
    for cell, value in result.ready:
        assert stored.get((cell["country"], cell["measure"], cell["year"])) == value


@pytest.fixture
def table():
    country, measures = make_table(range(2010, 2016), measures=3)
    return country, measures


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cell_texts, max_size=5), max_size=8), header=st.booleans())
def test_any_csv_grid_is_imported_whole_or_not_at_all(table, secretariat, rows, header):
    country, measures = table
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if header:
        writer.writerow(["Year"] + [m.label for m in measures])
    writer.writerows(rows)
    check_all_or_nothing(SimpleUploadedFile("t.csv", buffer.getvalue().encode()), secretariat, country)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=300), name=st.sampled_from(["t.csv", "t.xlsx", "t", "t.txt"]))
def test_any_bytes_are_refused_or_imported_whole(table, secretariat, content, name):
    country, _measures = table
    check_all_or_nothing(SimpleUploadedFile(name, content), secretariat, country)
