"""A row's links to priority areas are kept in its history; narratives and section titles can be restored too."""

import pytest
from django.urls import reverse

from idswg.tests.factories import secretariat_user
from reports import editing
from reports.access import ReportReadOnly
from reports.models import MatrixRow, MatrixSection, NarrativeSection, Report

from .factories import NarrativeFactory, PriorityAreaFactory, RowFactory, SectionFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def _links(row):
    return set(MatrixRow.objects.get(pk=row.pk).priority_areas.values_list("pk", flat=True))


def _make_final(report):
    Report.objects.filter(pk=report.pk).update(state=Report.State.FINAL)


def test_a_change_of_links_is_kept_with_who_made_it_and_when(secretariat):
    other = secretariat_user(first_name="Other", last_name="Editor")
    demand, supply = PriorityAreaFactory(title="Drug demand reduction"), PriorityAreaFactory(title="Supply reduction")
    row = RowFactory()
    editing.save_row(row.pk, 1, {}, secretariat, priority_areas=[demand])
    editing.save_row(row.pk, 2, {}, other, priority_areas=[demand, supply])
    saves = list(row.history.filter(history_type="~").order_by("history_date", "history_id"))
    assert [(h.history_user, h.version) for h in saves] == [(secretariat, 2), (other, 3)]
    assert [set(h.priority_areas.values_list("priorityarea_id", flat=True)) for h in saves] == [
        {demand.pk},
        {demand.pk, supply.pk},
    ]
    assert all(h.history_date for h in saves)


def test_a_save_with_new_links_makes_one_history_entry_not_two(secretariat):
    row = RowFactory()
    editing.save_row(row.pk, 1, {"progress": "<p>x</p>"}, secretariat, priority_areas=[PriorityAreaFactory()])
    assert row.history.count() == 2


def test_the_row_history_page_shows_links_added_and_removed(client_for, secretariat):
    demand, supply = PriorityAreaFactory(title="Drug demand reduction"), PriorityAreaFactory(title="Supply reduction")
    row = RowFactory()
    editing.save_row(row.pk, 1, {}, secretariat, priority_areas=[demand])
    editing.save_row(row.pk, 2, {}, secretariat, priority_areas=[supply])
    page = client_for(secretariat).get(reverse("reports:row_history", args=[row.pk])).content.decode()
    assert f"<del>{demand.plan.name}: {demand}</del>" in page
    assert f"<ins>{supply.plan.name}: {supply}</ins>" in page


def test_a_link_change_through_the_page_is_recorded_for_the_logged_in_user(client_for, secretariat):
    area = PriorityAreaFactory()
    row = RowFactory()
    data = {"version": 1, "progress": "<p>x</p>", "priority_areas": [area.pk]}
    client_for(secretariat).post(reverse("reports:row_edit", args=[row.pk]), data, **HTMX)
    latest = row.history.first()
    assert latest.history_user == secretariat
    assert list(latest.priority_areas.values_list("priorityarea_id", flat=True)) == [area.pk]


def test_restoring_an_earlier_version_brings_its_links_back(client_for, secretariat):
    demand, supply = PriorityAreaFactory(), PriorityAreaFactory()
    row = RowFactory()
    editing.save_row(row.pk, 1, {"progress": "<p>Good</p>"}, secretariat, priority_areas=[demand])
    good = row.history.first()
    editing.save_row(row.pk, 2, {"progress": "<p>Bad</p>"}, secretariat, priority_areas=[supply])
    client_for(secretariat).post(reverse("reports:row_restore", args=[row.pk, good.history_id]), {"version": 3})
    stored = MatrixRow.objects.get(pk=row.pk)
    assert stored.progress == "<p>Good</p>" and stored.version == 4
    assert _links(row) == {demand.pk}
    restored = row.history.first()
    assert restored.history_user == secretariat and "Restored" in restored.history_change_reason
    assert list(restored.priority_areas.values_list("priorityarea_id", flat=True)) == [demand.pk]


def test_a_row_brought_back_after_deletion_keeps_its_links(secretariat):
    area = PriorityAreaFactory()
    row = RowFactory()
    editing.save_row(row.pk, 1, {}, secretariat, priority_areas=[area])
    editing.delete_row(MatrixRow.objects.get(pk=row.pk))
    deleted = MatrixRow.history.get(id=row.pk, history_type="-")
    editing.undelete_row(row.section.report, deleted, secretariat)
    assert _links(row) == {area.pk}


