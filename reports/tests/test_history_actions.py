"""What each entry of a report's history offers (restore, bring back, the row's own history) is decided
in ``reports.history``, once, from the report's state; the page only shows it."""

from django.urls import reverse

from reports import editing, history
from reports.models import MatrixRow, Report

from .factories import NarrativeFactory, ReportFactory, RowFactory


def _entries_of(page):
    """The list of entries of a history page (the page's menu and language forms left out)."""
    return page.split('<ol class="list-group mb-4">', 1)[1].split("</ol>", 1)[0]


def _history_of_every_kind(secretariat):
    """A report whose header, a narrative, a section title and two rows (one since deleted) changed once each."""
    report = ReportFactory(title="First title")
    narrative = NarrativeFactory(report=report, title="Lessons")
    kept = RowFactory(section__report=report, outputs="<p>Kept row</p>")
    section = kept.section
    gone = RowFactory(section=section, outputs="<p>Deleted row</p>")
    report.title = "Second title"
    report.save()
    narrative.title = "Lessons learned"
    narrative.save()
    editing.rename_section(section, "Renamed section")
    editing.save_row(kept.pk, 1, {"progress": "<p>Edited</p>"}, secretariat)
    editing.delete_row(MatrixRow.objects.get(pk=gone.pk))
    return report, narrative, section, kept, gone


def _offers(report, editable):
    """``{(kind, what, latest): [(label, url, post)]}`` for every entry of the report's history."""
    entries = history.offer_actions(report, history.report_history(report), editable)
    return {(e.kind, str(e.what), e.latest): [(str(a.label), a.url, a.post) for a in e.actions] for e in entries}


def test_each_entry_of_a_draft_reports_history_offers_what_can_be_done_with_it(secretariat):
    report, narrative, section, kept, gone = _history_of_every_kind(secretariat)
    first_header = report.history.order_by("history_date").first()
    first_narrative = narrative.history.order_by("history_date").first()
    first_title = section.history.order_by("history_date").first()
    deleted = MatrixRow.history.get(id=gone.pk, history_type="-")

    offers = _offers(report, editable=True)

    assert offers[("report", "Report header", False)] == [
        ("Restore this header", reverse("reports:report_restore", args=[report.pk, first_header.history_id]), True)
    ]
    assert offers[("report", "Report header", True)] == []
    assert offers[("narrativesection", "Narrative “Lessons”", False)] == [
        (
            "Restore this version",
            reverse("reports:narrative_restore", args=[narrative.pk, first_narrative.history_id]),
            True,
        )
    ]
    assert offers[("narrativesection", "Narrative “Lessons learned”", True)] == []
    assert offers[("matrixsection", f"Section “{first_title.title}”", False)] == [
        ("Restore this title", reverse("reports:section_restore", args=[section.pk, first_title.history_id]), True)
    ]
    assert offers[("matrixsection", "Section “Renamed section”", True)] == []
    # A row's versions are restored from its own history; the report's history links there from its latest entry.
    assert offers[("matrixrow", "Row “Kept row”", True)] == [
        ("Row history", reverse("reports:row_history", args=[kept.pk]), False)
    ]
    assert offers[("matrixrow", "Row “Kept row”", False)] == []
    assert offers[("matrixrow", "Row “Deleted row”", True)] == [
        ("Bring this row back", reverse("reports:row_undelete", args=[report.pk, deleted.history_id]), True)
    ]
    assert offers[("matrixrow", "Row “Deleted row”", False)] == []


def test_a_reader_who_may_not_change_the_report_is_offered_only_the_rows_histories(secretariat):
    report, _narrative, _section, kept, _gone = _history_of_every_kind(secretariat)

    offers = _offers(report, editable=False)

    assert {action for actions in offers.values() for action in actions} == {
        ("Row history", reverse("reports:row_history", args=[kept.pk]), False)
    }


def test_the_history_page_of_a_draft_shows_each_offer_as_a_form_or_a_link(client_for, secretariat):
    report, narrative, _section, kept, _gone = _history_of_every_kind(secretariat)
    first_narrative = narrative.history.order_by("history_date").first()

    page = _entries_of(
        client_for(secretariat).get(reverse("reports:report_history", args=[report.pk])).content.decode()
    )

    restore = reverse("reports:narrative_restore", args=[narrative.pk, first_narrative.history_id])
    assert f'<form method="post" action="{restore}">' in page
    assert (
        f'<a class="btn btn-sm btn-outline-secondary" href="{reverse("reports:row_history", args=[kept.pk])}">' in page
    )
    assert page.count('name="csrfmiddlewaretoken"') == 4  # header, narrative, section title, deleted row
    # The offer works from the page as it did from the template's own rules.
    client_for(secretariat).post(restore)
    narrative.refresh_from_db()
    assert narrative.title == "Lessons"


def test_the_history_page_of_a_final_report_offers_no_restore(client_for, secretariat):
    report, _narrative, _section, kept, _gone = _history_of_every_kind(secretariat)
    Report.objects.filter(pk=report.pk).update(state=Report.State.FINAL)

    page = _entries_of(
        client_for(secretariat).get(reverse("reports:report_history", args=[report.pk])).content.decode()
    )

    assert '<form method="post"' not in page
    assert "Restore this" not in page and "Bring this row back" not in page
    assert reverse("reports:row_history", args=[kept.pk]) in page


def test_a_rows_history_offers_to_restore_each_earlier_version_until_the_report_is_final(client_for, secretariat):
    row = RowFactory(progress="<p>First</p>")
    editing.save_row(row.pk, 1, {"progress": "<p>Second</p>"}, secretariat)
    row.refresh_from_db()
    first = row.history.get(history_type="+")
    url = reverse("reports:row_history", args=[row.pk])

    offers = [entry.actions for entry in history.row_actions(row, history.row_history(row), editable=True)]

    restore = reverse("reports:row_restore", args=[row.pk, first.history_id])
    assert offers == [[], [history.Action("Restore this version", restore, fields=(("version", 2),))]]
    page = _entries_of(client_for(secretariat).get(url).content.decode())
    assert f'<form method="post" action="{restore}" class="ms-auto">' in page
    assert '<input type="hidden" name="version" value="2">' in page
    Report.objects.filter(pk=row.section.report_id).update(state=Report.State.FINAL)
    assert '<form method="post"' not in _entries_of(client_for(secretariat).get(url).content.decode())
