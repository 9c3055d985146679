"""The portal's translation catalogues (``locale/<language>/LC_MESSAGES/django.po``).

Only the ``.po`` files are committed. The ``.mo`` files Django reads are compiled from
them by ``make run``/``make test`` and, for a bare ``pytest``, by the test plugin
(``idswg/testing.py``), so a translation is never served from a stale ``.mo``.
"""

import subprocess
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def stale_catalogues():
    """The ``.po`` files whose ``.mo`` is missing or older than the ``.po``."""
    for po in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            yield po


def compile_stale():
    """Compile each stale catalogue with ``msgfmt --check`` (gettext, a system package)."""
    for po in stale_catalogues():
        subprocess.run(["msgfmt", "--check", "-o", str(po.with_suffix(".mo")), str(po)], check=True)  # noqa: S603, S607
