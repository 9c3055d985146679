"""Meetings of the group: the invitation, its agenda, who is invited and who answered what.

The shapes follow the 2024 High-Level Meeting invitation (``shared/seeds``) and Indico's
registration invitations: an invitation is a row with a random token used in its personal
link, a state, and the rules in the database (one invitation per meeting and e-mail, an
answered invitation has an answer time, a pending one has none).
"""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from idswg.cached_html import RenewsStampOnSave, new_stamp
from idswg.models import Organisation, Person, SentMessage


def new_token():
    """An unguessable link token: 256 random bits, URL-safe (Indico uses a UUID4 the same way)."""
    return secrets.token_urlsafe(32)


# What a meeting's invitation shows, on its page and in print, prefetched in a fixed number of queries.
INVITATION_PREFETCH = ("organiser_links__organisation", "cochairs__person__organisation", "agenda_items__presenters")


class Meeting(RenewsStampOnSave, models.Model):
    class Kind(models.TextChoices):
        TECHNICAL = "technical", _("Technical Meeting")
        HIGH_LEVEL = "high_level", _("High-Level Meeting")
        MINI_DUBLIN = "mini_dublin", _("Mini-Dublin Group meeting")
        OTHER = "other", _("Other meeting")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        INVITED = "invited", _("Invitations sent")
        RSVP_CLOSED = "rsvp_closed", _("RSVP closed")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TECHNICAL)
    title = models.CharField(_("title"), max_length=300)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    venue = models.CharField(_("venue"), max_length=300)
    participants = models.CharField(
        _("participants"),
        max_length=300,
        blank=True,
        help_text=_("Who should attend, e.g. High level representatives."),
    )
    purpose = models.TextField(_("purpose"), blank=True, help_text=_("The invitation's text: why the meeting is held."))
    organisers = models.ManyToManyField(
        Organisation, through="MeetingOrganiser", related_name="organised_meetings", verbose_name=_("organisers")
    )
    rsvp_deadline = models.DateTimeField(_("RSVP deadline"))
    max_attendees = models.PositiveSmallIntegerField(
        _("attendees per organisation"), default=2, help_text=_("How many people each organisation may name.")
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("reminder (days before the deadline)"),
        null=True,
        blank=True,
        default=2,
        help_text=_("Those who have not answered get one reminder this many days before the deadline. Empty: none."),
    )
    contact_email = models.EmailField(
        _("secretariat contact e-mail"), blank=True, help_text=_("Shown when the RSVP is closed.")
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    uid = models.UUIDField(_("calendar UID"), default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(_("calendar revision"), default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Renewed with every change the answers dashboard shows: the key of its cached part (meetings/answers_cache.py).
    answers_stamp = models.CharField(max_length=32, default=new_stamp, editable=False)
    stamp_field = "answers_stamp"  # renewed by every save: the deadline and the state are on the dashboard too

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(rsvp_deadline__lte=models.F("starts_at")), name="meeting_rsvp_before_start"
            ),
            models.CheckConstraint(condition=models.Q(max_attendees__gte=1), name="meeting_max_attendees_positive"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.pk])

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at)

    @property
    def local_deadline(self):
        return timezone.localtime(self.rsvp_deadline)

    def rsvp_open(self, now=None):
        """Answers are taken while invitations are out and the deadline has not passed."""
        now = now or timezone.now()
        return self.state == self.State.INVITED and now <= self.rsvp_deadline

    def reminder_due_at(self):
        if self.reminder_days is None:
            return None
        return self.rsvp_deadline - timedelta(days=self.reminder_days)

    def secretariat_email(self):
        return self.contact_email or settings.DEFAULT_FROM_EMAIL

    def organisations(self):
        """The organising bodies in the invitation's order (from ``organiser_links``, prefetched for print)."""
        return [link.organisation for link in self.organiser_links.all()]


class MeetingOrganiser(models.Model):
    """An organising body, in the order the invitation names them (LCDC, Japan, UNODC)."""

    meeting = models.ForeignKey(Meeting, models.CASCADE, verbose_name=_("meeting"), related_name="organiser_links")
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "organisation"], name="organiser_once_per_meeting")]

    def __str__(self):
        return str(self.organisation)


class MeetingCoChair(models.Model):
    meeting = models.ForeignKey(Meeting, models.CASCADE, verbose_name=_("meeting"), related_name="cochairs")
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("role in the meeting"), max_length=100, default="Co-chair", blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("co-chair")
        verbose_name_plural = _("co-chairs")
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="cochair_once_per_meeting")]

    def __str__(self):
        return self.person.full_name

    @property
    def speaks_for(self):
        """The heading the invitation puts before a co-chair: MPS, the Embassy of Japan, UNODC."""
        organisation = self.person.organisation
        if organisation.kind == Organisation.Kind.EMBASSY:
            return _("The %(name)s") % {"name": organisation.name}
        return organisation.label


