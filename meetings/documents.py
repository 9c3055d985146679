"""The meeting's printable document: the invitation with its agenda (see ``idswg.documents``)."""

from django.db.models import Prefetch
from django.template.defaultfilters import slugify
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from idswg.documents import Document, register
from idswg.roles import SECRETARIAT, has_role
from idswg.templatetags.print_tags import unbroken

from .access import visible_meetings
from .models import INVITATION_PREFETCH, Invitation, Material, Meeting


def meeting_for_print(pk):
    """A meeting with everything its invitation prints, in a fixed number of queries.

    The materials printed are those for everyone invited (``shared_materials`` on the
    meeting and on each agenda item), whoever prints: the PDF travels.
    """
    shared = Material.objects.filter(audience=Material.Audience.INVITEES)
    return Meeting.objects.prefetch_related(
        *INVITATION_PREFETCH,
        Prefetch("agenda_items__materials", queryset=shared, to_attr="shared_materials"),
        Prefetch("materials", queryset=shared.filter(agenda_item__isnull=True), to_attr="shared_materials"),
    ).get(pk=pk)


def organiser_names(meeting):
    """The organisers for a page's foot: each name on one line ("United Nations" never split)."""
    return " · ".join(unbroken(link.organisation.name) for link in meeting.organiser_links.all())


class MeetingDocument(Document):
    """A document printed for one meeting (its invitation, its briefing): issued by the meeting's organisers.

    Not registered itself; a kind subclasses it (``reports.briefing`` too) for the object,
    the author, the organisers' line and the file name's stem.
    """

    model = Meeting

    def get_object(self, obj_id):
        return meeting_for_print(obj_id)

    def author(self, obj):
        return ", ".join(link.organisation.label for link in obj.organiser_links.all()) or super().author(obj)

    def organisers(self, obj):
        return organiser_names(obj) or super().organisers(obj)

    def file_stem(self, obj):
        """The meeting's kind and day, e.g. ``high-level-meeting-2024-11-08``."""
        return f"{slugify(obj.get_kind_display())}-{timezone.localtime(obj.starts_at).date().isoformat()}"


@register
class MeetingInvitation(MeetingDocument):
    key = "meeting-invitation"
    label = gettext_lazy("Invitation and agenda")
    translated = True  # also "meeting-invitation-lo", printed in Lao
    template_name = "meetings/pdf/invitation.html"
    page_label = gettext_lazy("Invitation and agenda (PDF)")
    page_order = 20

    def title(self, obj):
        return _("Invitation to the %(title)s") % {"title": obj.title}

    def filename(self, obj):
        return f"{self.file_stem(obj)}-invitation-and-agenda.pdf"

    def context(self, obj):
        return {"meeting": obj}

    def offered_to(self, user, obj):
        """The meeting's page is only shown to those who may see the meeting: all of them may print it."""
        return True

    def can_download(self, user, obj):
        """Whoever may see the meeting may print its invitation."""
        return visible_meetings(user).filter(pk=obj.pk).exists()


class SecretariatOnly:
    """For documents that print contacts or personal links: only the secretariat is offered them."""

    def offered_to(self, user, obj):
        return has_role(user, SECRETARIAT)

    def can_download(self, user, obj):
        return has_role(user, SECRETARIAT)


@register
class PersonalInvitation(SecretariatOnly, MeetingInvitation):
    """One invitee's invitation: the same pages with their personal RSVP link and its QR code.

    For the secretariat to print or forward; the link is the invitee's own, so only the
    secretariat downloads it (the invitee answers through the link itself).
    """

    key = "meeting-invitation-personal"
    label = gettext_lazy("Personal invitation")
    translated = False
    model = Invitation
    page_label = ""

    def get_object(self, obj_id):
        invitation = Invitation.objects.get(pk=obj_id)
        invitation.meeting = meeting_for_print(invitation.meeting_id)
        return invitation

    def title(self, obj):
        return super().title(obj.meeting)

    def filename(self, obj):
        return super().filename(obj.meeting).removesuffix(".pdf") + f"-{slugify(obj.name)[:40] or obj.pk}.pdf"

    def author(self, obj):
        return super().author(obj.meeting)

    def organisers(self, obj):
        return super().organisers(obj.meeting)

    def context(self, obj):
        return {"meeting": obj.meeting, "invitation": obj}


