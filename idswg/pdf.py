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
import logging
import mimetypes
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

# WeasyPrint logs each layout step at INFO, from import time on: keep workers' logs readable.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
logging.getLogger("fontTools").setLevel(logging.WARNING)  # it reports each woff2 font it unpacks

import weasyprint  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.contrib.staticfiles.storage import staticfiles_storage  # noqa: E402
from django.utils.translation import gettext as _  # noqa: E402
from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: E402

from . import lao_fonts  # noqa: E402
from .lao_breaks import break_lao_html  # noqa: E402

#: Changes whenever the renderer or the shared print stylesheet changes, so that
#: documents rendered by an older setup count as stale (see ``fingerprint``).
# "lao-1": Lao line breaks (idswg.lao_breaks) and the face chosen per document (idswg.lao_fonts).
RENDERER = f"weasyprint-{weasyprint.__version__}-lao-1"
PRINT_STYLESHEETS = ("pdf/print.css", "pdf/fonts.css")
BASE_URL = "https://idswg.invalid/"



class StaticFileFetcher(URLFetcher):
    """Serve ``/static/...`` from the static folders and ``data:`` URLs; refuse the rest."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith("file://") and url.removeprefix("file://") in _system_fonts():
            path = Path(url.removeprefix("file://"))
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": "font/ttf"})
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}/" != BASE_URL or not parts.path.startswith(settings.STATIC_URL):
            raise ValueError(f"PDF templates may only use static files, not {url}")
        path = static_path(unquote(parts.path.removeprefix(settings.STATIC_URL)))
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


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


def _system_fonts():
    return lao_fonts.system_font_files()


def lao_font_css():
    """Where the Lao ``@font-face`` rules go: filled in at render with the face chosen for the text."""
    return lao_fonts.PLACEHOLDER


@cache
def _stylesheet_digest():
    digest = hashlib.sha256(RENDERER.encode())
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
    html = lao_fonts.prepare(break_lao_html(html))
    source = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFileFetcher(fail_on_errors=True))
    document = source.render(pdf_tags=True)
    return document.write_pdf(pdf_tags=True), len(document.pages)
