"""What an htmx response asks the page's live region (``#live-status`` in base.html) to say.

A swap that only changes a row or a box is silent for a screen reader; the ``X-Announce`` header
carries the result ("Saved") and ``static/js/portal.js`` puts it in the live region. The text is
percent-encoded: HTTP headers carry Latin-1 only, and the message may be Lao.
"""

from urllib.parse import quote

HEADER = "X-Announce"


def announce(response, message):
    """Have the page say ``message`` (already translated) once the swap is done; returns the response."""
    response[HEADER] = quote(str(message))
    return response
