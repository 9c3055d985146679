"""A country's outline is copied from its previous report; last year's recommendations are followed up."""

import pytest
from django.urls import reverse

from dublin import editing, outline
from dublin.models import CountryReport, EmbeddedTable, FollowUp, Recommendation, Section

from .factories import CountryReportFactory, RecommendationFactory, SectionFactory


@pytest.fixture
def report_2017(db):
    report = CountryReportFactory(year=2017, recommendation_style="numbered")
    first = SectionFactory(report=report, number="1.", title="General Situation", body="<p>Old text</p>")
    SectionFactory(report=report, number="2.", title="Responses")
    SectionFactory(report=report, parent=first, number="(i)", title="Lao PDR response", position=1)
    updates = SectionFactory(report=report, number="3.", title="Updates", kind="updates", body="")
    SectionFactory(report=report, number="5.", title="Coordination")
    recs = SectionFactory(
        report=report,
        parent=Section.objects.get(report=report, number="5."),
        number="(iii)",
        title="Recommendations",
        kind="recommendations",
        position=1,
    )
    EmbeddedTable.objects.create(section=first, country=report.country, kind="all", first_year=2008, last_year=2017)
    for n in (1, 2, 3):
        RecommendationFactory(report=report, number=n, text=f"<p>Do thing {n}</p>")
    return {"report": report, "updates": updates, "recs": recs}


def test_next_years_report_copies_the_outline_with_its_numbers_and_nesting(report_2017, secretariat):
    new = outline.start_next_year(report_2017["report"], 2018, secretariat)
    old_outline = [
        (s.number, s.title, s.kind, s.parent.number if s.parent else None)
        for s in report_2017["report"].sections.order_by("pk")
    ]
    new_outline = [
        (s.number, s.title, s.kind, s.parent.number if s.parent else None)
        for s in new.sections.exclude(kind="follow_up").order_by("pk")
    ]
    assert sorted(new_outline, key=str) == sorted(old_outline, key=str)
    assert new.sections.get(number="1.").body == "<p>Old text</p>"
    assert new.state == CountryReport.State.DRAFT


def test_the_copied_tables_run_on_to_the_new_year(report_2017, secretariat):
    new = outline.start_next_year(report_2017["report"], 2019, secretariat)
    table = EmbeddedTable.objects.get(section__report=new)
    assert (table.first_year, table.last_year) == (2008, 2019)


def test_last_years_recommendations_are_listed_for_follow_up_under_progress_on_implementation(report_2017, secretariat):
    new = outline.start_next_year(report_2017["report"], 2018, secretariat)
    section = new.sections.get(kind="follow_up")
    assert section.title == "Progress on implementation of previous recommendations"
    assert section.parent == new.sections.get(number="5.")  # beside the recommendations
    follow_ups = list(FollowUp.objects.filter(report=new).order_by("recommendation__number"))
    assert [f.recommendation.text for f in follow_ups] == [
        "<p>Do thing 1</p>",
        "<p>Do thing 2</p>",
        "<p>Do thing 3</p>",
    ]
    assert all(f.status == FollowUp.Status.NOT_STARTED for f in follow_ups)
    assert all(f.recommendation.report == report_2017["report"] for f in follow_ups)
    # This year's recommendations start as a copy to keep, change or drop.
    assert list(new.recommendations.values_list("number", flat=True)) == [1, 2, 3]


def test_the_follow_up_status_and_comment_are_saved_and_printed(client_for, report_2017, secretariat):
    new = outline.start_next_year(report_2017["report"], 2018, secretariat)
    follow_up = FollowUp.objects.filter(report=new).first()
    response = client_for(secretariat).post(
        reverse("dublin:follow_up_edit", args=[follow_up.pk]),
        {"status": "in_progress", "comment": "Two provinces so far", "version": follow_up.version},
    )
    assert response.status_code == 302
    page = client_for(secretariat).get(new.get_absolute_url()).content.decode()
    assert "In progress" in page and "Two provinces so far" in page


def test_an_unknown_follow_up_status_is_refused_next_to_the_field(client_for, report_2017, secretariat):
    new = outline.start_next_year(report_2017["report"], 2018, secretariat)
    follow_up = FollowUp.objects.filter(report=new).first()
    response = client_for(secretariat).post(
        reverse("dublin:follow_up_edit", args=[follow_up.pk]),
        {"status": "done", "comment": "", "version": follow_up.version},
    )
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert FollowUp.objects.get(pk=follow_up.pk).status == FollowUp.Status.NOT_STARTED


def test_a_new_report_through_the_page_starts_from_the_countrys_previous_one(client_for, report_2017, secretariat):
    country = report_2017["report"].country
    response = client_for(secretariat).post(
        reverse("dublin:report_create"), {"country": country.pk, "year": 2020, "heading": ""}
    )
    new = CountryReport.objects.get(country=country, year=2020)
    assert response.status_code == 302
    assert new.sections.filter(title="Lao PDR response", number="(i)").exists()
    assert FollowUp.objects.filter(report=new).count() == 3


def test_a_second_report_for_the_same_country_and_year_is_refused(client_for, report_2017, secretariat):
    country = report_2017["report"].country
    response = client_for(secretariat).post(reverse("dublin:report_create"), {"country": country.pk, "year": 2017})
    assert "There is already a report" in response.content.decode()
    assert CountryReport.objects.filter(country=country).count() == 1


def test_a_countrys_first_report_gets_the_default_outline(db, secretariat):
    from seizures.tests.factories import CountryFactory

    report = outline.new_report(CountryFactory(name="Thailand"), 2026, user=secretariat)
    assert list(report.sections.filter(parent=None).values_list("number", flat=True)) == ["1.", "2.", "3.", "4.", "5."]
    assert (
        report.sections.filter(kind="updates").count() == 1
        and report.sections.filter(kind="recommendations").count() == 1
    )


def test_recommendations_stay_numbered_one_two_three_after_a_deletion(report_2017, secretariat):
    report = report_2017["report"]
    editing.delete_recommendation(report.recommendations.get(number=2), secretariat)
    assert list(report.recommendations.values_list("number", "text")) == [
        (1, "<p>Do thing 1</p>"),
        (2, "<p>Do thing 3</p>"),
    ]
    assert editing.add_recommendation(report, "<p>Do thing 4</p>", secretariat).number == 3


def test_a_recommendation_followed_up_next_year_cannot_be_deleted(report_2017, secretariat):
    outline.start_next_year(report_2017["report"], 2018, secretariat)
    with pytest.raises(ValueError):
        editing.delete_recommendation(Recommendation.objects.get(report=report_2017["report"], number=1), secretariat)


def test_numbered_recommendations_print_as_recommendation_n(client_for, report_2017, secretariat):
    page = client_for(secretariat).get(report_2017["report"].get_absolute_url()).content.decode()
    assert "Recommendation 2 –</strong> Do thing 2" in page
