from django.utils.translation import gettext_lazy as _

from idswg.apps import PortalAppConfig
from idswg.roles import ANY_ROLE


class SeizuresConfig(PortalAppConfig):
    name = "seizures"
    verbose_name = _("Seizures")
    nav_order = 40
    nav_items = ((_("Seizures"), "seizures:index", ANY_ROLE),)
    home_panels = (("seizures/_home_panel.html", ANY_ROLE),)

    def warm_up_worker(self):
        """Import matplotlib (0.6 s) once per worker process, not in the first chart's render."""
        from .charts import load_matplotlib

        load_matplotlib()
