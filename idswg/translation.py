"""Which directory fields exist in Lao and English (django-modeltranslation).

``name`` stays the attribute everyone reads: it gives the reader's language and falls
back to the other one (``MODELTRANSLATION_FALLBACK_LANGUAGES``); ``name_en`` and
``name_lo`` are the stored values. The history of these models is registered here, after
the translation fields exist, so that each historical row keeps both languages
(django-simple-history builds its model from the fields present when it registers).
"""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Organisation, Person


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "short_name")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("honorific", "name", "position")


simple_history.register(Organisation)
simple_history.register(Person)
