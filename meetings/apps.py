from django.utils.translation import gettext_lazy as _

from idswg.apps import PortalAppConfig


class MeetingsConfig(PortalAppConfig):
    name = "meetings"
    verbose_name = _("Meetings")
    nav_items = ()
