"""Response headers every page of the portal carries, beside the CSP (django-csp, see settings).

- ``Permissions-Policy``: the portal uses no camera, microphone, location, payment or other
  powerful browser feature, so it switches them all off; an injected script or frame cannot
  ask for them.
- ``Cache-Control: private, no-store`` on every response a view makes. Signed-in pages,
  exports (CSV, XLSX, Word, calendars) and PDF downloads hold drafts and personal data; the
  anonymous ones too (an RSVP page shows the invitee's answer, a form carries its CSRF token).
  Neither a shared proxy nor the browser's disk cache may keep them. A view that decided how
  the user's own browser may keep its answer says so with ``private`` (``never_cache``, a
  versioned chart image) and keeps its header. Static files never reach this middleware:
  WhiteNoise answers them earlier, with their own long cache headers.
"""

# Every feature a page could ask the browser for, all refused ("()" allows no origin at all).
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)


class PrivateResponseHeadersMiddleware:
    """Add ``Permissions-Policy``, and ``Cache-Control: private, no-store`` unless a view chose ``private``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if "private" not in response.get("Cache-Control", ""):
            response["Cache-Control"] = "private, no-store"
        return response
