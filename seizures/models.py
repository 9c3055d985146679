"""Seizure tables: countries, measures (what is counted, in which unit) and yearly values.

A value that was not reported has no row, or a row whose ``value`` is NULL (the value
was cleared and its history kept); it is never stored as zero. Quantities are decimals.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

FULL_YEAR = 12


class Country(models.Model):
    """A country and its seizure table (title, source line and table-wide footnotes)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("short name in links"), max_length=100, unique=True)
    display_order = models.PositiveSmallIntegerField(_("display order"), default=0)
    table_title = models.CharField(_("table title"), max_length=200, blank=True)
    source = models.TextField(_("source"), blank=True, help_text=_("Printed under the table, e.g. “LCDC”."))
    footnotes = models.TextField(_("footnotes"), blank=True, help_text=_("Notes printed under the table."))
    measures = models.ManyToManyField(
        "Measure", verbose_name=_("columns"), blank=True, related_name="countries", through="TableColumn"
    )

    class Meta:
        ordering = ["display_order", "name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="seizures_country_name_ci_unique",
                violation_error_message=_("A table for this country already exists."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("seizures:table", kwargs={"slug": self.slug})


class Measure(models.Model):
    """What a column counts: a drug seized in a unit (kg, million tablets ...) or a count (cases, persons)."""

    class Kind(models.TextChoices):
        DRUG = "drug", _("drug seized")
        COUNT = "count", _("count")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("short name in links"), max_length=120, unique=True)
    unit = models.CharField(_("unit"), max_length=40, help_text=_("e.g. kg, million tablets, litres, cases, persons"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.DRUG)
    display_order = models.PositiveSmallIntegerField(_("display order"), default=0)
    decimals = models.PositiveSmallIntegerField(
        _("decimals shown"),
        null=True,
        blank=True,
        help_text=_("Empty: each figure keeps the decimals it was written with (“137.50”, “45.0”)."),
    )

    class Meta:
        ordering = ["display_order", "name"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                Lower("unit"),
                name="seizures_measure_name_unit_ci_unique",
                violation_error_message=_("This measure already exists with this unit."),
            )
        ]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The column header as the reports print it: “Heroin (kg)”."""
        return f"{self.name} ({self.unit})"


class TableColumn(models.Model):
    """A measure shown as a column of a country's table."""

    country = models.ForeignKey(Country, models.CASCADE, verbose_name=_("country"), related_name="columns")
    measure = models.ForeignKey(Measure, models.PROTECT, verbose_name=_("measure"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "measure__display_order", "measure__name"]
        constraints = [models.UniqueConstraint(fields=["country", "measure"], name="seizures_column_unique")]

    def __str__(self):
        return f"{self.country}: {self.measure}"


class SeizureValue(models.Model):
    """One country's figure for one measure in one year (or the first ``period_months`` of it)."""

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="values", verbose_name=_("country"))
    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="values", verbose_name=_("measure"))
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(
        _("value"), max_digits=16, decimal_places=4, null=True, blank=True, help_text=_("Empty: not reported.")
    )
    period_months = models.PositiveSmallIntegerField(
        _("months covered"), default=FULL_YEAR, help_text=_("12 for the full year, 6 for the first six months.")
    )
    decimals = models.PositiveSmallIntegerField(
        _("decimals written"), null=True, blank=True, help_text=_("How many decimals the source wrote: 2 for “137.50”.")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    footnote = models.CharField(_("footnote"), max_length=500, blank=True)
    flag = models.CharField(
        _("flag"), max_length=500, blank=True, help_text=_("Why the value was questioned when it was entered.")
    )
    flag_comment = models.TextField(_("confirmation comment"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["country", "year", "measure__display_order"]
        verbose_name = _("seizure value")
        verbose_name_plural = _("seizure values")
        constraints = [
            models.UniqueConstraint(fields=["country", "measure", "year"], name="seizures_value_unique_year"),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=0), name="seizures_value_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(period_months__gte=1) & Q(period_months__lte=FULL_YEAR), name="seizures_period_months_1_12"
            ),
            models.CheckConstraint(condition=Q(year__gte=1900) & Q(year__lte=2200), name="seizures_year_plausible"),
            models.CheckConstraint(
                condition=Q(decimals__isnull=True) | Q(decimals__lte=4), name="seizures_value_decimals_0_4"
            ),
        ]

    def __str__(self):
        return f"{self.country} {self.year} {self.measure}: {self.value}"

    @property
    def needs_confirmation(self):
        """Flagged and nobody has confirmed it with a comment yet (e.g. questionable demo values)."""
        return bool(self.flag) and not self.flag_comment


class ReportedTrendTable(models.Model):
    """A country's trend table as its source reports it (drug by year: ↑ ↓ ↔ •), not computed by the portal.

    Cambodia's “drug use trends 2011-2016” is such a table: its arrows are the source's
    judgement and may differ from the year-on-year change of the seizure figures, which
    the portal computes separately (``seizures.trends``) and labels as computed.
    """

    country = models.OneToOneField(
        Country, on_delete=models.CASCADE, related_name="reported_trends", verbose_name=_("country")
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    source = models.TextField(_("source"), blank=True)
    legend = models.CharField(
        _("legend"), max_length=300, blank=True, help_text=_("As printed, e.g. “↑ = Increase, ↓ = Decrease …”.")
    )
    footnotes = models.TextField(_("footnotes"), blank=True)

    class Meta:
        verbose_name = _("reported trend table")
        verbose_name_plural = _("reported trend tables")

    def __str__(self):
        return self.title or str(self.country)


class ReportedTrend(models.Model):
    """One reported trend: a drug (a measure) in one year of a country's reported trend table."""

    class Direction(models.TextChoices):
        INCREASE = "increase", _("increase")
        DECREASE = "decrease", _("decrease")
        STABLE = "stable", _("stable")
        NOT_REPORTED = "not_reported", _("not reported")

    table = models.ForeignKey(
        ReportedTrendTable, on_delete=models.CASCADE, related_name="trends", verbose_name=_("trend table")
    )
    measure = models.ForeignKey(
        Measure, on_delete=models.PROTECT, related_name="reported_trends", verbose_name=_("drug")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    direction = models.CharField(_("trend"), max_length=12, choices=Direction.choices)
    period_months = models.PositiveSmallIntegerField(_("months covered"), default=FULL_YEAR)
    footnote = models.CharField(_("footnote"), max_length=500, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["table", "measure__display_order", "year"]
        verbose_name = _("reported trend")
        verbose_name_plural = _("reported trends")
        constraints = [
            models.UniqueConstraint(fields=["table", "measure", "year"], name="seizures_reported_trend_unique"),
            models.CheckConstraint(
                condition=Q(direction__in=["increase", "decrease", "stable", "not_reported"]),
                name="seizures_reported_trend_direction",
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1900) & Q(year__lte=2200), name="seizures_reported_trend_year_plausible"
            ),
            models.CheckConstraint(
                condition=Q(period_months__gte=1) & Q(period_months__lte=FULL_YEAR),
                name="seizures_reported_trend_months_1_12",
            ),
        ]

    def __str__(self):
        return f"{self.table} {self.year} {self.measure}: {self.direction}"


class ImportBatch(models.Model):
    """An uploaded file waiting for confirmation: its cells, read once, kept here rather than in the session.

    ``rows`` is a list of cells as read from the file (country, year, measure, raw text,
    row and column for messages ...); the preview and the confirmation both re-check them
    against the database as it is at that moment.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        APPLIED = "applied", _("imported")
        CANCELLED = "cancelled", _("cancelled")

    class Kind(models.TextChoices):
        SEIZURES = "seizures", _("seizure table")
        TRENDS = "trends", _("reported trend table")

    filename = models.CharField(_("file name"), max_length=255)
    layout = models.CharField(_("layout"), max_length=10)
    kind = models.CharField(_("table kind"), max_length=10, choices=Kind.choices, default=Kind.SEIZURES)
    country = models.ForeignKey(Country, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("country"))
    number_format = models.CharField(_("number format"), max_length=10, default="ask")
    rows = models.JSONField(_("cells read"), default=list)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("uploaded by")
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    applied_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("seizure import")
        verbose_name_plural = _("seizure imports")

    def __str__(self):
        return self.filename

    def get_absolute_url(self):
        return reverse("seizures:import_preview", kwargs={"pk": self.pk})
