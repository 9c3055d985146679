"""Partners' programme updates: the secretariat asks, each organisation writes and submits, the secretariat accepts.

``request_updates`` creates (or reopens) one update per organisation with a deadline
and e-mails the organisation's partner accounts a link, through the outbox
(``idswg.mail``). ``send_due_reminders`` (beat) reminds each update still unsubmitted
once, a few days before its deadline: the reminder is claimed by a conditional UPDATE
in the same transaction as its e-mail, so two beat runs never remind twice.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from idswg import mail
from idswg.models import User
from idswg.roles import PARTNER, is_secretariat

from . import access
from .editing import lock_report
from .models import PartnerUpdate, Section

TOPIC_REQUEST = "dublin-update-request"
TOPIC_REMINDER = "dublin-update-reminder"


def partner_accounts(organisation_ids):
    """Active partner logins with an e-mail, by organisation id (one query)."""
    users = User.objects.filter(organisation_id__in=organisation_ids, is_active=True, groups__name=PARTNER).exclude(
        email=""
    )
    accounts = {}
    for user in users.order_by("pk").distinct():
        accounts.setdefault(user.organisation_id, []).append(user)
    return accounts


def _link(update):
    return settings.SITE_URL.rstrip("/") + reverse("dublin:update_edit", args=[update.pk])


def _send(update, users, kind):
    subject_template = f"dublin/email/{kind}_subject.txt"
    body_template = f"dublin/email/{kind}.txt"
    for user in users:
        with override(getattr(user, "language", "") or settings.LANGUAGE_CODE):
            context = {"update": update, "user": user, "link": _link(update), "report": update.report}
            subject = " ".join(render_to_string(subject_template, context).split())
            body = render_to_string(body_template, context)
        mail.queue(user.email, subject, body, topic=TOPIC_REQUEST if kind == "request" else TOPIC_REMINDER)


@transaction.atomic
def request_updates(report, organisations, deadline, section, user, today=None, notify=True):
    """Ask each of ``organisations`` for its update in ``section`` by ``deadline``; returns the updates.

    An organisation already asked gets the new deadline and, if it has not submitted yet,
    is asked again (and may be reminded again). One e-mail per partner account (none when
    ``notify`` is false, as the demo loader asks). A new update is headed as the
    organisation's update was in the country's previous report, else by its name.
    """
    lock_report(report.pk)
    today = today or timezone.localdate()
    if deadline < today:
        raise ValidationError({"deadline": _("The deadline cannot be in the past.")})
    if section.report_id != report.pk or section.kind != Section.Kind.UPDATES:
        raise ValidationError({"section": _("Choose a section for partner updates of this report.")})
    now = timezone.now()
    accounts = partner_accounts([o.pk for o in organisations])
    position = (report.updates.aggregate(m=Max("position"))["m"] or 0) + 1
    headings = dict(
        PartnerUpdate.objects.filter(report__country=report.country_id, report__year__lt=report.year)
        .order_by("report__year")
        .values_list("organisation_id", "heading")
    )
    result = []
    for organisation in organisations:
        update = PartnerUpdate.objects.filter(report=report, organisation=organisation).first()
        if update is None:
            heading = headings.get(organisation.pk, organisation.name)
            update = PartnerUpdate(
                report=report, section=section, organisation=organisation, heading=heading, position=position
            )
            position += 1
        elif update.state == PartnerUpdate.State.ACCEPTED:
            result.append(update)
            continue
        update.deadline = deadline
        update.requested_at = now
        update.requested_by = user
        update.reminded_at = None
        update._history_user = user
        update._change_reason = _("Asked for an update by %(date)s") % {"date": deadline.isoformat()}
        update.save()
        if notify:
            _send(update, accounts.get(organisation.pk, []), "request")
        result.append(update)
    return result


@transaction.atomic
def submit(update, user, now=None):
    """The partner hands its update in; it may still change it until the deadline or acceptance."""
    lock_report(update.report_id)
    update = PartnerUpdate.objects.select_related("report").get(pk=update.pk)
    if not access.can_write_update(user, update, now):
        raise PermissionDenied(_("This update can no longer be changed."))
    if not update.body.strip():
        raise ValidationError(_("Write the update before submitting it."))
    if update.state == PartnerUpdate.State.SUBMITTED:
        return update
    update.state = PartnerUpdate.State.SUBMITTED
    update.submitted_at = now or timezone.now()
    update.updated_at, update.updated_by = update.submitted_at, user
    update._history_user = user
    update._change_reason = _("Submitted")
    update.save()
    return update


@transaction.atomic
def accept(update, user):
    """The secretariat takes the update into the report; its writers can no longer change it."""
    if not is_secretariat(user):
        raise PermissionDenied
    lock_report(update.report_id)
    update = PartnerUpdate.objects.get(pk=update.pk)
    if not update.body.strip():
        raise ValidationError(_("There is no text to accept yet."))
    if update.state == PartnerUpdate.State.ACCEPTED:
        return update
    now = timezone.now()
    update.state = PartnerUpdate.State.ACCEPTED
    update.submitted_at = update.submitted_at or now
    update.accepted_at, update.accepted_by = now, user
    update._history_user = user
    update._change_reason = _("Accepted")
    update.save()
    return update


@transaction.atomic
def reopen(update, user):
    """The secretariat hands an accepted update back to its writers (as submitted, open until the deadline)."""
    if not is_secretariat(user):
        raise PermissionDenied
    lock_report(update.report_id)
    update = PartnerUpdate.objects.get(pk=update.pk)
    if update.state == PartnerUpdate.State.ACCEPTED:
        update.state = PartnerUpdate.State.SUBMITTED
        update.accepted_at = update.accepted_by = None
        update._history_user = user
        update._change_reason = _("Reopened")
        update.save()
    return update


def reminder_days():
    return settings.DUBLIN_REMINDER_DAYS


def send_due_reminders(now=None):
    """Remind once each organisation that has not submitted, when its deadline is at most N days away."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    due = PartnerUpdate.objects.filter(
        state__in=(PartnerUpdate.State.ASKED, PartnerUpdate.State.DRAFT),
        requested_at__isnull=False,
        reminded_at__isnull=True,
        deadline__gte=today,
        deadline__lte=today + datetime.timedelta(days=reminder_days()),
        report__state__in=("draft", "review"),
    ).select_related("report__country", "organisation")
    due = list(due)
    accounts = partner_accounts([u.organisation_id for u in due])
    sent = 0
    for update in due:
        with transaction.atomic():
            claimed = PartnerUpdate.objects.filter(pk=update.pk, reminded_at__isnull=True).update(reminded_at=now)
            if claimed:
                _send(update, accounts.get(update.organisation_id, []), "reminder")
                sent += 1
    return sent


def board(report, today=None):
    """Every update of ``report`` with where it stands (asked, draft, submitted, late, accepted), two queries."""
    today = today or timezone.localdate()
    updates = list(
        PartnerUpdate.objects.filter(report=report)
        .select_related("organisation", "updated_by", "accepted_by", "requested_by", "section")
        .order_by("position", "pk")
    )
    accounts = partner_accounts([u.organisation_id for u in updates])
    rows = []
    for update in updates:
        rows.append(
            {
                "update": update,
                "late": access.late(update, today),
                "accounts": accounts.get(update.organisation_id, []),
            }
        )
    return rows
