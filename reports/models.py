"""Plans with their priority areas, and the annual SWG report: header, narratives and the matrix.

Formatted text (matrix cells, narrative bodies) is sanitised by ``reports.sanitise``
on every save; the matrix row's conditional update in ``reports.editing`` sanitises
the same way, so nothing unsanitised is ever stored.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from idswg.cached_html import RenewsStampOnSave, new_stamp

from .layouts import LAYOUT_2019, LAYOUT_CHOICES, RICH_COLUMNS
from .sanitise import clean_html


class Plan(models.Model):
    """A national plan the sector works to: a Drug Control Master Plan, a National Agenda, an NSEDP."""

    class Kind(models.TextChoices):
        MASTER_PLAN = "master_plan", _("National Drug Control Master Plan")
        NATIONAL_AGENDA = "national_agenda", _("National Agenda")
        NSEDP = "nsedp", _("National Socio-Economic Development Plan")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    introduction = models.TextField(_("introduction"), blank=True)
    # Its history is registered in reports/translation.py, after the Lao and English fields exist.

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-start_year", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")), name="plan_period_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.period})"

    def get_absolute_url(self):
        return reverse("reports:plan_detail", args=[self.pk])

    @property
    def label(self):
        """The plan as a source line names it: its name, with its period unless the name already says it."""
        return self.name if self.period in self.name else str(self)

    @property
    def period(self):
        return f"{self.start_year}-{self.end_year}"


class PriorityArea(models.Model):
    """A numbered priority area (or NSEDP goal) of a plan, with its bullet points."""

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="priority_areas")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    bullets = models.TextField(_("bullet points"), blank=True, help_text=_("One bullet point a line."))
    # Its history is registered in reports/translation.py, after the Lao and English fields exist.

    class Meta:
        verbose_name = _("priority area")
        verbose_name_plural = _("priority areas")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="priorityarea_number_unique_per_plan"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="priorityarea_number_positive"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def bullet_list(self):
        return [line.strip(" -•\t") for line in self.bullets.splitlines() if line.strip(" -•\t")]


# The header of a report: who the group is and what it is for (forms, history, next year's copy).
HEADER_TEXT_FIELDS = (
    "swg_name",
    "chair_and_cochairs",
    "focal_points_government",
    "focal_points_partners",
    "technical_staff_government",
    "technical_staff_partners",
    "key_mandate",
)


class Report(RenewsStampOnSave, models.Model):
    """One year's report of the Sector Working Group."""

    class Kind(models.TextChoices):
        ANNUAL = "annual", _("Annual SWG report")
        # Mini-Dublin Group country reports have their own app (dublin), with their own outline.

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        FINAL = "final", _("Final")

    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ANNUAL)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    layout = models.CharField(_("matrix layout"), max_length=10, choices=LAYOUT_CHOICES, default=LAYOUT_2019)
    swg_name = models.CharField(_("name of the sector working group"), max_length=200, blank=True)
    chair_and_cochairs = models.TextField(_("SWG chair and co-chairs"), blank=True)
    focal_points_government = models.TextField(
        _("secretariat focal points: government officials"), blank=True, help_text=_("One a line.")
    )
    focal_points_partners = models.TextField(
        _("secretariat focal points: development partners"), blank=True, help_text=_("One a line.")
    )
    technical_staff_government = models.TextField(
        _("technical supporting staff: government officials"), blank=True, help_text=_("One a line.")
    )
    technical_staff_partners = models.TextField(
        _("technical supporting staff: development partners"), blank=True, help_text=_("One a line.")
    )
    key_mandate = models.TextField(_("SWG key mandate"), blank=True)
    cover_organisations = models.ManyToManyField(
        "idswg.Organisation",
        verbose_name=_("logos on the cover"),
        blank=True,
        related_name="+",
        help_text=_("The organisations whose logos the printed report carries above its title (those with a logo)."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Changed with every change to what the report's page shows: the key of its cached body (reports/page_cache.py).
    content_stamp = models.CharField(max_length=32, default=new_stamp, editable=False)
    stamp_field = "content_stamp"  # renewed by every save: the header is on the page too
    history = HistoricalRecords(excluded_fields=["updated_at", "content_stamp"])

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-year", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "year"], name="report_one_per_kind_and_year"),
            models.CheckConstraint(condition=models.Q(year__gte=1990, year__lte=2100), name="report_year_plausible"),
            models.CheckConstraint(
                condition=models.Q(state__in=["draft", "review", "final"]), name="report_state_known"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reports:report_detail", args=[self.pk])

    @property
    def is_final(self):
        return self.state == self.State.FINAL


class NarrativeSection(models.Model):
    """A narrative part of the report; it may list the priority areas of a plan after its text."""

    class Kind(models.TextChoices):
        OVERVIEW = "overview", _("Sector overview")
        LESSONS = "lessons", _("Lessons learned")
        NEXT_YEAR = "next_year", _("Key priorities for next year")
        NSEDP = "nsedp", _("Priorities for the next NSEDP")
        OTHER = "other", _("Other")

    report = models.ForeignKey(Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="narratives")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("priorities from plan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Its numbered priority areas are listed after the text."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("narrative section")
        verbose_name_plural = _("narrative sections")
        ordering = ["report", "position", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)


class MatrixSection(models.Model):
    """A lettered section of the matrix (A, B, C ...) or, with a parent, one of its numbered subsections."""

    report = models.ForeignKey(Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("lettered section"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subsections",
    )
    title = models.CharField(_("title"), max_length=500)
    position = models.PositiveIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("matrix section")
        verbose_name_plural = _("matrix sections")
        ordering = ["report", "position", "pk"]

    def __str__(self):
        return self.title


class MatrixRow(models.Model):
    """A row of the matrix. ``version`` grows with each save; a save naming an older one is refused."""

    section = models.ForeignKey(MatrixSection, verbose_name=_("section"), on_delete=models.CASCADE, related_name="rows")
    position = models.PositiveIntegerField(_("position"), default=0)
    version = models.PositiveIntegerField(_("version"), default=1)
    outputs = models.TextField(_("sector outputs and activities"), blank=True)
    progress = models.TextField(_("progress"), blank=True)
    challenges = models.TextField(_("challenges"), blank=True)
    key_messages = models.TextField(_("key messages for the High-Level RTM"), blank=True)
    indicator = models.CharField(_("indicator"), max_length=300, blank=True)
    priority_areas = models.ManyToManyField(
        PriorityArea, verbose_name=_("priority areas"), blank=True, related_name="matrix_rows"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # The links are kept with each version too, so the history shows who changed them and a restore brings them back.
    history = HistoricalRecords(excluded_fields=["updated_at"], m2m_fields=[priority_areas])

    class Meta:
        verbose_name = _("matrix row")
        verbose_name_plural = _("matrix rows")
        ordering = ["section", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(version__gte=1), name="matrixrow_version_positive"),
        ]

    def __str__(self):
        from .sanitise import plain_text

        text = plain_text(self.outputs) or plain_text(self.progress)
        return text[:80] or str(_("(empty row)"))

    def save(self, *args, **kwargs):
        for name in RICH_COLUMNS:
            setattr(self, name, clean_html(getattr(self, name)))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("reports:row_history", args=[self.pk])


class RowComment(models.Model):
    """A remark a reader leaves on a matrix row while the report is in review; the secretariat resolves it."""

    row = models.ForeignKey(MatrixRow, verbose_name=_("row"), on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=4000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(resolved_at__isnull=True, resolved_by__isnull=True)
                | models.Q(resolved_at__isnull=False, resolved_by__isnull=False),
                name="rowcomment_resolved_with_who",
            ),
        ]

    def __str__(self):
        return self.body[:80]


from .briefing_models import Briefing  # noqa: E402, F401  (the briefing of a meeting, reports/briefing.py)
