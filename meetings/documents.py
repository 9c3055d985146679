"""The meeting's printable document: the invitation with its agenda (see ``idswg.documents``)."""

from django.template.defaultfilters import slugify
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from idswg.documents import Document, register

from .models import Meeting
from .visibility import visible_meetings


def meeting_for_print(pk):
    """A meeting with everything its invitation prints, in a fixed number of queries."""
    return Meeting.objects.prefetch_related(
        "organiser_links__organisation", "cochairs__person__organisation", "agenda_items__presenters"
    ).get(pk=pk)


def organiser_names(meeting):
    return " · ".join(link.organisation.name for link in meeting.organiser_links.all())


@register
class MeetingInvitation(Document):
    key = "meeting-invitation"
    label = gettext_lazy("Invitation and agenda")
    model = Meeting
    template_name = "meetings/pdf/invitation.html"
    page_label = gettext_lazy("Invitation and agenda (PDF)")
    page_order = 20

    def get_object(self, obj_id):
        return meeting_for_print(obj_id)

    def title(self, obj):
        return _("Invitation to the %(title)s") % {"title": obj.title}

    def filename(self, obj):
        day = timezone.localtime(obj.starts_at).date().isoformat()
        return f"{slugify(obj.get_kind_display())}-{day}-invitation-and-agenda.pdf"

    def author(self, obj):
        return ", ".join(link.organisation.label for link in obj.organiser_links.all()) or super().author(obj)

    def organisers(self, obj):
        return organiser_names(obj) or super().organisers(obj)

    def context(self, obj):
        return {"meeting": obj}

    def offered_to(self, user, obj):
        """The meeting's page is only shown to those who may see the meeting: all of them may print it."""
        return True

    def can_download(self, user, obj):
        """Whoever may see the meeting may print its invitation."""
        return visible_meetings(user).filter(pk=obj.pk).exists()
