"""Names and titles held in Lao and English (django-modeltranslation, see idswg/translation.py).

An edit form offers each such field once per language (``title_en``, ``title_lo``); the
page reads the plain attribute (``title``), which is the reader's language or the other
one where that is empty.
"""

from django.conf import settings
from django.db.models import Q

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def both_languages(*names):
    """The stored fields of ``names`` in every language, English first: ``title_en``, ``title_lo`` ..."""
    return [f"{name}_{code}" for name in names for code in LANGUAGE_CODES]


def contains_in_any_language(path, query):
    """A ``Q`` matching ``query`` (case-insensitive) in the field at ``path`` in any language.

    For lookups through a model that has no translated fields of its own (``Invitation`` to its
    ``organisation__name``): modeltranslation does not rewrite those, and the plain column holds
    whichever language was active when the row was saved.
    """
    condition = Q()
    for field in both_languages(path):
        condition |= Q(**{f"{field}__icontains": query})
    return condition
