"""Mini-Dublin Group country reports: an outline of numbered sections, the partners' updates, recommendations.

A country report belongs to a seizures ``Country`` and a year. Its outline is a tree of
sections whose numbers are written as the report prints them ("1.", "(ii)", "4.1.1"),
because each country numbers its own way. A section holds sanitised rich text
(``idswg.sanitise``), plain footnotes, live tables from ``seizures`` and, by its kind,
the partners' programme updates, the recommendations or the follow-up of last year's.
Every content row carries a ``version``: a save naming an older one is refused
(``dublin.editing``), and simple-history keeps who changed what.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from idswg.sanitise import clean_html


class CountryReport(models.Model):
    """One country's Mini-Dublin Group report for one year."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        FINAL = "final", _("Final")

    class RecommendationStyle(models.TextChoices):
        NUMBERED = "numbered", _("Recommendation 1 – …")
        LIST = "list", _("A numbered list")

    country = models.ForeignKey(
        "seizures.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="dublin_reports"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    heading = models.CharField(
        _("heading"), max_length=200, help_text=_("As printed above the report, e.g. LAO PEOPLE'S DEMOCRATIC REPUBLIC.")
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    recommendation_style = models.CharField(
        _("recommendations printed as"),
        max_length=10,
        choices=RecommendationStyle.choices,
        default=RecommendationStyle.NUMBERED,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("country report")
        verbose_name_plural = _("country reports")
        ordering = ["-year", "country__display_order", "country__name"]
        constraints = [
            models.UniqueConstraint(fields=["country", "year"], name="dublin_report_one_per_country_year"),
            models.CheckConstraint(condition=Q(year__gte=1990, year__lte=2100), name="dublin_report_year_plausible"),
            models.CheckConstraint(condition=Q(state__in=["draft", "review", "final"]), name="dublin_report_state"),
        ]

    def __str__(self):
        return f"{self.country.name} {self.year}"

    def get_absolute_url(self):
        return reverse("dublin:report_detail", args=[self.pk])

    @property
    def is_final(self):
        return self.state == self.State.FINAL


class Section(models.Model):
    """A numbered section or sub-section of a country report."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        UPDATES = "updates", _("Partner programme updates")
        RECOMMENDATIONS = "recommendations", _("Recommendations")
        FOLLOW_UP = "follow_up", _("Progress on previous recommendations")

    report = models.ForeignKey(
        CountryReport, verbose_name=_("report"), on_delete=models.CASCADE, related_name="sections"
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("part of"), on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TEXT)
    number = models.CharField(_("number"), max_length=20, blank=True, help_text=_("As printed: 1., 2.1, (ii) ..."))
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    footnotes = models.TextField(_("footnotes"), blank=True, help_text=_("One footnote a line, with its number."))
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["report", "position", "pk"]
        constraints = [models.CheckConstraint(condition=Q(version__gte=1), name="dublin_section_version_positive")]

    def __str__(self):
        return f"{self.number} {self.title}".strip()

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)

    def footnote_list(self):
        return [line.strip() for line in self.footnotes.splitlines() if line.strip()]


class EmbeddedTable(models.Model):
    """A live table from ``seizures`` printed in a section: never a copy, always today's figures."""

    class Kind(models.TextChoices):
        ALL = "all", _("Seizures and arrests")
        SEIZURES = "seizures", _("Seizures")
        ARRESTS = "arrests", _("Arrests and cases")
        TRENDS = "trends", _("Reported trends")

    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.CASCADE, related_name="tables")
    country = models.ForeignKey(
        "seizures.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("table"), max_length=10, choices=Kind.choices, default=Kind.ALL)
    first_year = models.PositiveSmallIntegerField(_("from"))
    last_year = models.PositiveSmallIntegerField(_("to"))
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("embedded table")
        verbose_name_plural = _("embedded tables")
        ordering = ["section", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(last_year__gte=models.F("first_year")), name="dublin_table_years"),
        ]

    def __str__(self):
        return self.caption or f"{self.country} {self.get_kind_display()} {self.first_year}-{self.last_year}"

    @property
    def marker(self):
        """Written on a line of its own in the section text, the table prints there (else after the text)."""
        return f"[[table {self.position}]]"


class PartnerUpdate(models.Model):
    """One organisation's programme update in a country report: asked for, written, submitted, accepted.

    The secretariat's request creates the row (state ``asked``, with its deadline); the
    organisation's partners write it (``draft``), submit it and may change it until the
    deadline or until the secretariat accepts it. Loaded reports have no deadline.
    """

    class State(models.TextChoices):
        ASKED = "asked", _("Asked")
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")

    report = models.ForeignKey(
        CountryReport, verbose_name=_("report"), on_delete=models.CASCADE, related_name="updates"
    )
    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.CASCADE, related_name="updates")
    organisation = models.ForeignKey(
        "idswg.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="dublin_updates"
    )
    heading = models.CharField(_("heading"), max_length=200, help_text=_("As printed, e.g. “4.2 Japan”."))
    position = models.PositiveIntegerField(_("position"), default=0)
    body = models.TextField(_("text"), blank=True)
    footnotes = models.TextField(_("footnotes"), blank=True, help_text=_("One footnote a line, with its number."))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.ASKED)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    requested_at = models.DateTimeField(_("asked on"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reminded_at = models.DateTimeField(_("reminded on"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted on"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted on"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("last change"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("programme update")
        verbose_name_plural = _("programme updates")
        ordering = ["section", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["report", "organisation"], name="dublin_update_one_per_organisation"),
            models.CheckConstraint(condition=Q(version__gte=1), name="dublin_update_version_positive"),
            models.CheckConstraint(
                condition=Q(state__in=["asked", "draft", "submitted", "accepted"]), name="dublin_update_state"
            ),
            models.CheckConstraint(
                condition=~Q(state="submitted") | Q(submitted_at__isnull=False), name="dublin_update_submitted_has_date"
            ),
            models.CheckConstraint(
                condition=~Q(state="accepted") | Q(accepted_at__isnull=False), name="dublin_update_accepted_has_date"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} — {self.report}"

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("dublin:update_edit", args=[self.pk])

    def footnote_list(self):
        return [line.strip() for line in self.footnotes.splitlines() if line.strip()]


class Recommendation(models.Model):
    """A numbered recommendation of a country report."""

    report = models.ForeignKey(
        CountryReport, verbose_name=_("report"), on_delete=models.CASCADE, related_name="recommendations"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"))
    version = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="dublin_recommendation_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="dublin_recommendation_number_positive"),
        ]

    def __str__(self):
        return f"{self.number}. {self.text[:80]}"

    def save(self, *args, **kwargs):
        self.text = clean_html(self.text)
        super().save(*args, **kwargs)


class FollowUp(models.Model):
    """Where a previous report's recommendation stands, as the next year's report records it."""

    class Status(models.TextChoices):
        IMPLEMENTED = "implemented", _("Implemented")
        IN_PROGRESS = "in_progress", _("In progress")
        NOT_STARTED = "not_started", _("Not started")
        DROPPED = "dropped", _("Dropped")

    report = models.ForeignKey(
        CountryReport, verbose_name=_("report"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    recommendation = models.ForeignKey(
        Recommendation, verbose_name=_("recommendation"), on_delete=models.PROTECT, related_name="follow_ups"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    comment = models.TextField(_("comment"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("follow-up of a recommendation")
        verbose_name_plural = _("follow-ups of recommendations")
        ordering = ["report", "recommendation__number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "recommendation"], name="dublin_follow_up_once"),
            models.CheckConstraint(
                condition=Q(status__in=["implemented", "in_progress", "not_started", "dropped"]),
                name="dublin_follow_up_status",
            ),
        ]

    def __str__(self):
        return f"{self.recommendation} — {self.get_status_display()}"


class RegionalReport(models.Model):
    """The Dublin Group's regional report of a year: a cover, then chosen country reports in order."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    reference = models.CharField(_("reference"), max_length=50, blank=True, help_text=_("e.g. 13600/17"))
    issuer = models.CharField(_("issued by"), max_length=200, default="Council of the European Union")
    place_and_date = models.CharField(_("place and date"), max_length=200, blank=True)
    classification = models.CharField(_("codes"), max_length=100, blank=True, help_text=_("e.g. CORDROGUE 132 ASIE 47"))
    sender = models.CharField(_("from"), max_length=200, blank=True)
    recipients = models.CharField(_("to"), max_length=200, blank=True)
    previous_reference = models.CharField(_("previous document"), max_length=50, blank=True)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    reports = models.ManyToManyField(
        CountryReport, verbose_name=_("country reports"), through="RegionalEntry", related_name="regional_reports"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("regional report")
        verbose_name_plural = _("regional reports")
        ordering = ["-year"]

    def __str__(self):
        return f"{self.subject or _('Regional report')} {self.year}"

    def get_absolute_url(self):
        return reverse("dublin:regional_detail", args=[self.pk])


class RegionalEntry(models.Model):
    """A country report bound into a regional report, at its place."""

    regional = models.ForeignKey(RegionalReport, on_delete=models.CASCADE, related_name="entries")
    report = models.ForeignKey(CountryReport, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["regional", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["regional", "report"], name="dublin_regional_entry_once")]

    def __str__(self):
        return f"{self.regional}: {self.report}"
