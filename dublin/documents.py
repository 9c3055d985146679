"""Country reports and the regional report as printable documents (``idswg.documents``), rendered by Celery.

Who may download follows ``dublin.access``: whoever may read the report. The regional
report is the secretariat's. Both print what the readers see: submitted and accepted
updates, today's seizures figures.
"""

from django.template.defaultfilters import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from idswg.documents import Document, register
from idswg.roles import is_secretariat

from . import access, regional
from .models import CountryReport, RegionalReport
from .outline import report_for_display

COUNTRY_REPORT = "country-report"
REGIONAL_REPORT = "regional-report"


@register
class CountryReportDocument(Document):
    key = COUNTRY_REPORT
    label = gettext_lazy("Mini-Dublin Group country report")
    model = CountryReport
    template_name = "dublin/pdf/country_report.html"
    home_order = 30

    def get_object(self, obj_id):
        return CountryReport.objects.select_related("country").get(pk=obj_id)

    def title(self, obj):
        return _("Mini-Dublin Group country report: %(country)s %(year)s") % {
            "country": obj.country.name,
            "year": obj.year,
        }

    def filename(self, obj):
        return f"mini-dublin-{slugify(obj.country.name)}-{obj.year}.pdf"

    def author(self, obj):
        return _("Mini-Dublin Group")

    def context(self, obj):
        return {"report": obj, "displays": [report_for_display(obj)]}

    def can_download(self, user, obj):
        return access.can_read_report(user, obj)


@register
class RegionalReportDocument(Document):
    key = REGIONAL_REPORT
    label = gettext_lazy("Dublin Group regional report")
    model = RegionalReport
    template_name = "dublin/pdf/regional_report.html"
    home_order = 40

    def title(self, obj):
        return obj.subject or _("Regional report %(year)s") % {"year": obj.year}

    def filename(self, obj):
        return f"regional-report-{obj.year}.pdf"

    def author(self, obj):
        return obj.sender or _("Dublin Group")

    def organisers(self, obj):
        return " · ".join(filter(None, [obj.issuer, obj.reference]))

    def context(self, obj):
        return {"regional": obj, "displays": regional.for_print(obj)}

    def can_download(self, user, obj):
        return is_secretariat(user)
