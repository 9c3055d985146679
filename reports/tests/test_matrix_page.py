"""The matrix page: its sections are lettered and numbered, its columns follow the layout, its cost does not grow."""

import pytest
from django.urls import reverse

from reports.services import letter, report_for_display

from .factories import PriorityAreaFactory, ReportFactory, RowFactory, SectionFactory, report_with_rows


@pytest.mark.parametrize("who", ["secretariat", "partner"])
def test_the_matrix_page_of_300_rows_costs_the_same_queries_as_5(who, request, client_for, django_assert_num_queries):
    user = request.getfixturevalue(who)
    areas = PriorityAreaFactory.create_batch(2)
    small = report_with_rows(5, state="review", areas=areas)
    large = report_with_rows(300, state="review", areas=areas)
    client = client_for(user)
    client.get(small.get_absolute_url())  # warm the session and the user's roles
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        response = client.get(small.get_absolute_url())
    assert response.status_code == 200
    with django_assert_num_queries(len(few)):
        response = client.get(large.get_absolute_url())
    assert response.content.decode().count('class="matrix-row"') == 300


def test_report_for_display_reads_a_report_in_a_fixed_number_of_queries(django_assert_num_queries, db):
    areas = PriorityAreaFactory.create_batch(2)
    for n in (5, 300):
        report = report_with_rows(n, areas=areas)
        with django_assert_num_queries(5):
            display = report_for_display(report, with_comments=True)
            rows = list(display.all_rows())
            assert len(rows) == n
            assert all(len(r.priority_areas.all()) == 2 and len(r.comment_list) == 1 for r in rows)


def test_sections_are_lettered_and_subsections_numbered_in_display_order(db):
    report = ReportFactory()
    a = SectionFactory(report=report, title="Sectoral thematic areas", position=1)
    c = SectionFactory(report=report, title="Cross-sectoral areas", position=3)
    b = SectionFactory(report=report, title="Communication and outreach", position=2)
    SectionFactory(report=report, parent=a, title="RTIM recommendations", position=1)
    SectionFactory(report=report, parent=a, title="Other substantive actions", position=2)
    first = RowFactory(section=b, position=2)
    second = RowFactory(section=b, position=1)
    display = report_for_display(report)
    assert [(s.label, s.title) for s in display.sections] == [
        ("A.", "Sectoral thematic areas"),
        ("B.", "Communication and outreach"),
        ("C.", "Cross-sectoral areas"),
    ]
    assert [(s.label, s.title) for s in display.sections[0].subsections] == [
        ("1.", "RTIM recommendations"),
        ("2.", "Other substantive actions"),
    ]
    assert display.sections[1].rows == [second, first]
    assert c.pk == display.sections[2].pk


def test_letters_go_on_after_z():
    assert [letter(i) for i in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "AA", "AB"]


def test_the_2019_layout_shows_three_columns(client_for, secretariat):
    report = ReportFactory(layout="2019")
    RowFactory(section__report=report, key_messages="<p>Hidden key message</p>", indicator="Hidden indicator")
    page = client_for(secretariat).get(report.get_absolute_url()).content.decode()
    assert "Challenges and opportunities" in page
    assert "Key messages to inform discussions" not in page
    assert "Hidden key message" not in page and "Hidden indicator" not in page


def test_the_2015_layout_adds_key_messages_and_an_indicator_line(client_for, secretariat):
    report = ReportFactory(layout="2015")
    RowFactory(section__report=report, key_messages="<p>Be pragmatic</p>", indicator="None")
    page = client_for(secretariat).get(report.get_absolute_url()).content.decode()
    assert "Challenges and measures" in page
    assert "Key messages to inform discussions during the HL RTM" in page
    assert "Be pragmatic" in page and "Indicator: None" in page


def test_a_row_shows_the_priority_areas_it_links_to(client_for, partner):
    report = ReportFactory(state="final")
    area = PriorityAreaFactory(number=6, title="Law enforcement", plan__start_year=2016, plan__end_year=2020)
    RowFactory(section__report=report).priority_areas.add(area)
    page = client_for(partner).get(report.get_absolute_url()).content.decode()
    assert "2016–2020 · 6. Law enforcement" in page


def test_the_row_fragment_alone_is_served_for_a_cancelled_edit(client_for, secretariat):
    row = RowFactory(progress="<p>Shown</p>")
    url = reverse("reports:row_fragment", args=[row.pk])
    page = client_for(secretariat).get(url, headers={"HX-Request": "true"}).content.decode()
    assert page.lstrip().startswith(f'<tr id="row-{row.pk}"') and "Shown" in page
