"""Which meeting fields exist in Lao and English (django-modeltranslation, see idswg/translation.py)."""

from modeltranslation.translator import TranslationOptions, register

from .models import AgendaItem, Meeting


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "venue", "participants", "purpose")


@register(AgendaItem)
class AgendaItemTranslation(TranslationOptions):
    fields = ("title", "points", "presenters_text")
