"""A seizure table's PDF fingerprint is built without drawing its charts, yet follows every value."""

from decimal import Decimal

import pytest

from seizures.documents import SeizureTable
from seizures.models import Country, SeizureValue
from seizures.tests.factories import make_table

pytestmark = pytest.mark.django_db


def test_the_fingerprint_leaves_the_charts_undrawn_and_the_pdf_draws_them():
    country, _measures = make_table([2016, 2017])
    document = SeizureTable()
    printed, hashed = document.context(country)["charts"], document.fingerprint_context(country)["charts"]
    assert len(printed) == 2 and all(chart["src"].startswith("data:image/svg+xml;base64,") for chart in printed)
    assert [chart["label"] for chart in hashed] == [chart["label"] for chart in printed]
    assert all(chart["src"] == "" for chart in hashed)


def test_a_changed_value_changes_the_fingerprint_although_no_chart_is_drawn_for_it():
    country, (heroin, _opium) = make_table([2016, 2017])
    document = SeizureTable()
    before = document.fingerprint(country)
    assert document.fingerprint(Country.objects.get(pk=country.pk)) == before
    SeizureValue.objects.filter(country=country, year=2017, measure=heroin).update(value=Decimal("5"))
    assert document.fingerprint(Country.objects.get(pk=country.pk)) != before
