from django.utils.translation import gettext_lazy as _

from idswg.apps import PortalAppConfig
from idswg.roles import ANY_ROLE


class MeetingsConfig(PortalAppConfig):
    name = "meetings"
    verbose_name = _("Meetings")
    nav_order = 10
    nav_items = ((_("Meetings"), "meetings:list", ANY_ROLE),)
    home_panels = (("meetings/_home_panel.html", ANY_ROLE),)

    def ready(self):
        super().ready()
        from . import answers_cache

        answers_cache.connect()
