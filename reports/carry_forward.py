"""Starting next year's report from this year's: same header, sections and rows; chosen columns kept or cleared."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .editing import CELL_FIELDS, insert_row
from .models import HEADER_TEXT_FIELDS, MatrixRow, MatrixSection, NarrativeSection, Report

HEADER_FIELDS = ("kind", "layout", *HEADER_TEXT_FIELDS)


@transaction.atomic
def start_next_year(report, keep_columns, title=None):
    """A draft for ``report.year + 1`` copying ``report``; cells of columns not in ``keep_columns`` start empty.

    Narrative sections keep their titles and plan, not their text (each year writes its own).
    """
    year = report.year + 1
    if Report.objects.filter(kind=report.kind, year=year).exists():
        raise ValidationError(_("There is already a report for %(year)s.") % {"year": year})
    new = Report.objects.create(
        year=year,
        title=title or report.title.replace(str(report.year), str(year)),
        state=Report.State.DRAFT,
        **{name: getattr(report, name) for name in HEADER_FIELDS},
    )
    for narrative in report.narratives.all():
        NarrativeSection.objects.create(
            report=new,
            kind=narrative.kind,
            title=narrative.title.replace(str(year), str(year + 1)),
            plan=narrative.plan,
            position=narrative.position,
        )
    section_map = {}
    # Lettered sections first so subsections find their copied parent.
    sections = sorted(report.sections.all(), key=lambda s: (s.parent_id is not None, s.position, s.pk))
    for section in sections:
        section_map[section.pk] = MatrixSection.objects.create(
            report=new,
            parent=section_map.get(section.parent_id),
            title=section.title,
            position=section.position,
        )
    rows = MatrixRow.objects.filter(section__report=report).prefetch_related("priority_areas")
    for row in rows.order_by("position", "pk"):
        copy = MatrixRow(section=section_map[row.section_id], position=row.position)
        for name in CELL_FIELDS:
            setattr(copy, name, getattr(row, name) if name in keep_columns else "")
        insert_row(copy, list(row.priority_areas.all()))
    return new
