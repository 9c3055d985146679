"""The report laid out for display in a fixed number of queries (who may read it: ``reports.access``).

``report_for_display(report)`` is the one function pages, the ``.docx`` export and the
PDF briefing use to read a report: sections, rows and cells in display order.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from .layouts import columns, table_columns
from .models import MatrixRow, MatrixSection, NarrativeSection, PriorityArea, Report, RowComment


def letter(index):
    """A, B, ... Z, AA, AB ... for the 0-based ``index``."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(65 + rest) + text
    return text


@dataclass
class DisplaySection:
    """A section of the matrix as printed: its label (``A.`` or ``1.``), title, rows and subsections."""

    section: MatrixSection
    label: str
    rows: list = field(default_factory=list)
    subsections: list = field(default_factory=list)

    @property
    def pk(self):
        return self.section.pk

    @property
    def title(self):
        return self.section.title

    @property
    def is_lettered(self):
        return self.section.parent_id is None


@dataclass
class DisplayReport:
    """``report`` with its narratives, matrix sections (lettered, each with numbered subsections) and rows."""

    report: Report
    narratives: list
    sections: list
    columns: tuple
    table_columns: tuple
    row_count: int = 0

    def all_rows(self):
        """Every row in display order: a lettered section's own rows, then its subsections' rows."""
        for section in self.sections:
            yield from section.rows
            for sub in section.subsections:
                yield from sub.rows


def report_for_display(report, with_comments=False):
    """``report`` laid out for display in at most six queries, whatever its size.

    One each for the narratives (with their plan), the plans' priority areas (when a
    narrative names a plan), the sections, the rows, the rows' priority areas and, if
    asked, the rows' comments.

    Narratives come with their plan and its priority areas; rows with ``priority_areas``
    (and their plan) prefetched and, if asked, ``comment_list`` (with authors).
    """
    narratives = list(
        NarrativeSection.objects.filter(report=report)
        .select_related("plan")
        .prefetch_related(Prefetch("plan__priority_areas", queryset=PriorityArea.objects.order_by("number")))
    )
    sections = list(MatrixSection.objects.filter(report=report).order_by("position", "pk"))
    rows = MatrixRow.objects.filter(section__report=report).order_by("position", "pk")
    rows = rows.prefetch_related(
        Prefetch("priority_areas", queryset=PriorityArea.objects.select_related("plan").order_by("plan", "number"))
    )
    rows_by_section = {}
    row_list = list(rows)
    if with_comments:
        # Grouped by hand into ``row.comment_list``: a Prefetch would build a queryset per row.
        comments = {}
        for comment in RowComment.objects.filter(row__section__report=report).select_related("author", "resolved_by"):
            comments.setdefault(comment.row_id, []).append(comment)
        for row in row_list:
            row.comment_list = comments.get(row.pk, [])
    for row in row_list:
        rows_by_section.setdefault(row.section_id, []).append(row)

    top = [s for s in sections if s.parent_id is None]
    children = {}
    for s in sections:
        if s.parent_id is not None:
            children.setdefault(s.parent_id, []).append(s)
    display = []
    for i, section in enumerate(top):
        item = DisplaySection(section, f"{letter(i)}.", rows_by_section.get(section.pk, []))
        for n, sub in enumerate(children.get(section.pk, []), start=1):
            item.subsections.append(DisplaySection(sub, f"{n}.", rows_by_section.get(sub.pk, [])))
        display.append(item)
    return DisplayReport(
        report=report,
        narratives=narratives,
        sections=display,
        columns=columns(report.layout),
        table_columns=table_columns(report.layout),
        row_count=len(row_list),
    )
