"""The apps depend on each other one way only (``idswg`` <- ``meetings``, ``seizures`` <- ``dublin`` <- ``reports``),
and no app names another through strings: its URL names, its document keys, its models by label (CONTRIBUTING.md).

These read the source; they fail on the line that breaks the rule, so a new dependency is seen in review.
"""

import ast
import re
import subprocess
import sys
from pathlib import Path

from idswg import documents

ROOT = Path(__file__).resolve().parent.parent
#: What each app may import (besides itself), as CONTRIBUTING.md draws it.
MAY_USE = {
    "idswg": set(),
    "meetings": {"idswg"},
    "seizures": {"idswg"},
    "dublin": {"idswg", "seizures"},
    "reports": {"idswg", "meetings", "seizures", "dublin"},
}
APPS = tuple(MAY_USE)
URL_NAME = re.compile(r"""["'](?P<app>""" + "|".join(APPS) + r"""):[a-z_]+["']""")
TEMPLATE_KEY = re.compile(r"""\bkey=["'](?P<key>[a-z-]+)["']""")


def _sources(app):
    """The app's Python modules, its tests and migrations left out (a test may name what it tests)."""
    return [
        path
        for path in sorted((ROOT / app).rglob("*.py"))
        if "tests" not in path.relative_to(ROOT).parts and "migrations" not in path.parts
    ]


def _templates(app):
    """The app's templates; the portal's own are the base, the error pages, ``pdf/`` and ``registration/`` too."""
    folders = [ROOT / "templates" / app]
    if app == "idswg":
        folders += [ROOT / "templates" / "pdf", ROOT / "templates" / "registration"]
    paths = [path for folder in folders for path in folder.rglob("*") if path.suffix in (".html", ".txt")]
    if app == "idswg":
        paths += (ROOT / "templates").glob("*.html")
    return sorted(paths)


def _where(path, text, position):
    return f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, position) + 1}"


def test_each_app_imports_only_the_apps_it_may_use():
    found = []
    for app, allowed in MAY_USE.items():
        for path in _sources(app) + sorted((ROOT / app).glob("tests/**/*.py")):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top in MAY_USE and top != app and top not in allowed:
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {name}")
    assert not found


def test_no_app_names_another_apps_url_names():
    found = []
    for app in APPS:
        for path in _sources(app) + _templates(app):
            text = path.read_text()
            found += [
                f"{_where(path, text, m.start())} {m.group(0)}"
                for m in URL_NAME.finditer(text)
                if m.group("app") != app
            ]
    assert not found


def test_no_template_names_another_apps_document_keys():
    # A Lao edition ("<key>-lo") is made in idswg.documents but belongs to the app of its English one.
    owner = {key: cls.__module__.split(".")[0] for key, cls in documents.REGISTRY.items()}
    owner |= {key: owner[key[:-3]] for key in owner if key.endswith("-lo") and key[:-3] in owner}
    assert {"meeting-briefing", "meeting-minutes", "seizure-table", "report"} <= set(owner)
    found = []
    for app in APPS:
        for path in _templates(app):
            text = path.read_text()
            found += [
                f"{_where(path, text, m.start())} {m.group(0)}"
                for m in TEMPLATE_KEY.finditer(text)
                if owner.get(m.group("key"), app) != app
            ]
    assert not found


def test_the_portal_package_looks_up_no_app_model_by_its_label():
    """``apps.get_model`` in ``idswg/`` would hide a dependency; the migration helper gets its app's label
    from the app's own migration and the historical registry Django hands it."""
    found = []
    for path in _sources("idswg"):
        text = path.read_text()
        found += [
            _where(path, text, m.start())
            for m in re.finditer(r"apps\.get_model\(", text)
            if path.name != "bilingual_migrations.py"
        ]
    assert not found


def test_a_worker_process_starts_with_each_apps_heavy_libraries_loaded():
    """``idswg.celery`` asks every app's config (``warm_up_worker``), so it names no app and still loads matplotlib."""
    script = (
        "import sys, django; django.setup()\n"
        "from idswg.celery import load_renderer\n"
        "assert 'matplotlib.figure' not in sys.modules\n"
        "load_renderer()\n"
        "print('matplotlib.figure' in sys.modules, 'weasyprint' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True"]


def test_templates_include_only_the_templates_and_tags_of_apps_they_may_use():
    """``{% include "reports/..." %}`` in a meeting template would break the meeting page without reports."""
    reference = re.compile(
        r"""\{%\s*(?:include|extends)\s+["'](?P<folder>[a-z_]+)/|\{%\s*load\s[^%]*\b(?P<tags>[a-z]+)_tags\b"""
    )
    found = []
    for app, allowed in MAY_USE.items():
        for path in _templates(app):
            text = path.read_text()
            for m in reference.finditer(text):
                other = m.group("folder") or m.group("tags")
                if other in MAY_USE and other != app and other not in allowed:
                    found.append(f"{_where(path, text, m.start())} {m.group(0)}")
    assert not found
