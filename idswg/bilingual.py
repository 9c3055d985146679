"""Names and titles held in Lao and English (django-modeltranslation, see idswg/translation.py).

An edit form offers each such field once per language (``title_en``, ``title_lo``); the
page reads the plain attribute (``title``), which is the reader's language or the other
one where that is empty.
"""

from django.conf import settings

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def both_languages(*names):
    """The stored fields of ``names`` in every language, English first: ``title_en``, ``title_lo`` ..."""
    return [f"{name}_{code}" for name in names for code in LANGUAGE_CODES]
