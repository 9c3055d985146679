"""What goes into a meeting's briefing: chosen by the secretariat (see ``reports.briefing``).

Kept out of ``reports/models.py`` (imported at its end) because the briefing belongs to
the PDF feature, not to the report editor.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Briefing(models.Model):
    """The parts bound into the PDF briefing of one meeting, after its cover and contents."""

    meeting = models.OneToOneField(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="briefing"
    )
    include_invitation = models.BooleanField(_("invitation and agenda"), default=True)
    report = models.ForeignKey(
        "reports.Report",
        verbose_name=_("report"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Its header, narrative sections, priorities and matrix are printed."),
    )
    country_report = models.ForeignKey(
        "dublin.CountryReport",
        verbose_name=_("Mini-Dublin Group country report"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Printed as its own PDF prints it (submitted and accepted partner updates)."),
    )
    countries = models.ManyToManyField(
        "seizures.Country",
        verbose_name=_("seizure tables"),
        blank=True,
        related_name="+",
        help_text=_("Each country's table is printed with its trend charts."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("briefing")
        verbose_name_plural = _("briefings")

    def __str__(self):
        return str(self.meeting)
