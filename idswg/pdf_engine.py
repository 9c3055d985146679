"""The part of the PDF renderer that needs WeasyPrint, kept apart so the web never imports it.

WeasyPrint with its fonts and image libraries costs a process about 54 MiB and 0.8 s.
Only the Celery worker renders (``idswg.renders``), and it loads this module when it
starts (``idswg.celery.load_renderer``), so a user's first render does not pay for it;
a web worker, ``manage.py check`` and the migrations never load it
(``idswg/tests/test_light_imports.py``). Callers go through ``idswg.pdf.render``.
"""

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

# WeasyPrint logs each layout step at INFO, from import time on: keep workers' logs readable.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
logging.getLogger("fontTools").setLevel(logging.WARNING)  # it reports each woff2 font it unpacks

import weasyprint  # noqa: E402
from django.conf import settings  # noqa: E402
from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: E402

from . import lao_fonts  # noqa: E402
from .pdf import BASE_URL, static_path  # noqa: E402


class StaticFileFetcher(URLFetcher):
    """Serve ``/static/...`` from the static folders and ``data:`` URLs; refuse the rest."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith("file://") and url.removeprefix("file://") in lao_fonts.system_font_files():
            path = Path(url.removeprefix("file://"))
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": "font/ttf"})
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}/" != BASE_URL or not parts.path.startswith(settings.STATIC_URL):
            raise ValueError(f"PDF templates may only use static files, not {url}")
        path = static_path(unquote(parts.path.removeprefix(settings.STATIC_URL)))
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def write_pdf(html):
    """``(pdf_bytes, page_count)`` of prepared ``html`` (Lao breaks and fonts already applied)."""
    source = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFileFetcher(fail_on_errors=True))
    document = source.render(pdf_tags=True)
    return document.write_pdf(pdf_tags=True), len(document.pages)


def warm_up():
    """Render a one-line page, so fontconfig's cache and WeasyPrint's default stylesheets are
    loaded once at worker start-up rather than in the first user's job; the Lao line breaks too
    (ICU and its dictionary, which the web processes never import: ``idswg.pdf.render``)."""
    from .lao_breaks import break_lao_html

    weasyprint.HTML(string=break_lao_html("<p>IDSWG ອົງການ</p>"), base_url=BASE_URL).write_pdf()
