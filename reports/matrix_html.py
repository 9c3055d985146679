"""The HTML of a matrix row, built in Python because a report's page shows hundreds of them.

The same function renders a row on the report page and as the fragment HTMX swaps in
after a save or a cancel, so there is one markup for a row. Rendered through Django's
template engine, each row cost about 2 ms (some fifty variables, twenty translations and
seven URL reversals); here labels are translated and URLs reversed once per page, and a
300-row matrix renders in a few tens of milliseconds. Every value is escaped by
``html.escape`` except the cells, which are stored sanitised (``reports.sanitise``).
"""

from html import escape

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from idswg.roles import is_secretariat

from .layouts import LAYOUT_2015, RICH_COLUMNS

_PK = 987654321  # placeholder reversed once, then replaced by each row's id
_ROW_URLS = ("row_edit", "row_move", "row_delete", "row_history", "comment_create", "comment_resolve")


def prefetched(row, name):
    """The prefetched objects of ``row.<name>`` as a list, without building a related manager per row."""
    cache = getattr(row, "_prefetched_objects_cache", {})
    return cache[name] if name in cache else list(getattr(row, name).all())


class RowRenderer:
    """Renders the rows of one report for one request."""

    def __init__(self, request, report, table_columns, editable, can_comment):
        self.report = report
        self.columns = table_columns
        self.editable = editable
        self.can_comment = can_comment
        self.secretariat = is_secretariat(request.user)
        self.csrf = escape(get_token(request))
        self.urls = {name: reverse(f"reports:{name}", args=[_PK]) for name in _ROW_URLS}
        self.show_indicator = report.layout == LAYOUT_2015
        labels = {
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
        self.labels = {key: escape(value) for key, value in labels.items()}

    def url(self, name, pk):
        return escape(self.urls[name].replace(str(_PK), str(pk)))

    def render(self, row):
        """The ``<tr>`` of ``row`` as safe HTML."""
        cells = "".join(self._cell(row, column, first=i == 0) for i, column in enumerate(self.columns))
        actions = f'<td class="row-actions">{self._actions(row)}{self._comments(row)}</td>' if self.editable else ""
        html = f'<tr id="row-{row.pk}" class="matrix-row" data-row="{row.pk}" data-version="{row.version}">'
        return mark_safe(f"{html}{cells}{actions}</tr>")  # noqa: S308 (every value escaped, cells sanitised)

    def _cell(self, row, column, first):
        value = getattr(row, column.name) or ""
        # Rich cells are stored sanitised (reports.sanitise); a plain one is escaped like any value.
        content = value if column.name in RICH_COLUMNS else escape(value)
        extra = []
        if first:
            if self.show_indicator:
                extra.append(
                    f'<div class="indicator small text-body-secondary">{self.labels["indicator"]} '
                    f"{escape(row.indicator)}</div>"
                )
            for area in prefetched(row, "priority_areas"):
                plan = area.plan
                short = area.title if len(area.title) <= 40 else area.title[:39] + "…"
                extra.append(
                    f'<span class="badge text-bg-light border priority-badge" '
                    f'title="{escape(plan.name)}: {escape(area.title)}">'
                    f"{plan.start_year}–{plan.end_year} · {area.number}. {escape(short)}</span>"
                )
        return f'<td class="cell cell-{column.name} trix-content">{content}{"".join(extra)}</td>'

    def _actions(self, row):
        if not (self.secretariat and self.editable):
            return ""
        label, pk = self.labels, row.pk
        move_url = self.url("row_move", pk)

        def move(direction):
            title = label[direction]
            return (
                f'<button type="button" class="btn btn-outline-secondary" title="{title}" hx-post="{move_url}" '
                f'hx-vals=\'{{"direction": "{direction}"}}\' hx-target="#matrix">'
                f'<i class="bi bi-arrow-{direction}" aria-hidden="true"></i>'
                f'<span class="visually-hidden">{title}</span></button>'
            )

        return (
            f'<div class="btn-group btn-group-sm mb-1" role="group" aria-label="{label["row_actions"]}">'
            f'<span class="btn btn-outline-secondary drag-handle" title="{label["drag"]}">'
            '<i class="bi bi-grip-vertical" aria-hidden="true"></i></span>'
            f'<button type="button" class="btn btn-outline-primary" title="{label["edit"]}" '
            f'hx-get="{self.url("row_edit", pk)}" hx-target="#row-{pk}" hx-swap="outerHTML">'
            f'<i class="bi bi-pencil" aria-hidden="true"></i><span class="visually-hidden">{label["edit"]}</span>'
            f"</button>{move('up')}{move('down')}"
            f'<a class="btn btn-outline-secondary" title="{label["history"]}" href="{self.url("row_history", pk)}">'
            '<i class="bi bi-clock-history" aria-hidden="true"></i>'
            f'<span class="visually-hidden">{label["history"]}</span></a>'
            f'<button type="button" class="btn btn-outline-danger" title="{label["delete"]}" '
            f'hx-post="{self.url("row_delete", pk)}" hx-confirm="{label["delete_confirm"]}" hx-target="#matrix">'
            f'<i class="bi bi-trash" aria-hidden="true"></i><span class="visually-hidden">{label["delete"]}</span>'
            "</button></div>"
        )

    def _comments(self, row):
        comments = getattr(row, "comment_list", None)
        if comments is None:
            comments = prefetched(row, "comments")
        if not comments and not self.can_comment:
            return ""
        count = ngettext("%d comment", "%d comments", len(comments)) % len(comments)
        parts = [f"<summary>{escape(count)}</summary>"]
        for comment in comments:
            if comment.resolved_at:
                who = gettext("Resolved by %(who)s") % {"who": comment.resolved_by}
                status = f'<div class="text-success">{escape(who)}</div>'
            elif self.secretariat and self.editable:
                status = (
                    f'<form method="post" action="{self.url("comment_resolve", comment.pk)}">'
                    f'<input type="hidden" name="csrfmiddlewaretoken" value="{self.csrf}">'
                    f'<button class="btn btn-link btn-sm p-0" type="submit">{self.labels["resolve"]}</button></form>'
                )
            else:
                status = ""
            written = format_date(timezone.localtime(comment.created_at), "Y-m-d H:i")
            body = "<br>".join(escape(line) for line in comment.body.splitlines())
            parts.append(
                f'<div class="comment{" resolved" if comment.resolved_at else ""}">'
                f"<strong>{escape(str(comment.author))}</strong> · {written}<div>{body}</div>{status}</div>"
            )
        if self.can_comment:
            label = self.labels
            parts.append(
                f'<form method="post" action="{self.url("comment_create", row.pk)}" class="mt-1">'
                f'<input type="hidden" name="csrfmiddlewaretoken" value="{self.csrf}">'
                f'<label class="visually-hidden" for="comment-{row.pk}">{label["comment"]}</label>'
                f'<textarea id="comment-{row.pk}" name="body" rows="2" class="form-control form-control-sm" '
                f'maxlength="4000" required placeholder="{label["comment_placeholder"]}"></textarea>'
                f'<button class="btn btn-sm btn-outline-primary mt-1" type="submit">{label["comment"]}</button></form>'
            )
        opened = " open" if self.can_comment else ""
        return f'<details class="comments small"{opened}>{"".join(parts)}</details>'
