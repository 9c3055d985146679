"""Which plan fields exist in Lao and English (django-modeltranslation, see idswg/translation.py).

A plan's name is unique in each language; an empty Lao name is stored as NULL so that
any number of plans may lack one.
"""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Plan, PriorityArea


@register(Plan)
class PlanTranslation(TranslationOptions):
    fields = ("name",)
    empty_values = {"name": None}


@register(PriorityArea)
class PriorityAreaTranslation(TranslationOptions):
    fields = ("title",)


simple_history.register(Plan)
simple_history.register(PriorityArea)
