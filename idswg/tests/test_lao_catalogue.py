"""The Lao catalogue keeps up with the code: every message translated, none fuzzy, markup intact.

``makemessages`` runs on a copy of the source tree (so the committed catalogue is left as it
is), and the test fails on any message of the code that the committed catalogue lacks or
leaves untranslated. To fix: ``make messages``, translate, commit ``locale/lo``.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "lo" / "LC_MESSAGES" / "django.po"
SKIP = {".venv", ".git", "node_modules", "media", "staticfiles", "sent-mail", "vendor", "__pycache__"}
#: What must come through a translation unchanged: placeholders, HTML tags, literal percent signs.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sd]|\{\w*\}|<[^>]+>|%%")


def _entries(po):
    return {(entry.msgctxt or "", entry.msgid): entry for entry in po if not entry.obsolete}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The catalogue as ``make messages`` would leave it now, made in a copy of the tree."""
    if shutil.which("xgettext") is None:
        pytest.skip("needs gettext (a system package of make run)")
    copy = tmp_path_factory.mktemp("tree") / "src"
    shutil.copytree(settings.BASE_DIR, copy, ignore=lambda _dir, names: [n for n in names if n in SKIP])
    env = {**os.environ, "PYTHONPATH": str(copy)}
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "makemessages", "-l", "lo", "--no-location"]
        + ["--ignore=.venv", "--ignore=node_modules", "--ignore=static/vendor"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    return polib.pofile(str(copy / CATALOGUE.relative_to(settings.BASE_DIR)))


def test_every_message_of_the_code_is_in_the_committed_catalogue(extracted):
    committed = _entries(polib.pofile(str(CATALOGUE)))
    missing = sorted(key for key in _entries(extracted) if key not in committed)
    assert not missing, f"{len(missing)} messages are not in locale/lo yet (run make messages): {missing[:20]}"


def test_every_message_is_translated_and_none_is_fuzzy(extracted):
    untranslated = [entry.msgid for entry in extracted if not entry.obsolete and not entry.translated()]
    fuzzy = [entry.msgid for entry in extracted if "fuzzy" in entry.flags]
    assert not untranslated, f"{len(untranslated)} untranslated: {untranslated[:20]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy: {fuzzy[:20]}"


def test_the_committed_catalogue_is_complete_and_says_lao_has_one_plural_form():
    po = polib.pofile(str(CATALOGUE))
    assert po.metadata["Language"] == "lo"
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert po.percent_translated() == 100
    assert not po.fuzzy_entries()


def test_translations_keep_every_placeholder_and_tag():
    broken = []
    for entry in polib.pofile(str(CATALOGUE)):
        wanted = sorted(set(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid)))
        for text in entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]:
            if sorted(set(PLACEHOLDER.findall(text))) != wanted:
                broken.append(entry.msgid)
    assert not broken


def test_the_catalogue_compiles_cleanly(tmp_path):
    if shutil.which("msgfmt") is None:
        pytest.skip("needs gettext (a system package of make run)")
    result = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(CATALOGUE)],  # noqa: S607
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
