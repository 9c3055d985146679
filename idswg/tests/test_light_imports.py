"""The web processes stay light: WeasyPrint, matplotlib, openpyxl and python-docx are loaded
only where they are used (the Celery worker, an export, an upload), never when a web worker
starts. Each check runs in a fresh interpreter, as gunicorn's workers do."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("weasyprint", "matplotlib", "openpyxl", "docx")


#: Not heavy, but slow to import (Celery and kombu some 0.1 s, ICU's Lao dictionary 0.02 s, the
#: seizure import with its cell readers 0.07 s, Pillow 0.013 s): left to the first task sent, the
#: worker, a render, an import, a logo upload.
STARTUP = ("celery", "kombu", "icu", "seizures.import_plan", "PIL")


def modules_after(code, packages=HEAVY):
    """Those of ``packages`` that ``sys.modules`` holds after ``code`` runs in a new Python process."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps([m for m in {packages!r} if m in sys.modules]))"
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="idswg.settings")
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_web_worker_with_every_url_loaded_imports_no_renderer_chart_or_office_library():
    # The WSGI app, then the URL configuration with every view module (Django loads it on the first request).
    code = "import idswg.wsgi\nfrom django.urls import get_resolver\nget_resolver().url_patterns"
    assert modules_after(code) == []


def test_manage_py_check_imports_no_renderer_chart_or_office_library():
    code = "import django\ndjango.setup()\nfrom django.core.management import call_command\ncall_command('check')"
    assert modules_after(code) == []


def test_the_celery_worker_loads_weasyprint_and_matplotlib_when_its_process_starts():
    code = (
        "import django\ndjango.setup()\nfrom celery.signals import worker_process_init\n"
        "from idswg.celery import app\nworker_process_init.send(sender=None)"
    )
    assert set(modules_after(code)) >= {"weasyprint", "matplotlib"}


def test_manage_py_check_imports_neither_celery_nor_icu():
    # manage.py check loads every app, model, URL and view: what every command and web process pays.
    code = "import django\ndjango.setup()\nfrom django.core.management import call_command\ncall_command('check')"
    assert modules_after(code, STARTUP) == []


def test_sending_a_task_loads_the_configured_celery_app():
    # idswg/__init__.py no longer imports the Celery app: the tasks module does, so a task sent
    # from the web goes through the portal's app (its broker, eager without Redis), not Celery's default.
    code = (
        "import django\ndjango.setup()\nfrom idswg import tasks\nfrom celery import current_app\n"
        "assert current_app.main == 'idswg', current_app.main"
    )
    assert modules_after(code, ("celery",)) == ["celery"]
