"""The annual SWG report as a printable document (see ``idswg.documents``).

The High-Level Meeting briefing (``reports.briefing``) is declared in its own module
and imported here, so that autodiscovery of ``documents`` registers it too.
"""

from django.template.defaultfilters import slugify
from django.utils.translation import gettext_lazy

from idswg.documents import Document, register
from idswg.roles import COCHAIR, PARTNER, SECRETARIAT, has_role, is_secretariat

from .models import Report
from .services import report_for_display


def report_context(report):
    """What the print templates show of ``report``: the report and its display (sections, rows ...)."""
    return {"report": report, "display": report_for_display(report)}


def may_download_report(user, report):
    """The secretariat prints any report, co-chairs drafts in review and final ones, partners final ones."""
    if is_secretariat(user):
        return True
    if has_role(user, COCHAIR):
        return report.state in (Report.State.REVIEW, Report.State.FINAL)
    return has_role(user, PARTNER) and report.state == Report.State.FINAL


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
        return may_download_report(user, obj)

    def featured(self, user):
        """The home page offers the latest final annual report (partners read final reports only)."""
        if not has_role(user, SECRETARIAT, COCHAIR, PARTNER):
            return ()
        final = Report.objects.filter(kind=Report.Kind.ANNUAL, state=Report.State.FINAL).order_by("-year")
        return list(final.values_list("pk", flat=True)[:1])


from . import briefing  # noqa: E402, F401  (registers the briefing)
