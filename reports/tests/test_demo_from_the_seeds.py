"""The demo loads both plans, the NSEDP goals and the 2015, 2019 and 2024 reports as the seeds have them."""

import io

import pytest
from django.core.management import call_command

from reports import demo
from reports.models import MatrixRow, Plan, Report
from reports.sanitise import clean_html
from reports.services import report_for_display


@pytest.fixture
def loaded(db):
    demo.load(lambda line: None)


def test_the_plans_have_their_numbered_priority_areas(loaded):
    areas = {p.name: [str(a) for a in p.priority_areas.order_by("number")] for p in Plan.objects.all()}
    master = areas["National Drug Control Master Plan 2016-2020"]
    assert len(master) == 9 and master[5] == "6. Law enforcement"
    agenda = areas["National Agenda for Drug and Precursor Chemical Control 2021-2025"]
    assert len(agenda) == 6 and agenda[0].startswith("1. Re-education and dissemination of legal information")
    nsedp = Plan.objects.get(kind="nsedp")
    goals = list(nsedp.priority_areas.order_by("number"))
    assert len(goals) == 8 and goals[0].title == "Strengthen Legal Framework"
    assert goals[2].bullet_list == [
        "Enhance international cooperation programs",
        "Continue to strengthen and expand Border Liaison Offices",
        "Expand use of the Mekong MOU on Drug Control",
    ]


def test_the_2019_matrix_follows_the_seed(loaded):
    report = Report.objects.get(year=2019)
    display = report_for_display(report)
    assert (report.state, report.layout) == ("final", "2019")
    assert [f"{s.label} {s.title}" for s in display.sections] == [
        "A. Sectoral thematic (substantive) areas",
        "B. Communication and outreach activities with the sector and across Sector Working Groups",
        "C. Cross-sectoral thematic areas applied to all SWGs",
    ]
    assert [s.label for s in display.sections[2].subsections] == ["1.", "2.", "3."]
    rows = list(display.all_rows())
    assert len(rows) == 8
    # The row the seed splits over a page break is one row again.
    assert "Container Control Unit has been established in Thanaleng port" in rows[0].progress
    assert "cross-border trade pacts, but they have not made parallel investments" in rows[0].challenges
    assert "Tackling rural poverty and inequalities</p>" in rows[1].outputs
    assert '<a href="https://twitter.com/vanmaicoffee" rel="noopener noreferrer">' in rows[3].progress
    assert [a.number for a in rows[0].priority_areas.all()] == [6, 8]


def test_the_2015_matrix_has_key_messages_and_indicators(loaded):
    report = Report.objects.get(year=2015)
    rows = list(report_for_display(report).all_rows())
    assert report.layout == "2015" and len(rows) == 13
    assert (
        rows[0].key_messages
        == "<p>The sub-sector working groups appear to lack the capacity to fulfil their mandates.</p>"
    )
    assert rows[0].indicator == "None"
    assert rows[-1].progress.count("<p>") == 2
    assert report.narratives.get(kind="overview").body.count("<p>") == 5


def test_the_2024_report_has_lessons_priorities_for_2025_and_for_the_nsedp(loaded):
    report = Report.objects.get(year=2024)
    assert report.state == "review"
    narratives = {n.kind: n for n in report.narratives.all()}
    assert narratives["lessons"].body.count("<li>") == 4
    assert "<strong>limited government capacities</strong>" in narratives["lessons"].body
    assert narratives["next_year"].plan.priority_areas.count() == 6
    assert narratives["nsedp"].plan.kind == "nsedp"


def test_every_demo_cell_is_stored_as_the_sanitiser_leaves_it(loaded):
    for row in MatrixRow.objects.all():
        for name in ("outputs", "progress", "challenges", "key_messages"):
            value = getattr(row, name)
            assert value == clean_html(value)
            assert "style=" not in value


def test_loading_the_demo_twice_changes_nothing(db, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    counts = (Plan.objects.count(), Report.objects.count(), MatrixRow.objects.count())
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert (Plan.objects.count(), Report.objects.count(), MatrixRow.objects.count()) == counts == (3, 3, 21)
    assert "exists   report Illicit Drug Sector Working Group report 2019" in out.getvalue()