def test_restoring_a_row_of_a_final_report_is_refused_and_keeps_its_links(client_for, secretariat):
    demand, supply = PriorityAreaFactory(), PriorityAreaFactory()
    row = RowFactory()
    editing.save_row(row.pk, 1, {}, secretariat, priority_areas=[demand])
    first = row.history.first()
    editing.save_row(row.pk, 2, {}, secretariat, priority_areas=[supply])
    _make_final(row.section.report)
    with pytest.raises(ReportReadOnly):
        editing.restore_row(row.pk, first, 3, secretariat)
    response = client_for(secretariat).post(
        reverse("reports:row_restore", args=[row.pk, first.history_id]), {"version": 3}
    )
    assert response.status_code == 403
    assert _links(row) == {supply.pk}


def test_restoring_an_earlier_narrative_makes_it_the_newest_version(client_for, secretariat):
    narrative = NarrativeFactory(title="Lessons learned", body="<p>Cooperation works.</p>")
    narrative.title, narrative.body = "Lessons", "<p>Vandalised</p>"
    narrative.save()
    first = narrative.history.order_by("history_date", "history_id").first()
    page = client_for(secretariat).get(reverse("reports:report_history", args=[narrative.report_id])).content.decode()
    assert reverse("reports:narrative_restore", args=[narrative.pk, first.history_id]) in page
    response = client_for(secretariat).post(reverse("reports:narrative_restore", args=[narrative.pk, first.history_id]))
    assert response.status_code == 302
    narrative.refresh_from_db()
    assert (narrative.title, narrative.body) == ("Lessons learned", "<p>Cooperation works.</p>")
    latest = narrative.history.first()
    assert latest.history_user == secretariat and "Restored" in latest.history_change_reason
    assert narrative.history.count() == 3


def test_restoring_an_earlier_section_title(client_for, secretariat):
    section = SectionFactory(title="A. Sectoral thematic areas")
    section.title = "Oops"
    section.save()
    first = section.history.order_by("history_date", "history_id").first()
    client_for(secretariat).post(reverse("reports:section_restore", args=[section.pk, first.history_id]))
    section.refresh_from_db()
    assert section.title == "A. Sectoral thematic areas"
    assert section.history.first().history_user == secretariat


def test_a_narrative_or_section_of_a_final_report_is_not_restored(client_for, secretariat):
    narrative = NarrativeFactory(body="<p>Final words</p>")
    section = SectionFactory(report=narrative.report, title="Final title")
    first_narrative = narrative.history.first()
    first_section = section.history.first()
    NarrativeSection.objects.filter(pk=narrative.pk).update(body="<p>Stored</p>")
    MatrixSection.objects.filter(pk=section.pk).update(title="Stored title")
    _make_final(narrative.report)
    with pytest.raises(ReportReadOnly):
        editing.restore_narrative(narrative.pk, first_narrative, secretariat)
    client = client_for(secretariat)
    assert (
        client.post(reverse("reports:narrative_restore", args=[narrative.pk, first_narrative.history_id])).status_code
        == 403
    )
    assert (
        client.post(reverse("reports:section_restore", args=[section.pk, first_section.history_id])).status_code == 403
    )
    page = client.get(reverse("reports:report_history", args=[narrative.report_id])).content.decode()
    assert "Restore this" not in page
    assert NarrativeSection.objects.get(pk=narrative.pk).body == "<p>Stored</p>"
    assert MatrixSection.objects.get(pk=section.pk).title == "Stored title"


def test_only_the_secretariat_restores_a_narrative(client_for, partner, cochair):
    narrative = NarrativeFactory(body="<p>Original</p>", report__state="review")
    first = narrative.history.first()
    NarrativeSection.objects.filter(pk=narrative.pk).update(body="<p>Current</p>")
    url = reverse("reports:narrative_restore", args=[narrative.pk, first.history_id])
    for user in (partner, cochair):
        assert client_for(user).post(url).status_code == 403
    assert NarrativeSection.objects.get(pk=narrative.pk).body == "<p>Current</p>"


def test_a_version_of_another_narrative_is_not_found(client_for, secretariat):
    one, other = NarrativeFactory(), NarrativeFactory()
    response = client_for(secretariat).post(
        reverse("reports:narrative_restore", args=[one.pk, other.history.first().history_id])
    )
    assert response.status_code == 404


def test_a_row_carried_into_next_year_is_created_with_its_links_in_one_history_entry(secretariat):
    from reports.carry_forward import start_next_year

    area = PriorityAreaFactory()
    row = RowFactory(section__report__year=2030)
    editing.save_row(row.pk, 1, {}, secretariat, priority_areas=[area])
    new = start_next_year(row.section.report, {"outputs"}, "IDSWG report 2031")
    copy = MatrixRow.objects.get(section__report=new)
    [created] = copy.history.all()
    assert created.history_type == "+"
    assert list(created.priority_areas.values_list("priorityarea_id", flat=True)) == [area.pk]
