"""The Celery app, configured from Django's settings (the ``CELERY_`` names).

Start a worker with ``celery -A idswg worker -l info`` and the scheduler with
``celery -A idswg beat -l info``. Without ``REDIS_URL`` tasks run in-process.
"""

import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "idswg.settings")

app = Celery("idswg")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def load_renderer(**_kwargs):
    """Pay for WeasyPrint and each app's heavy libraries (matplotlib for the seizures' charts) when a
    worker process starts, not in a user's first render.

    The web never imports them (``idswg/tests/test_light_imports.py``); the worker needs them for
    every briefing. A one-line warm-up render also loads fontconfig and the default stylesheets.
    Each app says what it needs in its config's ``warm_up_worker`` (``idswg.apps.PortalAppConfig``).
    """
    from django.apps import apps

    from idswg import pdf_engine
    from idswg.apps import PortalAppConfig

    for config in apps.get_app_configs():
        if isinstance(config, PortalAppConfig):
            config.warm_up_worker()
    pdf_engine.warm_up()
