"""Template tags of the Mini-Dublin Group app: heading levels, recommendation labels, the partner's panel."""

from django import template

from .. import access
from ..outline import recommendation_label as label_of

register = template.Library()


@register.filter
def heading_level(depth, extra=0):
    """``h2`` for a top section, ``h3`` for its sub-sections ... never past ``h6``."""
    return min(2 + int(depth) + int(extra), 6)


@register.simple_tag
def recommendation_label(report, recommendation):
    return label_of(report, recommendation)


@register.simple_tag(takes_context=True)
def updates_to_write(context):
    """The signed-in partner's updates still asked of its organisation (home panel)."""
    return list(access.updates_to_write(context["request"].user))
