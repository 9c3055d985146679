"""Template tags of the seizures app: the home-page panel's data."""

from django import template

from ..tables import overview

register = template.Library()


@register.simple_tag
def seizure_overview():
    return overview()
