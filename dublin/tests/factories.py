"""Factories for country reports, their sections and the partners' updates (factory-boy)."""

import datetime

import factory
from django.utils import timezone

from dublin.models import CountryReport, PartnerUpdate, Recommendation, Section
from idswg.tests.factories import OrganisationFactory
from seizures.tests.factories import CountryFactory


class CountryReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CountryReport

    country = factory.SubFactory(CountryFactory)
    year = 2017
    heading = factory.LazyAttribute(lambda r: r.country.name.upper())


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    report = factory.SubFactory(CountryReportFactory)
    number = factory.Sequence(lambda n: f"{n + 1}.")
    title = factory.Sequence(lambda n: f"Section {n}")
    body = "<p>Some text.</p>"
    position = factory.Sequence(lambda n: n + 1)


class PartnerUpdateFactory(factory.django.DjangoModelFactory):
    """An update asked of an organisation, due in a week."""

    class Meta:
        model = PartnerUpdate

    section = factory.SubFactory(SectionFactory, kind=Section.Kind.UPDATES)
    report = factory.LazyAttribute(lambda u: u.section.report)
    organisation = factory.SubFactory(OrganisationFactory)
    heading = factory.LazyAttribute(lambda u: u.organisation.name)
    state = PartnerUpdate.State.ASKED
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    requested_at = factory.LazyFunction(timezone.now)


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    report = factory.SubFactory(CountryReportFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"<p>Recommendation text {n}</p>")
