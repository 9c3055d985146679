"""The database refuses what the pages refuse: negative values, a second value for the same year."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from seizures.models import SeizureValue
from seizures.tests.factories import SeizureValueFactory

pytestmark = pytest.mark.django_db


def test_a_negative_value_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        SeizureValueFactory(value=Decimal("-1"))


def test_one_value_per_country_measure_and_year():
    value = SeizureValueFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        SeizureValueFactory(country=value.country, measure=value.measure, year=value.year)


def test_months_covered_are_one_to_twelve():
    with pytest.raises(IntegrityError), transaction.atomic():
        SeizureValueFactory(period_months=13)


def test_not_reported_is_null_and_every_change_is_in_the_history():
    value = SeizureValueFactory(value=Decimal("2.5"))
    value.value = None
    value.save()
    assert [h.value for h in value.history.order_by("history_date")] == [Decimal("2.5"), None]
    assert SeizureValue.objects.get().value is None
