from django.utils.translation import gettext_lazy as _

from idswg.apps import PortalAppConfig
from idswg.roles import ANY_ROLE, PARTNER


class DublinConfig(PortalAppConfig):
    name = "dublin"
    verbose_name = _("Mini-Dublin Group")
    nav_order = 30
    nav_items = ((_("Country reports"), "dublin:report_list", ANY_ROLE),)
    home_panels = (("dublin/_home_panel.html", (PARTNER,)),)
