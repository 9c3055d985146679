"""Demo country reports: the four 2017 reports of the seed, final, and a 2026 Lao PDR draft asking for updates.

The 2017 text comes from ``fixtures/country_reports_2017.json``, which
``scripts/build_dublin_fixture.py`` cut word for word out of
``dublin-group-regional-report-2017.txt``; the tables in it are embedded live from
``seizures``. Every partner part is attributed to its organisation and accepted. The
2026 Lao PDR report is copied from 2017 (``outline.start_next_year``) and asks Japan,
Australia, the United States, the EU and UNODC for their updates, so the demo partner
(Embassy of Japan) finds an update to write. Idempotent: a report that exists is kept.
"""

import datetime
import json
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from idswg.demo import say
from idswg.models import Organisation, User
from seizures.models import Country

from . import outline, regional, updates
from .models import CountryReport, EmbeddedTable, PartnerUpdate, Recommendation, RegionalReport, Section

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "country_reports_2017.json"
ISSUED = datetime.datetime(2017, 10, 26, 12, 0, tzinfo=datetime.UTC)
# Organisations the seed's reports name that the shared demo directory does not hold.
MORE_ORGANISATIONS = [
    ("WFP", "United Nations World Food Programme", Organisation.Kind.UN_AGENCY, ""),
    ("Sweden", "Embassy of Sweden", Organisation.Kind.EMBASSY, "Sweden"),
]
ASKED_IN_2026 = ("Japan", "Australia", "US", "EU", "UNODC")
COUNTRY_ORDER = {"Lao PDR": 1, "Cambodia": 2, "Viet Nam": 3, "Myanmar": 4}


def _organisations(out):
    for short, name, kind, country in MORE_ORGANISATIONS:
        org, created = Organisation.objects.get_or_create(
            short_name=short, defaults={"name": name, "kind": kind, "country": country}
        )
        say(out, created, f"organisation {org.label}")
    return {o.short_name: o for o in Organisation.objects.exclude(short_name="")}


def _country(name):
    country = Country.objects.filter(name=name).first()
    if country is None:  # Myanmar's report gives figures in its text only: its seizure table stays empty
        country = Country.objects.create(
            name=name, slug=name.lower().replace(" ", "-"), display_order=COUNTRY_ORDER[name]
        )
    return country


def _sections(report, items, organisations, parent=None):
    for position, item in enumerate(items, start=1):
        section = Section.objects.create(
            report=report,
            parent=parent,
            position=position,
            kind=item["kind"],
            number=item["number"],
            title=item["title"],
            body=item["body"],
            footnotes=item["footnotes"],
        )
        for index, table in enumerate(item["tables"], start=1):
            EmbeddedTable.objects.create(
                section=section,
                country=_country(table["country"]),
                kind=table["kind"],
                first_year=table["first_year"],
                last_year=table["last_year"],
                caption=table["caption"],
                position=index,
            )
        for index, update in enumerate(item["updates"], start=1):
            PartnerUpdate.objects.create(
                report=report,
                section=section,
                organisation=organisations[update["organisation"]],
                heading=update["heading"],
                body=update["body"],
                footnotes=update["footnotes"],
                position=index,
                state=PartnerUpdate.State.ACCEPTED,
                submitted_at=ISSUED,
                accepted_at=ISSUED,
                updated_at=ISSUED,
            )
        _sections(report, item["children"], organisations, parent=section)


def _load_2017(out, data, organisations):
    reports = []
    for item in data["reports"]:
        country = _country(item["country"])
        report = CountryReport.objects.filter(country=country, year=2017).first()
        if report is not None:
            say(out, False, f"country report {report}")
            reports.append(report)
            continue
        report = CountryReport.objects.create(
            country=country,
            year=2017,
            heading=item["heading"],
            recommendation_style=item["recommendation_style"],
        )
        _sections(report, item["sections"], organisations)
        for number, text in enumerate(item["recommendations"], start=1):
            Recommendation.objects.create(report=report, number=number, text=text)
        report.state = CountryReport.State.FINAL
        report.save(update_fields=["state"])
        say(out, True, f"country report {report} (final)")
        reports.append(report)
    cover = data["regional"]
    regional_report, created = RegionalReport.objects.get_or_create(year=cover["year"], defaults=cover)
    if created:
        regional.set_reports(regional_report, reports)
    say(out, created, f"regional report {regional_report} ({regional_report.reference})")


def _load_current(out, organisations):
    year = timezone.localdate().year
    lao = CountryReport.objects.get(country__name="Lao PDR", year=2017)
    if CountryReport.objects.filter(country=lao.country, year=year).exists():
        say(out, False, f"country report Lao PDR {year}")
        return
    secretariat = User.objects.filter(username="secretariat").first()
    report = outline.start_next_year(lao, year, secretariat)
    section = report.sections.get(kind=Section.Kind.UPDATES)
    asked = [organisations[short] for short in ASKED_IN_2026]
    deadline = timezone.localdate() + datetime.timedelta(days=21)
    # No e-mail from the demo: the outbox would write to the demo addresses at every load.
    updates.request_updates(report, asked, deadline, section, secretariat, notify=False)
    say(out, True, f"country report {report} (draft, {len(asked)} updates asked by {deadline.isoformat()})")


@transaction.atomic
def load(out, with_users=True):
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    organisations = _organisations(out)
    _load_2017(out, data, organisations)
    _load_current(out, organisations)
