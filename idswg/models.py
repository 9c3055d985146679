"""What every app shares: accounts, the directory of organisations and people, the mail outbox."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """A body that takes part in the group: a ministry, an embassy, a UN agency, a donor ..."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government body")
        EMBASSY = "embassy", _("Embassy")
        UN_AGENCY = "un_agency", _("UN agency")
        DONOR = "donor", _("Donor or development agency")
        NGO = "ngo", _("NGO")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(
        _("short name"), max_length=30, blank=True, help_text=_("As used in documents, e.g. LCDC, MPS, UNODC.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    country = models.CharField(_("country"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # Checked, normalised and named by idswg/logos.py; MEDIA_ROOT has no URL, only the logo view serves it.
    logo = models.FileField(_("logo"), upload_to="logos/", blank=True, max_length=100)
    # Its history is registered in idswg/translation.py, after the Lao and English fields exist.

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            # The name in each language is the organisation's alone (idswg/translation.py adds the fields).
            models.UniqueConstraint(Lower("name_en"), name="organisation_name_unique_ci"),
            models.UniqueConstraint(
                Lower("name_lo"), condition=~models.Q(name_lo=""), name="organisation_name_lo_unique_ci"
            ),
            models.UniqueConstraint(
                Lower("short_name_en"),
                condition=~models.Q(short_name_en=""),
                name="organisation_short_name_unique_ci",
            ),
            models.UniqueConstraint(
                Lower("short_name_lo"),
                condition=~models.Q(short_name_lo=""),
                name="organisation_short_name_lo_unique_ci",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisation_detail", args=[self.pk])

    @property
    def label(self):
        """The short name where there is one: what documents print in tight places."""
        return self.short_name or self.name


class Person(models.Model):
    """Someone the secretariat deals with: a co-chair, a focal point, an invitee."""

    honorific = models.CharField(
        _("honorific"), max_length=60, blank=True, help_text=_("e.g. H.E. Mr., Dr., Pol. Maj. Gen.")
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="people"
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language of the e-mails the portal sends this person; empty: English."),
    )
    # Its history is registered in idswg/translation.py, after the Lao and English fields exist.

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("email"), condition=~models.Q(email=""), name="person_email_unique_ci"),
        ]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("person_edit", args=[self.pk])

    @property
    def full_name(self):
        return f"{self.honorific} {self.name}".strip()


class User(AbstractUser):
    """A login. Its role is its group (see ``idswg.roles``); a partner belongs to an organisation."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language the portal speaks to this user; empty: as their browser asks."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.username


class SentMessage(models.Model):
    """One e-mail the portal sends, kept so the secretariat can see what went out and when."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    topic = models.CharField(_("topic"), max_length=50, blank=True, db_index=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # When the outbox sweep hands a queued message to the broker (again); see idswg/outbox.py.
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)

    class Meta:
        verbose_name = _("sent message")
        verbose_name_plural = _("sent messages")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="sentmessage_due")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state="sent", sent_at__isnull=False) | ~models.Q(state="sent"),
                name="sentmessage_sent_has_time",
            ),
            models.CheckConstraint(
                condition=~models.Q(state="failed") | ~models.Q(error=""),
                name="sentmessage_failed_has_error",
            ),
        ]

    def __str__(self):
        return f"{self.subject} → {self.to}"


class RenderJob(models.Model):
    """One PDF render of a document (see ``idswg.documents``), kept to serve its output again.

    ``input_hash`` fingerprints what was rendered: a request whose fingerprint matches
    the latest finished job is answered from that job's file without rendering again.
    At most one job per document is queued or running at a time.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Rendering")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    document = models.CharField(_("document"), max_length=50)
    object_id = models.PositiveBigIntegerField(_("object"), default=0)
    title = models.CharField(_("title"), max_length=300)
    filename = models.CharField(_("file name"), max_length=120)
    requested_by = models.ForeignKey(
        User, verbose_name=_("requested by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    input_hash = models.CharField(_("input hash"), max_length=64)
    output = models.FileField(_("PDF"), upload_to="renders/%Y/%m/", blank=True)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # The attempt that renders the job owns it until its lease lapses; it renews the lease
    # while it works, so a lapsed lease means its worker is gone (see idswg/renders.py).
    owner = models.CharField(_("rendered by"), max_length=100, blank=True)
    lease_expires_at = models.DateTimeField(_("lease expires at"), null=True, blank=True)
    # When the outbox sweep hands a queued job to the broker (again); see idswg/outbox.py.
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)

    class Meta:
        verbose_name = _("PDF render")
        verbose_name_plural = _("PDF renders")
        ordering = ["-requested_at", "-pk"]
        indexes = [
            models.Index(fields=["document", "object_id", "-requested_at"], name="renderjob_latest"),
            models.Index(fields=["state", "next_attempt_at"], name="renderjob_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state="done")
                | models.Q(finished_at__isnull=False, started_at__isnull=False) & ~models.Q(output=""),
                name="renderjob_done_has_output",
            ),
            models.CheckConstraint(
                condition=~models.Q(state="failed") | models.Q(finished_at__isnull=False) & ~models.Q(error=""),
                name="renderjob_failed_has_error",
            ),
            models.CheckConstraint(
                condition=~models.Q(state="running") | models.Q(started_at__isnull=False),
                name="renderjob_running_has_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(state="running") | models.Q(lease_expires_at__isnull=False) & ~models.Q(owner=""),
                name="renderjob_running_has_lease",
            ),
            models.UniqueConstraint(
                fields=["document", "object_id"],
                condition=models.Q(state__in=["queued", "running"]),
                name="renderjob_one_active_per_document",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.get_state_display()})"

    @property
    def is_active(self):
        return self.state in (self.State.QUEUED, self.State.RUNNING)

    @property
    def duration(self):
        """Seconds the render took, once finished."""
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None

    @property
    def lease_lapsed(self):
        """Running, but its worker stopped renewing the lease: the next task takes it over."""
        return self.state == self.State.RUNNING and self.lease_expires_at is not None and self.lease_expires_at < now()

    @property
    def progress(self):
        """What an active job is doing, as the status box words it: queued, unreachable, running, retrying, lost."""
        if self.state == self.State.QUEUED:
            # Due again for the outbox sweep: the broker did not take it, or no worker picked it up in time.
            return "unreachable" if self.next_attempt_at is not None and self.next_attempt_at <= now() else "queued"
        if self.state == self.State.RUNNING:
            if self.lease_lapsed:
                return "lost"
            return "retrying" if self.attempts > 1 else "running"
        return ""
