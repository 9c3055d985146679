"""The annual SWG report as a printable document (see ``idswg.documents``).

The High-Level Meeting briefing (``reports.briefing``) is declared in its own module
and imported here, so that autodiscovery of ``documents`` registers it too.
"""

import re

from django.template.defaultfilters import slugify
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from idswg import logos, pdf
from idswg.documents import Document, register
from idswg.roles import ANY_ROLE, has_role

from . import access
from .layouts import matrix_heading
from .models import Report
from .services import report_for_display


def report_context(report):
    """What the print templates show of ``report``: the report, its display (sections, rows ...), its draft mark.

    A narrative's source line ("From: <plan>") is printed only when its text does not
    already name the plan (the seed's "Note: Excerpt from ..." says it once).
    """
    display = report_for_display(report)
    for narrative in display.narratives:
        narrative.source_line = _source_line(narrative)
    return {
        "report": report,
        "display": display,
        "draft_notice": access.draft_notice(report),
        "matrix_heading": matrix_heading(report.layout, report.year, bool(display.narratives)),
    }


def _letters(text):
    return re.sub(r"[\W_]+", "", strip_tags(text)).casefold()


def _source_line(narrative):
    plan = narrative.plan
    if plan is None or _letters(plan.name) in _letters(narrative.body):
        return ""
    return plan.label


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
        """A report with a matrix prints landscape throughout, as the Word originals: the header
        table and the narratives share the matrix's pages instead of leaving half-empty ones."""
        context = report_context(obj)
        draft = obj.state != Report.State.FINAL
        return {
            **context,
            "landscape": bool(context["display"].sections),
            "draft_mark": draft,
            # The running header of every page says it too, in words a text search finds.
            "css_draft": pdf.css_string(_("DRAFT (%(state)s) · not final") % {"state": obj.get_state_display()}),
            # In the first page's header, where the running title would repeat the heading below it.
            "cover_logos": logos.printed(obj.cover_organisations.all()),
        }

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
