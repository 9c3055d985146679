"""Next year's report starts from this year's: same header, sections and rows; columns kept or cleared."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from reports.carry_forward import start_next_year
from reports.models import Report
from reports.services import report_for_display

from .factories import NarrativeFactory, PriorityAreaFactory, ReportFactory, RowFactory, SectionFactory


def make_2019():
    report = ReportFactory(year=2019, title="IDSWG report 2019", state="final", layout="2015", key_mandate="Coordinate")
    top = SectionFactory(report=report, title="Sectoral thematic areas")
    sub = SectionFactory(report=report, parent=top, title="RTIM recommendations")
    row = RowFactory(section=sub, outputs="<p>BLOs</p>", progress="<p>15 BLOs</p>", indicator="None")
    row.priority_areas.add(PriorityAreaFactory(title="Law enforcement"))
    NarrativeFactory(report=report, title="Key priorities for 2020", body="<p>old</p>")
    return report


def test_next_year_copies_structure_and_keeps_only_the_chosen_columns(db):
    new = start_next_year(make_2019(), keep_columns={"outputs", "indicator"})
    assert (new.year, new.state, new.layout, new.key_mandate) == (2020, "draft", "2015", "Coordinate")
    assert new.title == "IDSWG report 2020"
    display = report_for_display(new)
    assert [s.title for s in display.sections] == ["Sectoral thematic areas"]
    assert [s.title for s in display.sections[0].subsections] == ["RTIM recommendations"]
    (row,) = display.all_rows()
    assert (row.outputs, row.progress, row.indicator) == ("<p>BLOs</p>", "", "None")
    assert [a.title for a in row.priority_areas.all()] == ["Law enforcement"]
    (narrative,) = display.narratives
    assert narrative.title == "Key priorities for 2021" and narrative.body == ""


def test_keeping_progress_too(db):
    new = start_next_year(make_2019(), keep_columns={"outputs", "progress"})
    (row,) = report_for_display(new).all_rows()
    assert row.progress == "<p>15 BLOs</p>"


def test_the_original_is_untouched(db):
    report = make_2019()
    start_next_year(report, keep_columns=set())
    (row,) = report_for_display(report).all_rows()
    assert row.progress == "<p>15 BLOs</p>"


def test_a_year_that_already_has_a_report_is_refused(db):
    report = make_2019()
    ReportFactory(year=2020)
    with pytest.raises(ValidationError):
        start_next_year(report, keep_columns=set())


def test_the_secretariat_chooses_the_columns_on_a_form(client_for, secretariat):
    report = make_2019()
    response = client_for(secretariat).post(
        reverse("reports:report_next_year", args=[report.pk]), {"title": "IDSWG report 2020", "keep": ["outputs"]}
    )
    new = Report.objects.get(year=2020)
    assert response["Location"] == new.get_absolute_url()
    (row,) = report_for_display(new).all_rows()
    assert row.outputs == "<p>BLOs</p>" and row.indicator == ""


def test_the_form_says_when_next_year_exists(client_for, secretariat):
    report = make_2019()
    ReportFactory(year=2020)
    response = client_for(secretariat).post(reverse("reports:report_next_year", args=[report.pk]), {"title": "x"})
    assert response.status_code == 200 and "There is already a report for 2020" in response.content.decode()
