"""The secretariat creates a report, keeps its header and writes its narrative sections."""

from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from reports.models import NarrativeSection, Report
from reports.sanitise import clean_html

from .factories import NarrativeFactory, PlanFactory, PriorityAreaFactory, ReportFactory

HEADER = {
    "year": 2025,
    "title": "IDSWG report 2025",
    "kind": "annual",
    "layout": "2019",
    "swg_name": "Illicit Drug Sector Working Group (IDSWG)",
    "chair_and_cochairs": "LCDC (Chair); Embassy of Japan and UNODC (Co-Chairs)",
    "focal_points_government": "Ms. A (LCDC)\nMr. B (MPS)",
    "focal_points_partners": "Mr. C (UNODC)",
    "technical_staff_government": "",
    "technical_staff_partners": "",
    "key_mandate": "Coordinate international support.",
}


def test_the_secretariat_creates_a_draft_report_with_its_header(client_for, secretariat):
    response = client_for(secretariat).post(reverse("reports:report_create"), HEADER)
    report = Report.objects.get()
    assert response["Location"] == report.get_absolute_url()
    assert report.state == "draft"
    page = client_for(secretariat).get(report.get_absolute_url()).content.decode()
    assert "Ms. A (LCDC); Mr. B (MPS)" in page and "Mr. C (UNODC)" in page


def test_a_second_report_for_the_same_year_is_refused_and_nothing_changes(client_for, secretariat):
    ReportFactory(year=2025, title="The first one")
    response = client_for(secretariat).post(reverse("reports:report_create"), HEADER)
    assert response.status_code == 200
    assert "There is already a report of this kind for 2025." in response.content.decode()
    assert Report.objects.count() == 1


def test_an_implausible_year_is_refused_next_to_the_field(client_for, secretariat):
    response = client_for(secretariat).post(reverse("reports:report_create"), HEADER | {"year": 3025})
    assert "Ensure this value is less than or equal to 2100." in response.content.decode()
    assert not Report.objects.exists()


def test_editing_the_header_is_kept_in_the_history_with_the_editor(client_for, secretariat):
    report = ReportFactory(year=2025)
    client_for(secretariat).post(reverse("reports:report_edit", args=[report.pk]), HEADER | {"title": "Renamed"})
    report.refresh_from_db()
    assert report.title == "Renamed"
    assert report.history.first().history_user == secretariat


def test_a_narrative_section_lists_the_priority_areas_of_its_plan(client_for, secretariat, partner):
    report = ReportFactory(state="review")
    plan = PlanFactory(name="National Agenda 2021-2025")
    PriorityAreaFactory(plan=plan, number=1, title="Re-education and dissemination of legal information")
    PriorityAreaFactory(
        plan=plan, number=2, title="Formulation and improvement on drug law", bullets="Drafting\nReview"
    )
    data = {
        "kind": "next_year",
        "title": "Key priorities for 2025",
        "body": "<div><em>Excerpt</em></div>",
        "plan": plan.pk,
    }
    client_for(secretariat).post(reverse("reports:narrative_create", args=[report.pk]), data)
    narrative = NarrativeSection.objects.get(report=report)
    assert narrative.body == "<div><em>Excerpt</em></div>"
    page = client_for(partner).get(report.get_absolute_url()).content.decode()
    assert "Key priorities for 2025" in page and "<em>Excerpt</em>" in page
    assert '<li value="2"><strong>Formulation and improvement on drug law</strong>' in page
    assert "<li>Drafting</li><li>Review</li>" in page


def test_deleting_a_narrative_keeps_it_in_the_history(client_for, secretariat):
    narrative = NarrativeFactory()
    client_for(secretariat).post(reverse("reports:narrative_delete", args=[narrative.pk]))
    assert not NarrativeSection.objects.filter(pk=narrative.pk).exists()
    assert NarrativeSection.history.filter(id=narrative.pk, history_type="-").exists()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' ascriptonerrorjavsvgiframe:()&;#x1")), max_size=80))
def test_no_generated_markup_gets_an_active_element_through(text):
    cleaned = clean_html(text).lower()
    assert "<script" not in cleaned and "<svg" not in cleaned and "<iframe" not in cleaned
    assert " onerror" not in cleaned and "javascript:" not in cleaned.replace("&amp;", "&")


def test_narrative_sections_are_moved_up_and_down(client_for, secretariat):
    report = ReportFactory()
    lessons = NarrativeFactory(report=report, title="Lessons learned", position=1)
    priorities = NarrativeFactory(report=report, title="Key priorities", position=2)
    client_for(secretariat).post(reverse("reports:narrative_move", args=[priorities.pk]), {"direction": "up"})
    assert list(report.narratives.order_by("position").values_list("pk", flat=True)) == [priorities.pk, lessons.pk]
