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
def report_state(report):
    """The report's state as every page shows it: in review, it reads as a draft (``reports.access``)."""
    from reports.access import state_label

    return state_label(report)


@register.filter
def lines(text):
    """The non-empty lines of a plain text field."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _row_renderer(context):
    """The page's row renderer (``reports.matrix_html``), made once per page."""
    from reports.matrix_html import RowRenderer

    renderer = context.render_context.get("matrix_row_renderer")
    if renderer is None:
        renderer = RowRenderer(
            context["request"],
            context["report"],
            context["table_columns"],
            context.get("editable", False),
            context.get("can_comment", False),
            csrf=context.get("csrf_token"),
        )
        context.render_context["matrix_row_renderer"] = renderer
    return renderer


@register.simple_tag(takes_context=True)
def matrix_row(context, row):
    """One matrix row (see ``reports.matrix_html``)."""
    return _row_renderer(context).render(row)


@register.simple_tag(takes_context=True)
def matrix_row_templates(context):
    """The ``<template>``s of a row's buttons and comment box, once per page (``RowRenderer.templates``)."""
    return _row_renderer(context).templates()


@register.simple_tag(takes_context=True)
def recent_reports(context, limit=4):
    """The latest reports the user may read (drafts only for the secretariat), for the home page."""
    from reports.access import visible_reports

    return list(visible_reports(context["request"].user).order_by("-year", "kind")[:limit])
