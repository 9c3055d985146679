from django.utils.translation import gettext_lazy as _

from idswg.apps import PortalAppConfig


class SeizuresConfig(PortalAppConfig):
    name = "seizures"
    verbose_name = _("Seizures")
    nav_items = ()
