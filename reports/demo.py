"""Demo content of the reports app: the three plans and the 2015, 2019 and 2024 reports from the seeds.

Idempotent: a plan or report that already exists (by name, or by kind and year) is left as it is.
"""

from django.db import transaction

from idswg.demo import fill_lao, say

from .briefing import load_demo_briefing
from .demo_content import PLANS, REPORT_2019
from .demo_content_2015 import REPORT_2015, REPORT_2024
from .demo_lao import PLANS_LO
from .editing import insert_row
from .models import MatrixRow, MatrixSection, NarrativeSection, Plan, PriorityArea, Report

MASTER_PLAN = "National Drug Control Master Plan 2016-2020"


def load_plans(out):
    for data in PLANS:
        name_lo, titles_lo = PLANS_LO[data["name"]]
        plan, created = Plan.objects.get_or_create(
            name=data["name"],
            defaults={k: data[k] for k in ("kind", "start_year", "end_year", "introduction")} | {"name_lo": name_lo},
        )
        fill_lao(plan, {"name": name_lo})  # a demo loaded before names were bilingual
        say(out, created, f"plan {plan}")
        for number, ((title, bullets), title_lo) in enumerate(zip(data["areas"], titles_lo, strict=True), start=1):
            area, _created = PriorityArea.objects.get_or_create(
                plan=plan, number=number, defaults={"title": title, "title_lo": title_lo, "bullets": bullets}
            )
            fill_lao(area, {"title": title_lo})


def _row_cells(row):
    """A seed row as cells: 2019 rows are (outputs, progress, challenges, areas), 2015 rows have five cells."""
    if len(row) == 4:
        outputs, progress, challenges, areas = row
        return {"outputs": outputs, "progress": progress, "challenges": challenges}, areas
    outputs, progress, challenges, key_messages, indicator = row
    cells = {"outputs": outputs, "progress": progress, "challenges": challenges, "key_messages": key_messages}
    return cells | {"indicator": indicator}, ()


def _add_rows(section, rows, areas_by_number):
    for position, seed_row in enumerate(rows, start=1):
        cells, areas = _row_cells(seed_row)
        # Plain-text seed cells become a paragraph; the seeds' HTML goes through the sanitiser on save.
        for name in ("outputs", "progress", "challenges", "key_messages"):
            value = cells.get(name, "")
            if value and not value.lstrip().startswith("<"):
                cells[name] = f"<p>{value}</p>"
        insert_row(MatrixRow(section=section, position=position, **cells), [areas_by_number[n] for n in areas])


def load_report(out, data):
    report, created = Report.objects.get_or_create(
        kind=Report.Kind.ANNUAL,
        year=data["year"],
        defaults={k: data[k] for k in ("title", "layout", "swg_name", "chair_and_cochairs", "key_mandate")},
    )
    say(out, created, f"report {report}")
    if not created:
        return report
    plans = {p.name: p for p in Plan.objects.all()}
    for position, (kind, title, body, plan_name) in enumerate(data["narratives"], start=1):
        NarrativeSection.objects.create(
            report=report, kind=kind, title=title, body=body, plan=plans.get(plan_name), position=position
        )
    areas = {a.number: a for a in PriorityArea.objects.filter(plan__name=MASTER_PLAN)}
    for position, (title, rows, subsections) in enumerate(data["matrix"], start=1):
        section = MatrixSection.objects.create(report=report, title=title, position=position)
        _add_rows(section, rows, areas)
        for sub_position, (sub_title, sub_rows) in enumerate(subsections, start=1):
            sub = MatrixSection.objects.create(report=report, parent=section, title=sub_title, position=sub_position)
            _add_rows(sub, sub_rows, areas)
    # The state last: a final report accepts no more changes.
    report.state = data["state"]
    report.save()
    return report


@transaction.atomic
def load(out, with_users=True):
    load_plans(out)
    for data in (REPORT_2015, REPORT_2019, REPORT_2024):
        load_report(out, data)
    choose_cover_logos()
    # Rendered once the demo is committed (in-process without REDIS_URL, else by a worker);
    # an unchanged briefing is not rendered again on a second run.
    load_demo_briefing(out)
    attach_drafts_to_next_meeting(out)


def choose_cover_logos():
    """The 2024 report's cover carries UNODC's emblem, as the seed's first page does (the 2015 and
    2019 seeds carry none). The demo has no logo files, so it prints once one is uploaded."""
    from idswg.models import Organisation

    report = Report.objects.filter(kind=Report.Kind.ANNUAL, year=2024).first()
    unodc = Organisation.objects.filter(short_name_en="UNODC").first()
    if report is not None and unodc is not None:
        report.cover_organisations.add(unodc)


def attach_drafts_to_next_meeting(out):
    """The coming High-Level Meeting reviews the drafts, as the invitation says: the latest IDSWG report
    and this year's Lao PDR country report, attached as materials for everyone invited (once)."""
    from dublin.documents import COUNTRY_REPORT
    from dublin.models import CountryReport
    from meetings import materials
    from meetings.demo import open_high_level_meeting

    from .documents import ReportDocument

    meeting = open_high_level_meeting()
    report = Report.objects.filter(kind=Report.Kind.ANNUAL).order_by("-year").first()
    country_report = CountryReport.objects.filter(country__name="Lao PDR").order_by("-year").first()
    if meeting is None or report is None:
        return
    drafts = [(ReportDocument.key, report)] + ([(COUNTRY_REPORT, country_report)] if country_report else [])
    for key, obj in drafts:
        if meeting.materials.filter(document_key=key, document_id=obj.pk).exists():
            say(out, False, f"material {obj} for {meeting}")
            continue
        materials.add_document(meeting, f"{key}:{obj.pk}", "", materials.Audience.INVITEES)
        say(out, True, f"material {obj} for {meeting}")
