"""Who may see and write which programme update, in each state of the update and of the report."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from dublin import access, editing, updates
from dublin.models import CountryReport, PartnerUpdate


def _post_update(client, update, body, submit=False):
    data = {"version": update.version, "heading": update.heading, "body": body, "footnotes": ""}
    if submit:
        data["submit"] = "1"
    return client.post(reverse("dublin:update_edit", args=[update.pk]), data)


def test_a_partner_writes_a_draft_of_its_own_update_and_the_change_is_attributed(client_for, partner, asked):
    response = _post_update(client_for(partner), asked["mine"], "<p>Our <strong>draft</strong></p>")
    assert response.status_code == 302
    mine = PartnerUpdate.objects.get(pk=asked["mine"].pk)
    assert mine.state == PartnerUpdate.State.DRAFT
    assert mine.body == "<p>Our <strong>draft</strong></p>"
    assert mine.updated_by == partner
    assert mine.history.first().history_user == partner


def test_a_partner_never_sees_another_organisations_unsubmitted_update(client_for, partner, asked):
    theirs = asked["theirs"]
    editing.save_update_text(theirs.pk, theirs.version, {"body": "<p>Secret draft</p>"}, asked["other_partner"])
    client = client_for(partner)
    assert client.get(reverse("dublin:update_edit", args=[theirs.pk])).status_code == 404
    assert _post_update(client, PartnerUpdate.objects.get(pk=theirs.pk), "<p>mine now</p>").status_code == 404
    assert PartnerUpdate.objects.get(pk=theirs.pk).body == "<p>Secret draft</p>"


def test_the_draft_report_is_the_secretariats_alone_even_for_a_partner_asked_to_write(client_for, partner, asked):
    assert client_for(partner).get(asked["report"].get_absolute_url()).status_code == 404


def test_in_review_members_read_submitted_updates_but_not_drafts(client_for, partner, cochair, secretariat, asked):
    mine, theirs = asked["mine"], asked["theirs"]
    editing.save_update_text(mine.pk, mine.version, {"body": "<p>Japan submitted text</p>"}, partner)
    updates.submit(mine, partner)
    editing.save_update_text(
        theirs.pk, theirs.version, {"body": "<p>Australia still drafting</p>"}, asked["other_partner"]
    )
    CountryReport.objects.filter(pk=asked["report"].pk).update(state=CountryReport.State.REVIEW)
    page = client_for(cochair).get(asked["report"].get_absolute_url()).content.decode()
    assert "Japan submitted text" in page
    assert "Australia still drafting" not in page
    other = client_for(asked["other_partner"]).get(asked["report"].get_absolute_url()).content.decode()
    assert "Australia still drafting" in other  # its own draft, in place
    assert "Japan submitted text" in other
    assert (
        "Australia still drafting" in client_for(secretariat).get(asked["report"].get_absolute_url()).content.decode()
    )


def test_a_submitted_update_can_still_be_changed_until_the_deadline(client_for, partner, asked):
    mine = asked["mine"]
    client = client_for(partner)
    _post_update(client, mine, "<ul><li>First</li></ul>", submit=True)
    mine.refresh_from_db()
    assert mine.state == PartnerUpdate.State.SUBMITTED and mine.submitted_at
    assert _post_update(client, mine, "<ul><li>First</li><li>Second</li></ul>").status_code == 302
    mine.refresh_from_db()
    assert mine.state == PartnerUpdate.State.SUBMITTED
    assert "Second" in mine.body


def test_after_the_deadline_the_partner_can_no_longer_change_its_update(client_for, partner, asked):
    mine = asked["mine"]
    PartnerUpdate.objects.filter(pk=mine.pk).update(deadline=timezone.localdate() - datetime.timedelta(days=1))
    mine.refresh_from_db()
    client = client_for(partner)
    page = client.get(reverse("dublin:update_edit", args=[mine.pk]))
    assert page.status_code == 200 and "deadline has passed" in page.content.decode()
    assert _post_update(client, mine, "<p>too late</p>").status_code == 403
    assert client.post(reverse("dublin:update_submit", args=[mine.pk])).status_code == 403
    assert PartnerUpdate.objects.get(pk=mine.pk).body == ""


def test_the_deadline_day_itself_is_still_open_in_vientiane_time(asked, partner):
    mine = asked["mine"]
    mine.deadline = datetime.date(2026, 12, 10)
    # 23:30 in Vientiane on the deadline day is 16:30 UTC.
    assert access.can_write_update(partner, mine, now=datetime.datetime(2026, 12, 10, 16, 30, tzinfo=datetime.UTC))
    assert not access.can_write_update(partner, mine, now=datetime.datetime(2026, 12, 10, 17, 30, tzinfo=datetime.UTC))


def test_an_accepted_update_is_closed_to_its_writers_but_not_to_the_secretariat(
    client_for, partner, secretariat, asked
):
    mine = asked["mine"]
    editing.save_update_text(mine.pk, mine.version, {"body": "<p>Done</p>"}, partner)
    updates.submit(mine, partner)
    assert client_for(secretariat).post(reverse("dublin:update_accept", args=[mine.pk])).status_code == 302
    mine.refresh_from_db()
    assert mine.state == PartnerUpdate.State.ACCEPTED and mine.accepted_by == secretariat
    assert _post_update(client_for(partner), mine, "<p>changed</p>").status_code == 403
    assert _post_update(client_for(secretariat), mine, "<p>Edited by the secretariat</p>").status_code == 302
    mine.refresh_from_db()
    assert mine.body == "<p>Edited by the secretariat</p>" and mine.updated_by == secretariat


def test_a_final_report_refuses_every_change_to_its_updates(client_for, secretariat, partner, asked):
    CountryReport.objects.filter(pk=asked["report"].pk).update(state=CountryReport.State.FINAL)
    mine = PartnerUpdate.objects.get(pk=asked["mine"].pk)
    assert _post_update(client_for(secretariat), mine, "<p>x</p>").status_code == 403
    assert _post_update(client_for(partner), mine, "<p>x</p>").status_code == 403


def test_submitting_an_empty_update_is_refused_with_a_message(client_for, partner, asked):
    response = client_for(partner).post(reverse("dublin:update_submit", args=[asked["mine"].pk]), follow=True)
    assert "Write the update before submitting it." in response.content.decode()
    assert PartnerUpdate.objects.get(pk=asked["mine"].pk).state == PartnerUpdate.State.ASKED


def test_a_save_from_an_older_version_answers_409_and_keeps_the_other_save(client_for, partner, secretariat, asked):
    mine = asked["mine"]
    stale_version = mine.version
    editing.save_update_text(mine.pk, stale_version, {"body": "<p>Secretariat's words</p>"}, secretariat)
    response = _post_update(client_for(partner), mine, "<p>Partner's words</p>")
    assert response.status_code == 409
    assert "Secretariat&#x27;s words" in response.content.decode() or "Secretariat's words" in response.content.decode()
    assert PartnerUpdate.objects.get(pk=mine.pk).body == "<p>Secretariat's words</p>"


def test_the_home_page_lists_the_partners_updates_to_write(client_for, partner, asked):
    page = client_for(partner).get(reverse("home")).content.decode()
    assert "Your updates to write" in page
    assert reverse("dublin:update_edit", args=[asked["mine"].pk]) in page
    assert reverse("dublin:update_edit", args=[asked["theirs"].pk]) not in page


@pytest.mark.parametrize("who, status", [("partner", 403), ("cochair", 403)])
def test_only_the_secretariat_sees_the_board(client_for, request, asked, who, status):
    user = request.getfixturevalue(who)
    assert client_for(user).get(reverse("dublin:board", args=[asked["report"].pk])).status_code == status
