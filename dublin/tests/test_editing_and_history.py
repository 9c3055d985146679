"""Conflict-safe section editing, the report's history with diffs, and bringing a version back."""

from django.urls import reverse

from dublin import editing, history
from dublin.models import CountryReport, Section

from .factories import CountryReportFactory, SectionFactory


def _save(client, section, version, body, title=None):
    return client.post(
        reverse("dublin:section_edit", args=[section.pk]),
        {"version": version, "number": section.number, "title": title or section.title, "body": body, "footnotes": ""},
    )


def test_a_section_save_is_sanitised_and_kept_in_the_history_with_who(client_for, secretariat, db):
    section = SectionFactory()
    response = _save(
        client_for(secretariat), section, 1, '<p>New <script>alert(1)</script><a href="javascript:x">l</a></p>'
    )
    assert response.status_code == 302
    section.refresh_from_db()
    assert "script" not in section.body and "javascript" not in section.body
    assert section.version == 2
    assert section.history.first().history_user == secretariat


def test_two_editors_of_one_section_never_overwrite_each_other(client_for, secretariat, db):
    section = SectionFactory(body="<p>Start</p>")
    client = client_for(secretariat)
    assert _save(client, section, 1, "<p>First editor</p>").status_code == 302
    response = _save(client, section, 1, "<p>Second editor</p>")
    assert response.status_code == 409
    assert "First editor" in response.content.decode()  # what was saved meanwhile is shown
    assert Section.objects.get(pk=section.pk).body == "<p>First editor</p>"


def test_the_history_shows_a_word_diff_and_restores_an_earlier_version(client_for, secretariat, db):
    section = SectionFactory(body="<p>Opium production stabilised</p>")
    client = client_for(secretariat)
    _save(client, section, 1, "<p>Opium production increased</p>")
    page = client.get(reverse("dublin:report_history", args=[section.report_id])).content.decode()
    assert "<del>stabilised</del>" in page and "<ins>increased</ins>" in page
    first = section.history.order_by("history_date").first()
    response = client.post(reverse("dublin:restore", args=[section.report_id, "section", first.history_id]))
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.body == "<p>Opium production stabilised</p>" and section.version == 3
    assert section.history.first().history_change_reason.startswith("Restored the version of")


def test_history_offers_restore_buttons_on_a_draft_and_none_once_the_report_is_final(client_for, secretariat, db):
    section = SectionFactory(body="<p>Opium production stabilised</p>")
    client = client_for(secretariat)
    _save(client, section, 1, "<p>Opium production increased</p>")
    url = reverse("dublin:report_history", args=[section.report_id])
    assert [e.restorable for e in history.report_history(section.report) if e.kind == "section"] == [False, True]
    assert "Restore this version" in client.get(url).content.decode()
    CountryReport.objects.filter(pk=section.report_id).update(state=CountryReport.State.FINAL)
    section.report.refresh_from_db()
    assert not any(e.restorable for e in history.report_history(section.report))
    assert "Restore this version" not in client.get(url).content.decode()


def test_a_final_report_refuses_section_edits(client_for, secretariat, db):
    section = SectionFactory(report=CountryReportFactory(state=CountryReport.State.FINAL))
    assert client_for(secretariat).get(reverse("dublin:section_edit", args=[section.pk])).status_code == 403
    assert _save(client_for(secretariat), section, 1, "<p>x</p>").status_code == 403


def test_the_review_moves_draft_to_review_to_final_and_not_back_from_final(client_for, secretariat, db):
    report = CountryReportFactory()
    client = client_for(secretariat)
    client.post(reverse("dublin:report_state", args=[report.pk]), {"state": "final"})
    assert CountryReport.objects.get(pk=report.pk).state == "draft"  # draft cannot jump to final
    client.post(reverse("dublin:report_state", args=[report.pk]), {"state": "review"})
    client.post(reverse("dublin:report_state", args=[report.pk]), {"state": "final"})
    assert CountryReport.objects.get(pk=report.pk).state == "final"
    client.post(reverse("dublin:report_state", args=[report.pk]), {"state": "draft"})
    assert CountryReport.objects.get(pk=report.pk).state == "final"


def test_a_section_holding_partner_updates_cannot_be_deleted(secretariat, db):
    from .factories import PartnerUpdateFactory

    update = PartnerUpdateFactory()
    try:
        editing.delete_section(update.section, secretariat)
    except ValueError as error:
        assert "partner updates" in str(error)
    assert Section.objects.filter(pk=update.section_id).exists()


def test_sections_move_among_their_siblings(secretariat, db):
    report = CountryReportFactory()
    a = SectionFactory(report=report, position=1)
    b = SectionFactory(report=report, position=2)
    editing.move_section(b, "up")
    assert list(report.sections.order_by("position").values_list("pk", flat=True)) == [b.pk, a.pk]


def test_restoring_an_update_is_attributed_to_who_restored_it(secretariat, partner, db):
    from dublin.models import PartnerUpdate

    from .factories import PartnerUpdateFactory

    update = PartnerUpdateFactory(organisation=partner.organisation)
    editing.save_update_text(update.pk, 1, {"body": "<p>First words</p>"}, partner)
    editing.save_update_text(update.pk, 2, {"body": "<p>Second words</p>"}, partner)
    first = update.history.filter(body="<p>First words</p>").first()
    editing.restore(PartnerUpdate, update.pk, first, 3, secretariat)
    update.refresh_from_db()
    assert update.body == "<p>First words</p>" and update.updated_by == secretariat
    assert update.history.first().history_user == secretariat
