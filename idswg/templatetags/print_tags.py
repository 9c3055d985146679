"""Filters for printed documents: English ordinals as the originals set them, names kept unbroken, QR codes.

The secretariat's Word originals print "November 8<sup>th</sup>" and never split an
organisation's name across lines ("United / Nations"); these filters give the PDFs the
same typography without the templates building markup by hand.
"""

import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

ORDINAL = re.compile(r"\b(\d{1,2})(st|nd|rd|th)\b")
NBSP = "\u00a0"


def _english():
    return (get_language() or "en").startswith("en")


@register.filter(is_safe=True)
def ordinals(text):
    """``text`` escaped, its English ordinals ("8th") with the suffix raised; other languages as they are."""
    escaped = conditional_escape(text)
    if not _english():
        return escaped
    return mark_safe(ORDINAL.sub(r"\1<sup>\2</sup>", escaped))  # noqa: S308 (escaped above; digits and letters added)


def english_suffix(day):
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


@register.filter(is_safe=True)
def long_date(value):
    """ "Friday, November 8<sup>th</sup>, 2024" in English (as the invitations read); "l, j F Y" otherwise."""
    from django.utils.dateformat import format as date_format
    from django.utils.timezone import is_aware, localtime

    if not value:
        return ""
    if is_aware(value):
        value = localtime(value)
    if not _english():
        return date_format(value, "l, j F Y")
    return format_html(
        "{}, {}&nbsp;{}<sup>{}</sup>, {}",
        date_format(value, "l"),
        date_format(value, "F"),
        value.day,
        english_suffix(value.day),
        value.year,
    )


def unbroken(text):
    """``text`` with non-breaking spaces: a name printed on one line."""
    return str(text).replace(" ", NBSP)


register.filter("unbroken", unbroken)


@register.filter(is_safe=True)
def nowrap(text):
    """``text`` (an address) kept on one line in print."""
    return format_html('<span class="nowrap">{}</span>', text)


@register.filter(is_safe=True)
def qr_svg(url):
    """An inline SVG QR code of ``url`` (segno), scaled by the stylesheet; printed beside the link."""
    import segno

    svg = segno.make(str(url), error="m").svg_inline(scale=1, border=2, omitsize=True)
    return mark_safe(svg)  # noqa: S308 (segno writes the markup; the URL is encoded as modules, not text)
