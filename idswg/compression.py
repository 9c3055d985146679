"""Compress the portal's HTML pages (a 300-row matrix is hundreds of kB), and nothing else.

Django's ``GZipMiddleware`` would compress every response: PDFs and XLSX files are already
compressed (gzip only costs CPU there) and a download's ``ETag`` would turn weak. Static files
never reach it: WhiteNoise, above it, serves their precompressed copies. Django adds random bytes
to each gzip header ("Heal The Breach"), which blunts BREACH-style guessing of a page's secrets.
"""

from django.middleware.gzip import GZipMiddleware

COMPRESSED_TYPES = ("text/html", "application/json", "image/svg+xml")


class HtmlGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(COMPRESSED_TYPES):
            return response
        return super().process_response(request, response)
