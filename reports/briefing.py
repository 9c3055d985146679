"""The High-Level Meeting briefing: cover, contents, then the parts the secretariat chose.

The parts are the meeting's invitation and agenda, one report (header, narratives,
priorities, matrix) and the seizure tables of some countries, each printed exactly as
its own document prints it. The briefing is a document kind like the others
(``idswg.documents``) whose object is the meeting, so its PDF is rendered by the same
Celery task and served from the same record; any change to a part changes the HTML,
hence the fingerprint, and marks the PDF stale.
"""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dublin.outline import report_for_display as country_report_for_display
from idswg import renders
from idswg.documents import register
from idswg.roles import COCHAIR, SECRETARIAT, has_role
from meetings.access import visible_meetings
from meetings.action_points import open_before as open_action_points
from meetings.documents import MeetingDocument
from meetings.models import Meeting
from seizures.documents import table_with_charts
from seizures.models import Country

from . import access
from .briefing_models import Briefing
from .models import Report

KEY = "meeting-briefing"


def briefing_of(meeting):
    """The meeting's chosen parts; a meeting nobody configured yet prints its invitation only."""
    try:
        return meeting.briefing
    except Briefing.DoesNotExist:
        return Briefing(meeting=meeting)


def parts(meeting, draw_charts=True):
    """The parts of ``meeting``'s briefing in print order, as the templates need them.

    ``draw_charts=False`` leaves the seizure charts empty, for the fingerprint (``table_with_charts``).
    """
    briefing = briefing_of(meeting)
    report = briefing.report
    countries = list(briefing.countries.order_by("display_order", "name")) if briefing.pk else []
    from .documents import report_context  # documents imports this module to register it

    return {
        "briefing": briefing,
        "include_invitation": briefing.include_invitation,
        **(report_context(report) if report else {"report": None, "display": None, "draft_notice": ""}),
        "tables": [table_with_charts(country, draw_charts=draw_charts) for country in countries],
        "country_report": briefing.country_report,
        "country_display": country_report_for_display(briefing.country_report) if briefing.country_report_id else None,
        # Action points of earlier meetings still open: the co-chairs follow them up at this one.
        "open_action_points": list(open_action_points(meeting)),
    }


@register
class MeetingBriefing(MeetingDocument):
    key = KEY
    label = gettext_lazy("High-Level Meeting briefing")
    translated = True  # also "meeting-briefing-lo", printed in Lao
    template_name = "reports/pdf/briefing.html"
    home_order = 10
    page_label = gettext_lazy("Briefing for the co-chairs (PDF)")
    page_order = 10
    page_icon = "bi-journal-text"

    def title(self, obj):
        return _("Briefing for the %(meeting)s") % {"meeting": obj.title}

    def filename(self, obj):
        return f"briefing-{self.file_stem(obj)}.pdf"

    def context(self, obj):
        return {"meeting": obj, **parts(obj)}

    def fingerprint_context(self, obj):
        return {"meeting": obj, **parts(obj, draw_charts=False)}

    def offered_to(self, user, obj):
        return has_role(user, SECRETARIAT, COCHAIR)

    def page_links(self, user, obj):
        """The secretariat chooses the briefing's parts on its own page."""
        if has_role(user, SECRETARIAT):
            return [(_("Choose the parts"), reverse("reports:briefing_edit", args=[obj.pk]))]
        return []

    def access_object(self, obj_id):
        """The meeting's row with its briefing's choice and report, which the co-chair's rule reads (one query)."""
        return Meeting.objects.select_related("briefing__report").get(pk=obj_id)

    def can_download(self, user, obj):
        """The briefing is for the co-chairs and the secretariat that prepares it.

        A co-chair reads it only if they may read its report too (``reports.access``): a
        briefing must not carry a draft that is not yet in review out of the secretariat.
        """
        if has_role(user, SECRETARIAT):
            return True
        if not (has_role(user, COCHAIR) and visible_meetings(user).filter(pk=obj.pk).exists()):
            return False
        report = briefing_of(obj).report
        return report is None or access.can_read(user, report)

    def featured(self, user):
        """The home page offers the briefing of the latest meeting that has one configured."""
        if not has_role(user, SECRETARIAT, COCHAIR):
            return ()
        meetings = visible_meetings(user).filter(briefing__isnull=False).order_by("-starts_at")
        return list(meetings.values_list("pk", flat=True)[:1])


@transaction.atomic
def configure(meeting, *, report=None, countries=(), include_invitation=True, user=None, country_report=None):
    """Choose the parts of ``meeting``'s briefing (replacing the previous choice)."""
    briefing, _created = Briefing.objects.update_or_create(
        meeting=meeting,
        defaults={
            "report": report,
            "include_invitation": include_invitation,
            "country_report": country_report,
            "updated_by": user,
        },
    )
    briefing.countries.set(countries)
    return briefing


DEMO_COUNTRIES = ("Lao PDR",)


def load_demo_briefing(out):
    """Configure the 2024 High-Level Meeting's briefing and request its PDF (demo loader).

    Parts: the invitation and agenda, the 2024 report and the Lao PDR seizure table.
    Without ``REDIS_URL`` the render runs in-process, so the demo co-chair finds the PDF
    ready; with a worker it is ready a few seconds after the workers start.
    """
    meeting = Meeting.objects.filter(kind=Meeting.Kind.HIGH_LEVEL, starts_at__year=2024).first()
    report = Report.objects.filter(kind=Report.Kind.ANNUAL, year=2024).first()
    if meeting is None or report is None:
        out("  skipped  briefing (the 2024 High-Level Meeting or the 2024 report is missing)")
        return None
    configure(meeting, report=report, countries=Country.objects.filter(name__in=DEMO_COUNTRIES))
    job = renders.request_render(KEY, meeting.pk)
    if job.state == job.State.DONE:
        out(f"  exists   PDF briefing for {meeting} (render {job.pk}, unchanged)")
    else:
        out(f"  requested PDF briefing for {meeting} (render {job.pk}; made when the demo is saved)")
    return job
