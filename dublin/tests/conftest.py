"""Fixtures of the Mini-Dublin Group tests: a report asking two organisations, and the demo content."""

import io

import pytest

from idswg.roles import PARTNER
from idswg.tests.factories import OrganisationFactory, UserFactory

from .factories import CountryReportFactory, PartnerUpdateFactory, SectionFactory


@pytest.fixture
def asked(db, partner):
    """A draft report with an updates section asking the partner's organisation and another one."""
    report = CountryReportFactory(year=2026)
    section = SectionFactory(report=report, kind="updates", title="Update on programmes")
    other_org = OrganisationFactory(name="Embassy of Australia")
    other_partner = UserFactory(username="australia", role=PARTNER, organisation=other_org)
    mine = PartnerUpdateFactory(section=section, organisation=partner.organisation)
    theirs = PartnerUpdateFactory(section=section, organisation=other_org)
    return {"report": report, "section": section, "mine": mine, "theirs": theirs, "other_partner": other_partner}


@pytest.fixture
def demo(db, settings):
    """The shared directory, the seizure tables and the Mini-Dublin Group demo (not the other apps')."""
    from dublin import demo as dublin_demo
    from idswg import demo as idswg_demo
    from seizures import demo as seizures_demo

    out = io.StringIO()
    idswg_demo.load(out.write)
    seizures_demo.load(out.write)
    dublin_demo.load(out.write)
