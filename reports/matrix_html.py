"""The HTML of a matrix row, built in Python because a report's page shows hundreds of them.

The same function renders a row on the report page and as the fragment HTMX swaps in
after a save or a cancel, so there is one markup for a row. Rendered through Django's
template engine, each row cost about 2 ms (some fifty variables, twenty translations and
seven URL reversals); here labels are translated and URLs reversed once per page, and a
300-row matrix renders in a few tens of milliseconds.

Escaping is the default: markup is built with ``format_html``/``format_html_join``, which
escape every value they are given. The only values marked safe by hand are the rich
cells, stored sanitised (``reports.sanitise``) on every write.

A row carries no edit controls of its own: the secretariat's buttons and the comment box are
the same for every row but for its id, so they are sent once per page, in a ``<template>``
built for a placeholder id (``templates``), and ``static/reports/matrix.js`` stamps them into
each row as it loads, with that row's id (an integer), and runs them from one delegated click
handler. A row of a 300-row matrix thus weighs its text and some 200 bytes of markup, not
the 1.5 kB more its controls took.
"""

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from idswg.roles import is_secretariat

from .layouts import LAYOUT_2015, RICH_COLUMNS

_PK = 987654321  # placeholder id: reversed and rendered once, then replaced by each row's id
_ROW_URLS = ("row_edit", "row_move", "row_delete", "row_history", "comment_create", "comment_resolve")


def prefetched(row, name):
    """The prefetched objects of ``row.<name>`` as a list, without building a related manager per row."""
    cache = getattr(row, "_prefetched_objects_cache", {})
    return cache[name] if name in cache else list(getattr(row, name).all())


def _join(pieces):
    """Safe pieces (built by ``format_html``, literals of this module, or sanitised cells) as one safe string."""
    return SafeString("".join(pieces))


def _for_id(markup, pk):
    """``markup`` built for the placeholder id, for the row or comment ``pk`` (an integer: nothing to escape)."""
    return SafeString(markup.replace(str(_PK), str(int(pk))))


