"""HTML to PDF with WeasyPrint: the one place the portal calls the renderer.

Templates extend ``templates/pdf/base.html`` and link the print stylesheet and fonts
as ordinary ``{% static %}`` URLs. The URL fetcher below reads those from the static
files on disk, so a render never goes to the network (a worker may have none) and the
output is the same on every machine. Anything else (http, ftp, local paths outside
the static folders) is refused.

With DEBUG off ``{% static %}`` names the hashed copies collectstatic wrote to
``STATIC_ROOT`` (``pdf/print.70e0f17b0abd.css``), and the stylesheets there name
hashed fonts; the static finders know only the plain names of the source folders.
So ``static_path`` reads the collected files through the manifest storage's own
mapping (plain and hashed names alike), and the source folders otherwise.
"""

import hashlib
from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.utils.translation import gettext as _

from . import lao_fonts

PRINT_STYLESHEETS = ("pdf/print.css", "pdf/fonts.css")
BASE_URL = "https://idswg.invalid/"


def static_path(name):
    """The file on disk of the static file ``name``, plain (``pdf/print.css``) or hashed.

    A name the manifest knows is read from ``STATIC_ROOT`` under its hashed name (the
    copy whose ``url()`` references collectstatic rewrote); any other from the source
    folders (DEBUG, the tests, or no collectstatic yet).
    """
    collected = _collected_name(name)
    found = staticfiles_storage.path(collected) if collected else finders.find(name)
    if not found or not Path(found).is_file():
        raise FileNotFoundError(f"no static file {name}")
    return Path(found)


def _collected_name(name):
    """The hashed name in ``STATIC_ROOT`` of ``name`` (plain or hashed), or None."""
    manifest = getattr(staticfiles_storage, "hashed_files", None)  # plain name -> hashed name
    if not manifest:
        return None
    plain = staticfiles_storage.hash_key(staticfiles_storage.clean_name(name))
    if plain in manifest:
        return manifest[plain]
    return name if name in manifest.values() else None  # a few hundred names, a few fetches per render


def lao_font_css():
    """Where the Lao ``@font-face`` rules go: filled in at render with the face chosen for the text."""
    return lao_fonts.PLACEHOLDER


@cache
def renderer():
    """Changes whenever the renderer changes, so that documents rendered by an older setup count
    as stale (see ``fingerprint``), with the shared print stylesheet.

    Read from the package's metadata: importing WeasyPrint (54 MiB, 0.8 s) is left to the worker
    (``pdf_engine``); reading the metadata (``importlib.metadata`` scans the installed packages)
    is left to the first fingerprint, not paid by every process at start-up.
    "lao-1": Lao line breaks (idswg.lao_breaks) and the face chosen per document (idswg.lao_fonts).
    """
    from importlib.metadata import version

    return f"weasyprint-{version('weasyprint')}-lao-1"


@cache
def _stylesheet_digest():
    digest = hashlib.sha256(renderer().encode())
    for name in PRINT_STYLESHEETS:
        digest.update(static_path(name).read_bytes())
    return digest.hexdigest()


def fingerprint(html, *extra):
    """A hash of everything a render depends on: the HTML, the print CSS, the renderer.

    Templates must not print the current time, or every render would look new.
    """
    digest = hashlib.sha256(_stylesheet_digest().encode())
    for part in (html, *extra):
        digest.update(b"\0" + str(part).encode())
    return digest.hexdigest()


def css_string(text):
    """``text`` as a quoted CSS string, safe inside a ``<style>`` element."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3C ")
    return f'"{escaped}"'


def page_x_of_y():
    """The footer text as a CSS ``content`` value, translatable as one sentence."""
    text = _("Page %(page)s of %(pages)s") % {"page": "\x00page\x00", "pages": "\x00pages\x00"}
    return css_string(text).replace("\x00page\x00", '" counter(page) "').replace("\x00pages\x00", '" counter(pages) "')


def render(html):
    """``(pdf_bytes, page_count)`` of ``html``: A4 or as its @page rules say, tagged for accessibility.

    The title and author of the PDF come from the HTML ``<title>`` and
    ``<meta name="author">`` (see ``templates/pdf/base.html``).
    """
    from . import pdf_engine  # WeasyPrint: in the worker, loaded at its start-up (idswg/celery.py)
    from .lao_breaks import break_lao_html  # ICU: in the worker too, not in every web process

    return pdf_engine.write_pdf(lao_fonts.prepare(break_lao_html(html)))
