"""The annual SWG report as a printable document (see ``idswg.documents``).

The High-Level Meeting briefing (``reports.briefing``) is declared in its own module
and imported here, so that autodiscovery of ``documents`` registers it too.
"""

from django.template.defaultfilters import slugify
from django.utils.translation import gettext_lazy

from idswg.documents import Document, register
from idswg.roles import ANY_ROLE, has_role

from . import access
from .models import Report
from .services import report_for_display


def report_context(report):
    """What the print templates show of ``report``: the report, its display (sections, rows ...), its draft mark."""
    return {"report": report, "display": report_for_display(report), "draft_notice": access.draft_notice(report)}


@register
class ReportDocument(Document):
    key = "report"
    label = gettext_lazy("SWG report")
    model = Report
    template_name = "reports/pdf/report.html"
    home_order = 20

    def title(self, obj):
        return obj.title

    def filename(self, obj):
        return f"{slugify(obj.title)[:80] or 'report'}.pdf"

    def organisers(self, obj):
        return obj.swg_name or super().organisers(obj)

    def context(self, obj):
        return report_context(obj)

    def can_download(self, user, obj):
        """Whoever reads the report on screen may print it (``reports.access``)."""
        return access.can_read(user, obj)

    def featured(self, user):
        """The home page offers the latest final annual report, the one every member reads as it stands."""
        if not has_role(user, *ANY_ROLE):
            return ()
        final = Report.objects.filter(kind=Report.Kind.ANNUAL, state=Report.State.FINAL).order_by("-year")
        return list(final.values_list("pk", flat=True)[:1])


from . import briefing  # noqa: E402, F401  (registers the briefing)
