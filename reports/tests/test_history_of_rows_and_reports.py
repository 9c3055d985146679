"""Every change is kept with who and when; the history pages show diffs and put an earlier version back."""

from django.urls import reverse

from idswg.tests.factories import secretariat_user
from reports import editing
from reports.history import word_diff
from reports.models import MatrixRow

from .factories import ReportFactory, RowFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_each_save_is_kept_with_its_author(secretariat):
    other = secretariat_user(first_name="Other", last_name="Editor")
    row = RowFactory()
    editing.save_row(row.pk, 1, {"progress": "<p>First</p>"}, secretariat)
    editing.save_row(row.pk, 2, {"progress": "<p>Second</p>"}, other)
    saves = list(row.history.filter(history_type="~").order_by("history_date"))
    assert [(h.history_user, h.version, h.progress) for h in saves] == [
        (secretariat, 2, "<p>First</p>"),
        (other, 3, "<p>Second</p>"),
    ]


def test_a_save_through_the_page_records_the_logged_in_user(client_for, secretariat):
    row = RowFactory()
    client_for(secretariat).post(
        reverse("reports:row_edit", args=[row.pk]), {"version": 1, "progress": "<p>x</p>"}, **HTMX
    )
    assert row.history.first().history_user == secretariat


def test_the_row_history_page_shows_who_changed_what_with_a_word_diff(client_for, secretariat):
    row = RowFactory(progress="<p>Seven new BLOs</p>")
    editing.save_row(row.pk, 1, {"progress": "<p>Nine new BLOs</p>"}, secretariat)
    page = client_for(secretariat).get(reverse("reports:row_history", args=[row.pk])).content.decode()
    assert str(secretariat) in page
    assert "<del>Seven</del> <ins>Nine</ins> new BLOs" in page


def test_restoring_an_earlier_version_makes_it_the_newest(client_for, secretariat):
    row = RowFactory(progress="<p>Original</p>")
    editing.save_row(row.pk, 1, {"progress": "<p>Vandalised</p>"}, secretariat)
    original = row.history.get(history_type="+")
    client_for(secretariat).post(reverse("reports:row_restore", args=[row.pk, original.history_id]), {"version": 2})
    stored = MatrixRow.objects.get(pk=row.pk)
    assert stored.progress == "<p>Original</p>" and stored.version == 3
    assert "Restored" in row.history.first().history_change_reason


def test_restoring_from_a_stale_page_is_refused(client_for, secretariat):
    row = RowFactory(progress="<p>Original</p>")
    editing.save_row(row.pk, 1, {"progress": "<p>Second</p>"}, secretariat)
    editing.save_row(row.pk, 2, {"progress": "<p>Third</p>"}, secretariat)
    original = row.history.get(history_type="+")
    client_for(secretariat).post(reverse("reports:row_restore", args=[row.pk, original.history_id]), {"version": 2})
    assert MatrixRow.objects.get(pk=row.pk).progress == "<p>Third</p>"


def test_the_report_history_lists_header_sections_and_rows_even_deleted_ones(client_for, secretariat):
    report = ReportFactory(title="Report 2025")
    row = RowFactory(section__report=report, outputs="<p>Border Liaison Offices</p>")
    editing.save_row(row.pk, 1, {"progress": "<p>Fifteen BLOs</p>"}, secretariat)
    editing.delete_row(MatrixRow.objects.get(pk=row.pk))
    report.title = "IDSWG report 2025"
    report.save()
    page = client_for(secretariat).get(reverse("reports:report_history", args=[report.pk])).content.decode()
    assert "Row “Border Liaison Offices”" in page
    assert "deleted" in page and "<ins>Fifteen BLOs</ins>" in page
    assert "<del>Report</del> <ins>IDSWG report</ins> 2025" in page


def test_restoring_an_earlier_report_header(client_for, secretariat):
    report = ReportFactory(title="Good title")
    report.title = "Bad title"
    report.save()
    first = report.history.order_by("history_date").first()
    client_for(secretariat).post(reverse("reports:report_restore", args=[report.pk, first.history_id]))
    report.refresh_from_db()
    assert report.title == "Good title"


def test_the_word_diff_escapes_what_it_shows():
    assert word_diff("<p>a</p>", "<p>a &lt;b&gt;</p>") == "a <ins>&lt;b&gt;</ins>"


def test_a_deleted_row_is_brought_back_from_the_report_history(client_for, secretariat):
    row = RowFactory(progress="<p>Fifteen BLOs</p>")
    report = row.section.report
    editing.save_row(row.pk, 1, {"progress": "<p>Fifteen BLOs trained</p>"}, secretariat)
    editing.delete_row(MatrixRow.objects.get(pk=row.pk))
    deleted = MatrixRow.history.get(id=row.pk, history_type="-")
    page = client_for(secretariat).get(reverse("reports:report_history", args=[report.pk])).content.decode()
    assert reverse("reports:row_undelete", args=[report.pk, deleted.history_id]) in page
    client_for(secretariat).post(reverse("reports:row_undelete", args=[report.pk, deleted.history_id]))
    back = MatrixRow.objects.get(pk=row.pk)
    assert back.progress == "<p>Fifteen BLOs trained</p>" and back.version == 3
    assert back.history.first().history_user == secretariat


def test_a_row_whose_section_is_gone_stays_deleted_with_a_message(client_for, secretariat):
    row = RowFactory()
    report = row.section.report
    editing.delete_section(row.section)
    deleted = MatrixRow.history.get(id=row.pk, history_type="-")
    response = client_for(secretariat).post(
        reverse("reports:row_undelete", args=[report.pk, deleted.history_id]), follow=True
    )
    assert "bring the section back first" in response.content.decode()
    assert not MatrixRow.objects.filter(pk=row.pk).exists()
