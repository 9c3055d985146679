"""WSGI entry point, for gunicorn: ``gunicorn idswg.wsgi``."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "idswg.settings")
application = get_wsgi_application()
# Fail at start, not at the first login: Django refuses an empty SECRET_KEY when it is read.
settings.SECRET_KEY  # noqa: B018
