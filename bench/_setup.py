"""The start every benchmark shares: the project on the path, the tests' settings, Django set up.

``import _setup`` (the benchmarks run as scripts from ``bench/``, so this module is beside them)
then ``_setup.django_with_test_settings()`` before importing anything of the portal.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def django_with_test_settings():
    """The tests' settings (DEBUG off, plain HTTP, static files unhashed; see ``idswg.testing``), then Django."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "idswg.settings")
    from idswg.testing import use_test_environment

    use_test_environment()
    import django

    django.setup()
