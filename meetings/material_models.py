"""What a meeting gives its participants to read: an uploaded file or one of the portal's documents.

A material belongs to a meeting and optionally to one agenda item. It is either a file
(stored under ``MEDIA_ROOT``, which has no URL: only ``materials.download`` serves it) or a
document of the shared registry (``idswg.documents``) named by its key and object id, so
this app never imports the app that prints it. ``audience`` says who may see it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Material(models.Model):
    class Audience(models.TextChoices):
        INVITEES = "invitees", _("Everyone invited, also through their personal link")
        PARTNERS = "partners", _("Partners and co-chairs with an account")
        COCHAIRS = "cochairs", _("Co-chairs only")

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="materials")
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="materials",
        help_text=_("Empty: the material is for the whole meeting."),
    )
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to="materials/%Y/%m/", blank=True, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(_("file type"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    document_key = models.CharField(_("portal document"), max_length=100, blank=True)
    document_id = models.PositiveIntegerField(_("document object"), null=True, blank=True)
    audience = models.CharField(_("who may see it"), max_length=20, choices=Audience.choices, default=Audience.INVITEES)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(document_key="", document_id__isnull=True) & ~models.Q(file=""))
                | (models.Q(file="") & ~models.Q(document_key="") & models.Q(document_id__isnull=False)),
                name="material_is_a_file_or_a_document",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_file(self):
        return bool(self.file)
