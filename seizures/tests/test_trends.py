"""Year-to-year trends: increase, decrease, stable (within ±5 %), not reported."""

from decimal import Decimal as D

import pytest

from seizures.models import SeizureValue
from seizures.tables import country_table
from seizures.tests.factories import make_table
from seizures.trends import DECREASE, INCREASE, NOT_REPORTED, STABLE, trend, trend_table


@pytest.mark.parametrize(
    ("previous", "current", "expected"),
    [
        (D(100), D(105), STABLE),
        (D(100), D(95), STABLE),
        (D(100), D("105.01"), INCREASE),
        (D(100), D("94.99"), DECREASE),
        (D(0), D(0), STABLE),
        (D(0), D(1), INCREASE),
        (None, D(1), NOT_REPORTED),
        (D(1), None, NOT_REPORTED),
    ],
)
def test_the_trend_of_two_consecutive_years(previous, current, expected):
    assert trend(previous, current) == expected


@pytest.mark.django_db
def test_the_trend_table_compares_each_year_with_the_one_before():
    country, (heroin,) = make_table(
        [2014, 2015, 2017], measures=1, value=lambda y, i: D({2014: 10, 2015: 20, 2017: 5}[y])
    )
    SeizureValue.objects.filter(year=2017).update(period_months=6)
    trends = trend_table(country_table(country))
    assert trends["years"] == [2015, 2017]
    (row,) = trends["rows"]
    assert [c["trend"] for c in row["cells"]] == [INCREASE, NOT_REPORTED]  # 2016 missing: no trend
    assert row["cells"][0]["change"] == 100
