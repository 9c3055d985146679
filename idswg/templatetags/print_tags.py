"""Filters for printed documents: ordinals, times and names as the originals set them, QR codes.

The secretariat's Word originals print "November 8<sup>th</sup>" and "08:30 am – 12:30 pm",
never split an organisation's name across lines ("United / Nations") and never repeat a
short name that the name already says ("Embassy of Japan (Japan)"); these filters give the
PDFs the same typography without the templates building markup by hand.
"""

import datetime
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


def _local_clock(value):
    """The wall-clock time of ``value``: an aware datetime in Vientiane time, a naive one or a time as it is."""
    from django.utils.timezone import is_aware, localtime

    if isinstance(value, datetime.datetime):
        return (localtime(value) if is_aware(value) else value).time()
    return value


def twelve_hour(value):
    """ "08:30 am", "12:30 pm": a time as the secretariat's English documents write it."""
    clock = _local_clock(value)
    hour = clock.hour % 12 or 12
    return f"{hour:02d}:{clock.minute:02d}{NBSP}{'am' if clock.hour < 12 else 'pm'}"


@register.filter
def time_range(start, end):
    """A meeting's hours as the seed invitation prints them: "08:30 am – 12:30 pm" in English.

    Other languages read the 24-hour clock, "08:30 – 12:30". ``start`` and ``end`` are
    datetimes (shown in Vientiane time) or times; an empty one gives an empty string.
    """
    if not start or not end:
        return ""
    if _english():
        return f"{twelve_hour(start)} – {twelve_hour(end)}"
    return clock_range(start, end)


@register.filter
def clock_range(start, end):
    """An agenda slot as the seed agenda prints it, on the 24-hour clock in every language: "08:30 – 09:00"."""
    if not start or not end:
        return ""
    return f"{_local_clock(start):%H:%M} – {_local_clock(end):%H:%M}"


def short_name_adds(name, short_name):
    """Whether ``short_name`` tells a reader something ``name`` does not.

    An acronym such as "UNODC" or "AFP" does; "Japan" beside "Embassy of Japan" does not,
    being a word of the name already (compared without case).
    """
    short = (short_name or "").strip()
    if not short:
        return False
    return not re.search(rf"(?<!\w){re.escape(short)}(?!\w)", name or "", re.IGNORECASE)


@register.filter
def organisation_name(organisation):
    """An organisation as a list prints it: "Australian Federal Police (AFP)", but "Embassy of Japan" alone."""
    if organisation is None:
        return ""
    # In Lao, "(Japan)" beside the Lao name of the Embassy of Japan says nothing new either.
    english = getattr(organisation, "name_en", "") or organisation.name
    if short_name_adds(organisation.name, organisation.short_name) and short_name_adds(
        english, organisation.short_name
    ):
        return format_html('{} <span class="muted">({})</span>', organisation.name, organisation.short_name)
    return organisation.name


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
