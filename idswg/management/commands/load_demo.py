"""``python manage.py load_demo``: load the demo content of every app (safe to run twice)."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from idswg.apps import PortalAppConfig
from idswg.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Load the demo content drawn from the seed documents, and the demo logins when DEBUG is on."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-demo-users",
            action="store_true",
            help="Create the demo logins even though DEBUG is off (never on a production database).",
        )

    def handle(self, *args, allow_demo_users=False, **options):
        # The loaders write the seeds' English through the plain attributes (``name=``), which go to the
        # fields of the active language, and look organisations up by their English short names.
        with translation.override("en"):
            self._load(allow_demo_users)

    def _load(self, allow_demo_users):
        with_users = settings.DEBUG or allow_demo_users
        loaded = []
        for config in apps.get_app_configs():
            module_name = f"{config.name}.demo"
            if isinstance(config, PortalAppConfig) and find_spec(module_name):
                self.stdout.write(self.style.MIGRATE_HEADING(f"{config.verbose_name}:"))
                loaded.append(import_module(module_name))
                loaded[-1].load(self.stdout.write, with_users=with_users)
        # A demo module's ``summary(out)`` prints where to start (e.g. an open RSVP link) last, so it stays in view.
        for module in loaded:
            if hasattr(module, "summary"):
                module.summary(self.stdout.write)
        if with_users:
            self.stdout.write(
                self.style.SUCCESS(f"Demo logins: secretariat, cochair, partner; password {DEMO_PASSWORD!r}.")
            )
        else:
            self.stdout.write(self.style.WARNING("Demo logins were not created: DEBUG is off."))
