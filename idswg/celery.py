"""The Celery app, configured from Django's settings (the ``CELERY_`` names).

Start a worker with ``celery -A idswg worker -l info`` and the scheduler with
``celery -A idswg beat -l info``. Without ``REDIS_URL`` tasks run in-process.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "idswg.settings")

app = Celery("idswg")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
