from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .roles import COCHAIR, PARTNER, SECRETARIAT


class PortalAppConfig(AppConfig):
    """An app of the portal. ``nav_items`` puts its pages in the navigation of the roles listed.

    Each item is ``(label, url_name, roles)``; the base template shows a user the items
    of their roles, so an app adds its pages without editing the shared template.
    ``home_panels`` likewise lists ``(template_name, roles)`` fragments for the home page;
    each fragment gets the request context and loads its own data through a template tag
    or the view context it is given. ``nav_order`` places the app's items and panels among
    the others' (lowest first), so no list of app labels is kept anywhere.
    """

    default_auto_field = "django.db.models.BigAutoField"
    nav_items = ()
    home_panels = ()
    nav_order = 50

    def warm_up_worker(self):
        """Load what the app's tasks need (a heavy library) when a Celery worker process starts.

        Called by ``idswg.celery`` for every portal app, so a user's first task does not pay for it
        and ``idswg`` names no app; the web processes never call it.
        """


class IdswgConfig(PortalAppConfig):
    name = "idswg"
    verbose_name = _("IDSWG portal")
    nav_order = 90  # the shared pages come after the apps'

    nav_items = (
        (_("Directory"), "organisation_list", (SECRETARIAT,)),
        (_("Accounts"), "account_list", (SECRETARIAT,)),
        (_("PDFs"), "render_list", (SECRETARIAT,)),
        (_("Outbox"), "outbox", (SECRETARIAT,)),
    )
    home_panels = (("idswg/_render_home_panel.html", (SECRETARIAT, COCHAIR, PARTNER)),)

    def ready(self):
        # Each app declares its printable documents in <app>/documents.py.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("documents")
