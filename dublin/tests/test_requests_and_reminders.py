"""The secretariat asks organisations for updates with a deadline; each partner account is e-mailed; one reminder."""

import datetime

import pytest
from django.core import mail as django_mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from dublin import updates
from dublin.models import PartnerUpdate
from idswg.models import SentMessage
from idswg.roles import PARTNER
from idswg.tests.factories import OrganisationFactory, UserFactory

from .factories import CountryReportFactory, SectionFactory


@pytest.fixture
def report(db):
    report = CountryReportFactory(year=2026)
    SectionFactory(report=report, kind="updates", title="Updates")
    return report


def test_asking_creates_an_update_per_organisation_and_emails_each_partner_account(
    client_for, secretariat, partner, report, django_capture_on_commit_callbacks
):
    other = OrganisationFactory(name="Embassy of Australia")
    UserFactory(username="au1", role=PARTNER, organisation=other)
    UserFactory(username="au2", role=PARTNER, organisation=other)
    deadline = timezone.localdate() + datetime.timedelta(days=14)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(secretariat).post(
            reverse("dublin:request_updates", args=[report.pk]),
            {
                "organisations": [partner.organisation.pk, other.pk],
                "deadline": deadline.isoformat(),
                "section": report.sections.get().pk,
            },
        )
    assert response.status_code == 302
    asked = PartnerUpdate.objects.filter(report=report)
    assert {u.organisation_id for u in asked} == {partner.organisation.pk, other.pk}
    assert all(u.deadline == deadline and u.requested_by == secretariat for u in asked)
    messages = SentMessage.objects.filter(topic=updates.TOPIC_REQUEST)
    assert sorted(m.to for m in messages) == sorted([partner.email, "au1@example.org", "au2@example.org"])
    link = reverse("dublin:update_edit", args=[asked.get(organisation=partner.organisation).pk])
    assert link in messages.get(to=partner.email).body
    assert len(django_mail.outbox) == 3  # sent through the outbox's task


def test_a_deadline_in_the_past_is_refused_next_to_the_field_and_nobody_is_asked(
    client_for, secretariat, partner, report
):
    response = client_for(secretariat).post(
        reverse("dublin:request_updates", args=[report.pk]),
        {
            "organisations": [partner.organisation.pk],
            "deadline": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
            "section": report.sections.get().pk,
        },
    )
    assert response.status_code == 200
    assert "The deadline cannot be in the past." in response.content.decode()
    assert not PartnerUpdate.objects.exists() and not SentMessage.objects.exists()


def test_the_service_refuses_a_section_that_is_not_for_updates(secretariat, partner, report):
    text = SectionFactory(report=report, kind="text")
    with pytest.raises(ValidationError):
        updates.request_updates(report, [partner.organisation], timezone.localdate(), text, secretariat)


def test_the_reminder_is_sent_once_when_the_deadline_is_near(secretariat, partner, report, settings):
    settings.DUBLIN_REMINDER_DAYS = 3
    today = timezone.localdate()
    [update] = updates.request_updates(
        report, [partner.organisation], today + datetime.timedelta(days=10), report.sections.get(), secretariat
    )
    assert updates.send_due_reminders() == 0  # ten days away: too early
    PartnerUpdate.objects.filter(pk=update.pk).update(deadline=today + datetime.timedelta(days=2))
    assert updates.send_due_reminders() == 1
    assert updates.send_due_reminders() == 0  # never twice
    reminders = SentMessage.objects.filter(topic=updates.TOPIC_REMINDER)
    assert [m.to for m in reminders] == [partner.email]
    assert PartnerUpdate.objects.get(pk=update.pk).reminded_at is not None


def test_no_reminder_for_a_submitted_update_or_a_deadline_gone(secretariat, partner, report):
    today = timezone.localdate()
    other = OrganisationFactory()
    UserFactory(role=PARTNER, organisation=other)
    submitted, late = updates.request_updates(
        report, [partner.organisation, other], today + datetime.timedelta(days=1), report.sections.get(), secretariat
    )
    PartnerUpdate.objects.filter(pk=submitted.pk).update(
        state="submitted", submitted_at=timezone.now(), body="<p>x</p>"
    )
    PartnerUpdate.objects.filter(pk=late.pk).update(deadline=today - datetime.timedelta(days=1))
    assert updates.send_due_reminders() == 0


def test_the_reminder_task_runs_the_same_function(secretariat, partner, report):
    from dublin.tasks import send_due_reminders

    updates.request_updates(report, [partner.organisation], timezone.localdate(), report.sections.get(), secretariat)
    assert send_due_reminders.delay().get() == 1


def test_asking_again_moves_the_deadline_and_allows_one_more_reminder(secretariat, partner, report):
    today = timezone.localdate()
    section = report.sections.get()
    [update] = updates.request_updates(report, [partner.organisation], today, section, secretariat)
    assert updates.send_due_reminders() == 1
    updates.request_updates(report, [partner.organisation], today + datetime.timedelta(days=2), section, secretariat)
    update.refresh_from_db()
    assert update.deadline == today + datetime.timedelta(days=2) and update.reminded_at is None
    assert PartnerUpdate.objects.filter(report=report).count() == 1


def test_the_board_shows_asked_draft_submitted_late_and_accepted_with_dates(client_for, secretariat, report):
    orgs = [OrganisationFactory(name=f"Org {name}") for name in ("asked", "draft", "submitted", "late", "accepted")]
    today = timezone.localdate()
    asked = updates.request_updates(
        report, orgs, today + datetime.timedelta(days=5), report.sections.get(), secretariat
    )
    PartnerUpdate.objects.filter(pk=asked[1].pk).update(state="draft", body="<p>d</p>")
    PartnerUpdate.objects.filter(pk=asked[2].pk).update(state="submitted", body="<p>s</p>", submitted_at=timezone.now())
    PartnerUpdate.objects.filter(pk=asked[3].pk).update(deadline=today - datetime.timedelta(days=1))
    PartnerUpdate.objects.filter(pk=asked[4].pk).update(state="submitted", body="<p>a</p>", submitted_at=timezone.now())
    updates.accept(PartnerUpdate.objects.get(pk=asked[4].pk), secretariat)
    page = client_for(secretariat).get(reverse("dublin:board", args=[report.pk])).content.decode()
    for label in ("Asked", "Draft", "Submitted", "Late", "Accepted"):
        assert f">{label}</span>" in page
    assert today.isoformat() in page
    assert "No partner account: nobody was e-mailed." in page
