"""Review: draft -> in review -> final. Readers see reports in review and final; a final report never changes."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from reports import editing, review
from reports.access import ReportReadOnly, visible_reports
from reports.models import MatrixRow, Report, RowComment

from .factories import CommentFactory, NarrativeFactory, ReportFactory, RowFactory, SectionFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_a_report_moves_from_draft_to_review_to_final(secretariat):
    report = ReportFactory()
    report = review.move_to(report, Report.State.REVIEW, secretariat)
    report = review.move_to(report, Report.State.FINAL, secretariat)
    assert report.state == "final"
    assert report.history.first().history_user == secretariat


def test_a_draft_cannot_jump_to_final(secretariat):
    with pytest.raises(ValidationError):
        review.move_to(ReportFactory(), Report.State.FINAL, secretariat)


def test_a_report_in_review_can_go_back_to_draft(client_for, secretariat):
    report = ReportFactory(state="review")
    client_for(secretariat).post(reverse("reports:report_state", args=[report.pk]), {"state": "draft"})
    report.refresh_from_db()
    assert report.state == "draft"


def test_partners_and_cochairs_read_reports_in_review_and_final_but_not_drafts(client_for, partner, cochair):
    draft, in_review, final = ReportFactory(), ReportFactory(state="review"), ReportFactory(state="final")
    for user in (partner, cochair):
        assert set(visible_reports(user)) == {in_review, final}
        client = client_for(user)
        assert client.get(draft.get_absolute_url()).status_code == 404
        assert client.get(in_review.get_absolute_url()).status_code == 200
        listing = client.get(reverse("reports:report_list")).content.decode()
        assert in_review.title in listing and draft.title not in listing


def test_the_secretariat_sees_drafts(secretariat):
    draft = ReportFactory()
    assert draft in visible_reports(secretariat)


def test_every_change_to_a_final_report_is_refused_in_the_service_layer(secretariat):
    section = SectionFactory(report__state="draft")
    row = RowFactory(section=section)
    narrative = NarrativeFactory(report=section.report)
    comment = CommentFactory(row=row, author=secretariat)
    report = section.report
    report.state = "final"
    report.save()
    section.refresh_from_db()
    row = MatrixRow.objects.select_related("section__report").get(pk=row.pk)
    attempts = [
        lambda: editing.save_row(row.pk, row.version, {"progress": "<p>late</p>"}, secretariat),
        lambda: editing.add_row(section),
        lambda: editing.add_section(report, "late"),
        lambda: editing.rename_section(section, "late"),
        lambda: editing.move_row(row, "down"),
        lambda: editing.move_section(section, "down"),
        lambda: editing.reorder_rows(section, [row.pk]),
        lambda: editing.delete_row(row),
        lambda: editing.delete_section(section),
        lambda: review.move_to(report, "draft", secretariat),
        lambda: review.add_comment(row, secretariat, "late"),
        lambda: review.resolve_comment(comment, secretariat),
    ]
    for attempt in attempts:
        with pytest.raises(ReportReadOnly):
            attempt()
    row.refresh_from_db()
    assert row.version == 1 and row.progress == "<p>Some progress</p>"
    assert narrative.report.narratives.count() == 1


def test_crafted_requests_cannot_change_a_final_report(client_for, secretariat):
    row = RowFactory(section__report__state="final")
    report = row.section.report
    narrative = NarrativeFactory(report=report)
    client = client_for(secretariat)
    posts = [
        (reverse("reports:row_edit", args=[row.pk]), {"version": 1, "progress": "<p>late</p>"}),
        (reverse("reports:row_delete", args=[row.pk]), {}),
        (reverse("reports:row_move", args=[row.pk]), {"direction": "down"}),
        (reverse("reports:row_create", args=[row.section_id]), {}),
        (reverse("reports:section_create", args=[report.pk]), {"title": "late"}),
        (reverse("reports:section_delete", args=[row.section_id]), {}),
        (
            reverse("reports:report_edit", args=[report.pk]),
            {"year": report.year, "title": "late", "kind": "annual", "layout": "2019"},
        ),
        (reverse("reports:report_state", args=[report.pk]), {"state": "draft"}),
        (reverse("reports:narrative_edit", args=[report.pk, narrative.pk]), {"kind": "other", "title": "late"}),
        (reverse("reports:narrative_delete", args=[narrative.pk]), {}),
        (reverse("reports:row_restore", args=[row.pk, row.history.first().history_id]), {"version": 1}),
    ]
    for url, data in posts:
        assert client.post(url, data, **HTMX).status_code == 403, url
    report.refresh_from_db()
    row.refresh_from_db()
    assert report.state == "final" and report.title != "late"
    assert row.version == 1 and MatrixRow.objects.filter(pk=row.pk).exists()


def test_a_final_report_page_offers_no_editing(client_for, secretariat):
    row = RowFactory(section__report__state="final")
    page = client_for(secretariat).get(row.section.report.get_absolute_url()).content.decode()
    assert "read-only" in page
    assert reverse("reports:row_edit", args=[row.pk]) not in page


def test_a_partner_comments_on_a_row_during_review(client_for, partner):
    row = RowFactory(section__report__state="review")
    response = client_for(partner).post(
        reverse("reports:comment_create", args=[row.pk]), {"body": "Add the 2024 figures."}
    )
    assert response.status_code == 302
    comment = RowComment.objects.get(row=row)
    assert comment.author == partner and comment.resolved_at is None
    page = client_for(partner).get(row.section.report.get_absolute_url()).content.decode()
    assert "Add the 2024 figures." in page


def test_comments_are_refused_outside_review(partner):
    for state in ("draft", "final"):
        row = RowFactory(section__report__state=state)
        with pytest.raises(PermissionDenied):
            review.add_comment(row, partner, "too early or too late")


def test_a_comment_is_kept_as_text_not_markup(client_for, partner):
    row = RowFactory(section__report__state="review")
    client_for(partner).post(reverse("reports:comment_create", args=[row.pk]), {"body": "<script>alert(1)</script>"})
    page = client_for(partner).get(row.section.report.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page


def test_an_empty_comment_is_refused(client_for, partner):
    row = RowFactory(section__report__state="review")
    client_for(partner).post(reverse("reports:comment_create", args=[row.pk]), {"body": "   "})
    assert not RowComment.objects.exists()


def test_the_secretariat_resolves_a_comment(client_for, secretariat, partner):
    comment = CommentFactory(row__section__report__state="review", author=partner)
    assert client_for(partner).post(reverse("reports:comment_resolve", args=[comment.pk])).status_code == 403
    client_for(secretariat).post(reverse("reports:comment_resolve", args=[comment.pk]))
    comment.refresh_from_db()
    assert comment.resolved_by == secretariat and comment.resolved_at is not None


def test_the_home_page_lists_the_reports_a_partner_may_read(client_for, partner):
    ReportFactory(title="Draft nobody else sees")
    ReportFactory(title="Report in review", state="review")
    page = client_for(partner).get(reverse("home")).content.decode()
    assert "Report in review" in page and "open for your comments" in page
    assert "Draft nobody else sees" not in page
