"""The sanitiser now lives in ``idswg.sanitise`` (the Mini-Dublin Group app uses it too); kept for the old imports."""

from idswg.sanitise import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES, clean_html, plain_text

__all__ = ["ALLOWED_ATTRIBUTES", "ALLOWED_TAGS", "URL_SCHEMES", "clean_html", "plain_text"]