@register
class MeetingMinutes(Document):
    """The summary record: attendance, per agenda item the discussion and decisions, the action points.

    Action points print as decided (owner, due date), not their later status, so a
    partner's update does not make the record stale.
    """

    key = "meeting-minutes"
    label = gettext_lazy("Minutes")
    model = Meeting
    template_name = "meetings/pdf/minutes.html"

    def get_object(self, obj_id):
        from .minutes import minutes_for_print
        from .models import Minutes

        try:
            return minutes_for_print(obj_id)
        except Minutes.DoesNotExist:
            raise Meeting.DoesNotExist from None

    def access_object(self, obj_id):
        """The minutes' bare row: ``can_download`` reads only its meeting's id."""
        from .models import Minutes

        return Minutes.objects.only("pk", "meeting_id").get(meeting_id=obj_id)

    def title(self, obj):
        return _("Minutes of the %(title)s") % {"title": obj.meeting.title}

    def filename(self, obj):
        day = timezone.localtime(obj.meeting.starts_at).date().isoformat()
        return f"{slugify(obj.meeting.get_kind_display())}-{day}-minutes.pdf"

    def organisers(self, obj):
        return organiser_names(obj.meeting) or super().organisers(obj)

    def context(self, obj):
        from .minutes import print_context

        return print_context(obj)

    def can_download(self, user, obj):
        """Whoever may see the meeting (partners through their organisation's invitation) may read its minutes."""
        return visible_meetings(user).filter(pk=obj.meeting_id).exists()


class ParticipantDocument(SecretariatOnly, MeetingDocument):
    """A list of a meeting's participants, from the answers: who attends, for whom, their contacts.

    For the secretariat (it prints e-mails and phones); A4 landscape, in English and in Lao.
    Not registered itself: the participant list and the sign-in sheet subclass it.
    """

    translated = True
    landscape = True
    title_format = ""  # "Participant list: %(title)s"
    file_suffix = ""

    def get_object(self, obj_id):
        """The meeting with its organisers (the page foot): the attendees come with the context."""
        return Meeting.objects.prefetch_related("organiser_links__organisation").get(pk=obj_id)

    def title(self, obj):
        return self.title_format % {"title": obj.title}

    def filename(self, obj):
        return f"{self.file_stem(obj)}-{self.file_suffix}.pdf"

    def context(self, obj):
        from .participants import attendees_for_print

        return {"meeting": obj, "attendees": list(attendees_for_print(obj))}


@register
class ParticipantList(ParticipantDocument):
    key = "meeting-participant-list"
    label = gettext_lazy("Participant list")
    template_name = "meetings/pdf/participant_list.html"
    page_label = gettext_lazy("Participant list (PDF)")
    page_order = 40
    title_format = gettext_lazy("Participant list: %(title)s")
    file_suffix = "participant-list"


@register
class SignInSheet(ParticipantDocument):
    """The sheet signed at the door: each attendee on a row with empty phone and signature cells,
    then blank rows for those who come unannounced, to the foot of the last page.

    Every row has the same height (templates/meetings/pdf/sign_in_sheet.html), so the rows a
    page holds are known: ``FIRST_PAGE_ROWS`` under the heading, ``PAGE_ROWS`` on the pages after.
    """

    key = "meeting-sign-in-sheet"
    label = gettext_lazy("Sign-in sheet")
    template_name = "meetings/pdf/sign_in_sheet.html"
    page_label = gettext_lazy("Sign-in sheet (PDF)")
    page_order = 50
    title_format = gettext_lazy("Sign-in sheet: %(title)s")
    file_suffix = "sign-in-sheet"
    FIRST_PAGE_ROWS = 11  # 12 fit in English, 11 in Lao (taller lines) or under a title on two lines
    PAGE_ROWS = 14
    MIN_BLANK_ROWS = 3

    def context(self, obj):
        context = super().context(obj)
        listed = len(context["attendees"])
        return context | {"blank_numbers": range(listed + 1, self.rows_to_print(listed) + 1)}

    @classmethod
    def rows_to_print(cls, listed):
        """How many rows fill the pages that ``listed`` attendees and at least ``MIN_BLANK_ROWS`` blank rows need."""
        wanted = listed + cls.MIN_BLANK_ROWS
        if wanted <= cls.FIRST_PAGE_ROWS:
            return cls.FIRST_PAGE_ROWS
        further_pages = -(-(wanted - cls.FIRST_PAGE_ROWS) // cls.PAGE_ROWS)  # rounded up
        return cls.FIRST_PAGE_ROWS + further_pages * cls.PAGE_ROWS
