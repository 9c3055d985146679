"""Template tags of the Mini-Dublin Group app: heading levels, recommendation labels, the partner's panel."""

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

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


_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPTS = re.compile(f"[{_SUPERSCRIPT_DIGITS}]+")


@register.filter(needs_autoescape=True)
def print_superscripts(value, autoescape=True):
    """Footnote marks (¹⁰, ¹⁵ ...) as ``<sup>10</sup>`` for print.

    The seed writes its footnote marks in Unicode superscript digits; the print fonts
    (the vendored Noto Sans subset) have only ¹ ² ³, so the others would print blank.
    ``value`` is stored sanitised HTML (kept as it is) or plain text (escaped first).
    """
    text = value if isinstance(value, SafeString) else (conditional_escape(value) if autoescape else value)
    digits = {c: str(i) for i, c in enumerate(_SUPERSCRIPT_DIGITS)}
    return mark_safe(_SUPERSCRIPTS.sub(lambda m: "<sup>" + "".join(digits[c] for c in m.group()) + "</sup>", str(text)))  # noqa: S308