class AgendaItem(models.Model):
    """One slot of the agenda. Times are wall-clock times in Vientiane on the meeting's day."""

    class Kind(models.TextChoices):
        SESSION = "session", _("Session")
        BREAK = "break", _("Break")
        REGISTRATION = "registration", _("Registration")
        MEAL = "meal", _("Meal")
        PHOTO = "photo", _("Group photo")

    meeting = models.ForeignKey(Meeting, models.CASCADE, verbose_name=_("meeting"), related_name="agenda_items")
    order = models.PositiveIntegerField(_("order"), default=0)
    start = models.TimeField(_("start"))
    end = models.TimeField(_("end"))
    title = models.CharField(_("title"), max_length=300)
    points = models.TextField(_("sub-points"), blank=True, help_text=_("One per line."))
    presenters = models.ManyToManyField(Person, verbose_name=_("presenters"), blank=True, related_name="+")
    presenters_text = models.CharField(
        _("other presenters"), max_length=300, blank=True, help_text=_("Names not in the directory.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SESSION)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["order", "start", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="agenda_item_ends_after_start")
        ]

    def __str__(self):
        return f"{self.start:%H:%M}–{self.end:%H:%M} {self.title}"

    def point_lines(self):
        return [line.strip().lstrip("-–• ").strip() for line in self.points.splitlines() if line.strip()]


class Invitation(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("No answer yet")
        ACCEPTED = "accepted", _("Attending")
        DECLINED = "declined", _("Not attending")
        REPRESENTATIVE = "representative", _("Sending a representative")

    ATTENDING = (State.ACCEPTED, State.REPRESENTATIVE)

    meeting = models.ForeignKey(Meeting, models.CASCADE, verbose_name=_("meeting"), related_name="invitations")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("addressed to"), max_length=300)
    email = models.EmailField(_("e-mail"))
    token = models.CharField(_("link token"), max_length=64, unique=True, default=new_token, editable=False)
    state = models.CharField(_("answer"), max_length=20, choices=State.choices, default=State.PENDING)
    note = models.TextField(_("note (access or dietary needs)"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("last sent at"), null=True, blank=True)
    # The e-mail that carried the link last: whether it is still queued, sent or failed.
    message = models.ForeignKey(
        SentMessage, verbose_name=_("e-mail"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint("meeting", Lower("email"), name="invitation_once_per_meeting_and_email"),
            models.CheckConstraint(condition=~models.Q(email=""), name="invitation_has_email"),
            models.CheckConstraint(
                condition=models.Q(state="pending", answered_at__isnull=True)
                | (~models.Q(state="pending") & models.Q(answered_at__isnull=False)),
                name="invitation_answer_time_matches_state",
            ),
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    def get_absolute_url(self):
        return reverse("meetings:rsvp", args=[self.meeting_id, self.token])

    def link(self):
        """The personal link, absolute, as e-mails carry it."""
        return settings.SITE_URL + self.get_absolute_url()

    @property
    def attending(self):
        return self.state in self.ATTENDING


class Attendee(models.Model):
    """Someone an invitee names as attending; checked in on the day."""

    invitation = models.ForeignKey(Invitation, models.CASCADE, verbose_name=_("invitation"), related_name="attendees")
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    checked_in_at = models.DateTimeField(_("arrived at"), null=True, blank=True)

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint("invitation", Lower("email"), name="attendee_once_per_invitation"),
            models.CheckConstraint(condition=~models.Q(name=""), name="attendee_has_name"),
        ]

    def __str__(self):
        return self.name


class RsvpAnswer(models.Model):
    """One answer as given: kept forever, so who answered what and when can be shown."""

    class Via(models.TextChoices):
        LINK = "link", _("Personal link")
        ACCOUNT = "account", _("Logged in")

    invitation = models.ForeignKey(Invitation, models.CASCADE, verbose_name=_("invitation"), related_name="answers")
    state = models.CharField(_("answer"), max_length=20, choices=Invitation.State.choices)
    attendees = models.JSONField(_("attendees"), default=list, blank=True)
    note = models.TextField(_("note"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    via = models.CharField(_("via"), max_length=20, choices=Via.choices, default=Via.LINK)
    created_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        verbose_name = _("RSVP answer")
        verbose_name_plural = _("RSVP answers")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(state="pending"), name="rsvp_answer_is_an_answer"),
        ]

    def __str__(self):
        return f"{self.invitation}: {self.get_state_display()}"


class InvitationNotice(models.Model):
    """A change or cancellation notice sent to one invitee: what changed and which calendar revision went."""

    class Kind(models.TextChoices):
        CHANGE = "change", _("Change")
        CANCEL = "cancel", _("Cancellation")

    invitation = models.ForeignKey(Invitation, models.CASCADE, verbose_name=_("invitation"), related_name="notices")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    changes = models.JSONField(_("what changed"), default=list, blank=True)
    sequence = models.PositiveIntegerField(_("calendar revision"))
    message = models.ForeignKey(
        "idswg.SentMessage", models.SET_NULL, null=True, blank=True, verbose_name=_("e-mail"), related_name="+"
    )
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One notice per revision of the calendar entry: sending twice never doubles a notice.
            models.UniqueConstraint(fields=["invitation", "sequence"], name="notice_once_per_revision"),
        ]

    def __str__(self):
        return f"{self.invitation}: {self.get_kind_display()} ({self.sequence})"


# The models of materials and of the record after the meeting live in their own modules.
from .material_models import Material  # noqa: E402, F401
from .record_models import ActionPoint, Minutes, MinutesItem  # noqa: E402, F401
