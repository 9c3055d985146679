"""Factories for the seizure tables (factory-boy)."""

from decimal import Decimal

import factory

from seizures.models import Country, Measure, SeizureValue, TableColumn


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country

    name = factory.Sequence(lambda n: f"Testland {n}")
    slug = factory.Sequence(lambda n: f"testland-{n}")
    source = "LCDC"


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    name = factory.Sequence(lambda n: f"Drug {n}")
    unit = "kg"
    slug = factory.Sequence(lambda n: f"drug-{n}-kg")
    display_order = factory.Sequence(lambda n: n)


class SeizureValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeizureValue

    country = factory.SubFactory(CountryFactory)
    measure = factory.SubFactory(MeasureFactory)
    year = 2016
    value = Decimal("10")


def make_table(years, measures=2, country=None, value=lambda year, index: Decimal(100 + index)):
    """A country whose table has ``measures`` columns and a value for each of ``years``."""
    country = country or CountryFactory()
    columns = [MeasureFactory() for _ in range(measures)]
    for position, measure in enumerate(columns):
        TableColumn.objects.create(country=country, measure=measure, position=position)
    SeizureValue.objects.bulk_create(
        [
            SeizureValue(country=country, measure=measure, year=year, value=value(year, index))
            for year in years
            for index, measure in enumerate(columns)
        ]
    )
    return country, columns