class RowRenderer:
    """Renders the rows of one report for one request."""

    def __init__(self, request, report, table_columns, editable, can_comment, csrf=None):
        """``csrf``: the token the forms carry, the request's own unless given (``reports.page_cache``)."""
        self.report = report
        self.columns = table_columns
        self.editable = editable
        self.can_comment = can_comment
        self.secretariat = is_secretariat(request.user)
        self.csrf = str(csrf) if csrf else get_token(request)
        self.urls = {name: reverse(f"reports:{name}", args=[_PK]) for name in _ROW_URLS}
        self.show_indicator = report.layout == LAYOUT_2015
        self.labels = {
            "indicator": gettext("Indicator:"),
            "row_actions": gettext("Row actions"),
            "drag": gettext("Drag to move"),
            "edit": gettext("Edit"),
            "up": gettext("Move up"),
            "down": gettext("Move down"),
            "history": gettext("History"),
            "delete": gettext("Delete"),
            "delete_confirm": gettext("Delete this row? The history keeps it."),
            "resolve": gettext("Mark as resolved"),
            "comment": gettext("Comment"),
            "comment_placeholder": gettext("Your comment on this row"),
        }
        self.actions = self._actions() if self.secretariat and self.editable else ""
        self.resolve_form = self._resolve_form() if self.secretariat and self.editable else ""
        self.comment_form = self._comment_form() if self.can_comment else ""
        # Built once per page: each cell's opening tag, the comment counts, the priority badges.
        self.cell_open = {
            c.name: format_html('<td class="cell cell-{} trix-content" data-label="{}">', c.name, c.label)
            for c in table_columns
        }  # data-label: the column's name above each cell when a phone stacks the row (reports.css)
        self.details_open = format_html('<details class="comments small"{}>', " open" if can_comment else "")
        self.counts = {}
        self.badges = {}
        self.rich = frozenset(RICH_COLUMNS)

    def render(self, row):
        """The ``<tr>`` of ``row`` as safe HTML."""
        cells = _join([self._cell(row, column, first=i == 0) for i, column in enumerate(self.columns)])
        # The actions cell: the comments; matrix.js adds the buttons and the comment box (``templates``).
        actions = _join(('<td class="row-actions">', self._comments(row), "</td>")) if self.editable else ""
        return format_html('<tr id="row-{}" class="matrix-row">{}{}</tr>', row.pk, cells, actions)

    def templates(self):
        """The page's ``<template>``s of a row's buttons and comment box, for the placeholder id.

        ``matrix.js`` copies them into every row, its id in place of the placeholder; without
        them (a reader, a final report) a row shows no controls.
        """
        pieces = []
        if self.actions:
            pieces.append(
                format_html('<template id="matrix-row-tools" data-placeholder="{}">{}</template>', _PK, self.actions)
            )
        if self.comment_form:
            pieces.append(
                format_html(
                    '<template id="matrix-row-comment" data-placeholder="{}">{}</template>', _PK, self.comment_form
                )
            )
        return _join(pieces)

    def _cell(self, row, column, first):
        value = getattr(row, column.name) or ""
        # A rich cell is stored sanitised (reports.sanitise on every write); a plain one is escaped.
        content = SafeString(value) if column.name in self.rich else conditional_escape(value)
        if not first:
            return _join((self.cell_open[column.name], content, "</td>"))
        indicator = ""
        if self.show_indicator:
            indicator = format_html(
                '<div class="indicator small text-body-secondary">{} {}</div>', self.labels["indicator"], row.indicator
            )
        badges = _join(self._badge(area) for area in prefetched(row, "priority_areas"))
        return _join((self.cell_open[column.name], content, indicator, badges, "</td>"))

    def _badge(self, area):
        """A priority area's badge, built once per page (many rows name the same areas)."""
        badge = self.badges.get(area.pk)
        if badge is None:
            badge = self.badges[area.pk] = format_html(
                '<span class="badge text-bg-light border priority-badge" title="{}: {}">{}–{} · {}. {}</span>',
                area.plan.name,
                area.title,
                area.plan.start_year,
                area.plan.end_year,
                area.number,
                area.title,  # whole: the badge wraps (reports.css); the title attribute repeats it on hover
            )
        return badge

    def _actions(self):
        """The secretariat's buttons of a row, for the placeholder id (see ``templates``).

        No ``hx-`` attributes: ``matrix.js`` runs a button from its ``data-row-get`` or
        ``data-row-post`` URL (the editor in place of the row; a move or a delete swapping the matrix).
        """
        label, url = self.labels, self.urls

        def move(direction):
            return format_html(
                '<button type="button" class="btn btn-outline-secondary" title="{}" data-row-post="{}" '
                'data-direction="{}"><i class="bi bi-arrow-{}" aria-hidden="true"></i>'
                '<span class="visually-hidden">{}</span></button>',
                label[direction],
                url["row_move"],
                direction,
                direction,
                label[direction],
            )

        return format_html(
            '<div class="btn-group btn-group-sm mb-1" role="group" aria-label="{}">'
            '<span class="btn btn-outline-secondary drag-handle" title="{}">'
            '<i class="bi bi-grip-vertical" aria-hidden="true"></i></span>'
            '<button type="button" class="btn btn-outline-primary" title="{}" id="edit-row-{}" data-row-get="{}">'
            '<i class="bi bi-pencil" aria-hidden="true"></i><span class="visually-hidden">{}</span>'
            "</button>{}{}"
            '<a class="btn btn-outline-secondary" title="{}" href="{}">'
            '<i class="bi bi-clock-history" aria-hidden="true"></i>'
            '<span class="visually-hidden">{}</span></a>'
            '<button type="button" class="btn btn-outline-danger" title="{}" data-row-post="{}" data-confirm="{}">'
            '<i class="bi bi-trash" aria-hidden="true"></i><span class="visually-hidden">{}</span>'
            "</button></div>",
            label["row_actions"],
            label["drag"],
            label["edit"],
            _PK,
            url["row_edit"],
            label["edit"],
            move("up"),
            move("down"),
            label["history"],
            url["row_history"],
            label["history"],
            label["delete"],
            url["row_delete"],
            label["delete_confirm"],
            label["delete"],
        )

    def _resolve_form(self):
        """The secretariat's "resolved" button of a comment, for the placeholder id."""
        return format_html(
            '<form method="post" action="{}">'
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<button class="btn btn-link btn-sm p-0" type="submit">{}</button></form>',
            self.urls["comment_resolve"],
            self.csrf,
            self.labels["resolve"],
        )

    def _comment_form(self):
        """The comment box of a row in review, for the placeholder id (see ``templates``)."""
        label = self.labels
        return format_html(
            '<form method="post" action="{}" class="mt-1">'
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<label class="visually-hidden" for="comment-{}">{}</label>'
            '<textarea id="comment-{}" name="body" rows="2" class="form-control form-control-sm" '
            'maxlength="4000" required placeholder="{}"></textarea>'
            '<button class="btn btn-sm btn-outline-primary mt-1" type="submit">{}</button></form>',
            self.urls["comment_create"],
            self.csrf,
            _PK,
            label["comment"],
            _PK,
            label["comment_placeholder"],
            label["comment"],
        )

    def _comments(self, row):
        comments = getattr(row, "comment_list", None)
        if comments is None:
            comments = prefetched(row, "comments")
        if not comments and not self.can_comment:
            return ""
        count = self.counts.get(len(comments))
        if count is None:
            text = ngettext("%d comment", "%d comments", len(comments)) % len(comments)
            count = self.counts[len(comments)] = format_html("<summary>{}</summary>", text)
        shown = _join(self._comment(comment) for comment in comments)
        return _join((self.details_open, count, shown, "</details>"))  # matrix.js adds the comment box

    def _comment(self, comment):
        if comment.resolved_at:
            status = format_html(
                '<div class="text-success">{}</div>', gettext("Resolved by %(who)s") % {"who": comment.resolved_by}
            )
        else:
            status = _for_id(self.resolve_form, comment.pk)
        return format_html(
            '<div class="comment{}"><strong>{}</strong> · {}<div>{}</div>{}</div>',
            " resolved" if comment.resolved_at else "",
            str(comment.author),
            format_date(timezone.localtime(comment.created_at), "Y-m-d H:i"),
            format_html_join(mark_safe("<br>"), "{}", ((line,) for line in comment.body.splitlines())),
            status,
        )
