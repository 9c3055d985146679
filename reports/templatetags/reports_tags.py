"""Template helpers of the reports app."""

from django import template
from django.utils.safestring import mark_safe

from reports.layouts import RICH_COLUMNS

register = template.Library()


@register.filter
def cell(row, name):
    """The cell ``name`` of ``row``. Rich cells are stored sanitised (``reports.sanitise``), so shown as HTML."""
    value = getattr(row, name, "")
    if name in RICH_COLUMNS:
        return mark_safe(value)  # noqa: S308 (sanitised by clean_html on every write)
    return value


@register.filter
def lines(text):
    """The non-empty lines of a plain text field."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
