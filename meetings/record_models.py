"""What a meeting decided: the summary record (minutes) and the action points that follow it up.

Attendance is not stored here: it is who was checked in (``Attendee.checked_in_at``).
An action point belongs to one organisation, which may update its status; it stays on
the pages of the following meetings while it is open or in progress.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from idswg.models import Organisation


class Minutes(models.Model):
    meeting = models.OneToOneField("meetings.Meeting", on_delete=models.CASCADE, related_name="minutes")
    summary = models.TextField(_("summary"), blank=True, help_text=_("The record's opening: what the meeting was."))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent to participants at"), null=True, blank=True)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self):
        return str(_("Minutes of the %(title)s") % {"title": self.meeting.title})


class MinutesItem(models.Model):
    """The record of one agenda item: what was discussed and what was decided."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="items")
    agenda_item = models.ForeignKey("meetings.AgendaItem", on_delete=models.CASCADE, related_name="+")
    discussion = models.TextField(_("discussion"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)

    class Meta:
        verbose_name = _("minutes of an agenda item")
        verbose_name_plural = _("minutes of agenda items")
        constraints = [models.UniqueConstraint(fields=["minutes", "agenda_item"], name="minutes_item_once")]

    def __str__(self):
        return str(self.agenda_item)


class ActionPoint(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    STILL_OPEN = (Status.OPEN, Status.IN_PROGRESS)

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="action_points")
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_points",
    )
    text = models.TextField(_("action"), max_length=2000)
    owner = models.ForeignKey(
        Organisation, verbose_name=_("owner organisation"), on_delete=models.PROTECT, related_name="action_points"
    )
    due_on = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    status_note = models.CharField(_("status note"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("action point")
        verbose_name_plural = _("action points")
        ordering = ["due_on", "pk"]
        constraints = [models.CheckConstraint(condition=~models.Q(text=""), name="action_point_has_text")]

    def __str__(self):
        return self.text[:80]

    @property
    def is_open(self):
        return self.status in self.STILL_OPEN
