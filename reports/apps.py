from django.utils.translation import gettext_lazy as _

from idswg.apps import PortalAppConfig
from idswg.roles import ANY_ROLE


class ReportsConfig(PortalAppConfig):
    name = "reports"
    verbose_name = _("Reports")
    nav_order = 20
    nav_items = ((_("Reports"), "reports:report_list", ANY_ROLE),)
    home_panels = (("reports/_home_panel.html", ANY_ROLE),)

    def ready(self):
        super().ready()
        from . import page_cache

        page_cache.connect()
