"""The secretariat adds, moves and deletes rows and sections in place; each answer is the matrix fragment."""

from django.urls import reverse

from reports.models import MatrixRow, MatrixSection

from .factories import ReportFactory, RowFactory, SectionFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def rows_of(section):
    return list(section.rows.order_by("position", "pk").values_list("pk", flat=True))


def test_adding_a_lettered_section_takes_the_title_typed_in_the_prompt(client_for, secretariat):
    report = ReportFactory()
    response = client_for(secretariat).post(
        reverse("reports:section_create", args=[report.pk]), HTTP_HX_PROMPT="Communication and outreach", **HTMX
    )
    assert response.status_code == 200
    assert "A. Communication and outreach" in response.content.decode()
    assert "<html" not in response.content.decode()


def test_adding_a_numbered_subsection_under_a_lettered_one(client_for, secretariat):
    section = SectionFactory(title="Sectoral thematic areas")
    client_for(secretariat).post(
        reverse("reports:section_create", args=[section.report_id]),
        {"parent": section.pk},
        HTTP_HX_PROMPT="RTIM recommendations",
        **HTMX,
    )
    sub = MatrixSection.objects.get(parent=section)
    assert sub.title == "RTIM recommendations"


def test_a_subsection_cannot_hold_a_subsection(client_for, secretariat):
    sub = SectionFactory(parent=SectionFactory())
    response = client_for(secretariat).post(
        reverse("reports:section_create", args=[sub.report_id]), {"parent": sub.pk}, **HTMX
    )
    assert response.status_code == 404
    assert not sub.subsections.exists()


def test_adding_a_row_opens_its_editor_in_place(client_for, secretariat):
    section = SectionFactory()
    response = client_for(secretariat).post(reverse("reports:row_create", args=[section.pk]), **HTMX)
    row = section.rows.get()
    page = response.content.decode()
    assert f'<tr id="row-{row.pk}" class="matrix-row editing"' in page
    assert "<trix-editor" in page


def test_moving_a_row_down_and_up(client_for, secretariat):
    section = SectionFactory()
    a, b, c = (RowFactory(section=section) for _ in range(3))
    client = client_for(secretariat)
    client.post(reverse("reports:row_move", args=[a.pk]), {"direction": "down"}, **HTMX)
    assert rows_of(section) == [b.pk, a.pk, c.pk]
    client.post(reverse("reports:row_move", args=[c.pk]), {"direction": "up"}, **HTMX)
    assert rows_of(section) == [b.pk, c.pk, a.pk]
    client.post(reverse("reports:row_move", args=[b.pk]), {"direction": "up"}, **HTMX)  # already first: nothing moves
    assert rows_of(section) == [b.pk, c.pk, a.pk]


def test_moving_a_row_does_not_change_its_version(client_for, secretariat):
    section = SectionFactory()
    a, _b = RowFactory(section=section), RowFactory(section=section)
    client_for(secretariat).post(reverse("reports:row_move", args=[a.pk]), {"direction": "down"}, **HTMX)
    assert MatrixRow.objects.get(pk=a.pk).version == 1


def test_dragging_rows_puts_them_in_the_dropped_order_even_from_another_section(client_for, secretariat):
    report = ReportFactory()
    first, second = SectionFactory(report=report), SectionFactory(report=report)
    a, b = RowFactory(section=first), RowFactory(section=first)
    c = RowFactory(section=second)
    client_for(secretariat).post(reverse("reports:section_reorder", args=[second.pk]), {"row": [b.pk, c.pk]}, **HTMX)
    assert rows_of(second) == [b.pk, c.pk]
    assert rows_of(first) == [a.pk]


def test_dragging_cannot_pull_a_row_from_another_report(client_for, secretariat):
    section = SectionFactory()
    stranger = RowFactory()
    client_for(secretariat).post(reverse("reports:section_reorder", args=[section.pk]), {"row": [stranger.pk]}, **HTMX)
    assert MatrixRow.objects.get(pk=stranger.pk).section_id != section.pk


def test_moving_sections(client_for, secretariat):
    report = ReportFactory()
    a, b = SectionFactory(report=report), SectionFactory(report=report)
    client_for(secretariat).post(reverse("reports:section_move", args=[b.pk]), {"direction": "up"}, **HTMX)
    assert list(report.sections.order_by("position").values_list("pk", flat=True)) == [b.pk, a.pk]


def test_renaming_a_section(client_for, secretariat):
    section = SectionFactory(title="Old")
    client_for(secretariat).post(reverse("reports:section_edit", args=[section.pk]), HTTP_HX_PROMPT="New", **HTMX)
    section.refresh_from_db()
    assert section.title == "New"


def test_deleting_a_row_keeps_it_in_the_history(client_for, secretariat):
    row = RowFactory()
    client_for(secretariat).post(reverse("reports:row_delete", args=[row.pk]), **HTMX)
    assert not MatrixRow.objects.filter(pk=row.pk).exists()
    assert MatrixRow.history.filter(id=row.pk, history_type="-").exists()


def test_deleting_a_section_deletes_its_subsections_and_rows(client_for, secretariat):
    section = SectionFactory()
    sub = SectionFactory(report=section.report, parent=section)
    RowFactory(section=section), RowFactory(section=sub)
    client_for(secretariat).post(reverse("reports:section_delete", args=[section.pk]), **HTMX)
    assert not MatrixSection.objects.filter(report=section.report).exists()
    assert not MatrixRow.objects.filter(section__report=section.report).exists()
    assert MatrixRow.history.filter(history_type="-").count() == 2


def test_without_htmx_a_change_returns_to_the_report(client_for, secretariat):
    section = SectionFactory()
    response = client_for(secretariat).post(reverse("reports:row_create", args=[section.pk]))
    assert response.status_code == 302 and response["Location"] == section.report.get_absolute_url()


def test_only_the_secretariat_changes_the_matrix(client_for, partner, cochair):
    row = RowFactory(section__report__state="review")
    for user in (partner, cochair):
        client = client_for(user)
        assert (
            client.post(reverse("reports:row_edit", args=[row.pk]), {"version": 1, "progress": "x"}).status_code == 403
        )
        assert client.post(reverse("reports:row_delete", args=[row.pk])).status_code == 403
        assert client.post(reverse("reports:section_create", args=[row.section.report_id])).status_code == 403
    assert MatrixRow.objects.get(pk=row.pk).version == 1
