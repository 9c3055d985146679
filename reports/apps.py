from django.utils.translation import gettext_lazy as _

from idswg.apps import PortalAppConfig


class ReportsConfig(PortalAppConfig):
    name = "reports"
    verbose_name = _("Reports")
    nav_items = ()
