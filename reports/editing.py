"""Changing the matrix: saving a row without losing anyone's work, adding, moving and deleting rows and sections.

A row save is one conditional ``UPDATE ... WHERE version = n`` (and the report not
final); when it touches nothing, someone saved in between and the caller gets a
``StaleRow`` carrying the stored row, so both versions can be shown and merged by
hand. Nothing is read first and written after, so two saves can never both win.
"""

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from . import page_cache
from .access import ensure_editable
from .layouts import RICH_COLUMNS
from .models import HEADER_TEXT_FIELDS, MatrixRow, MatrixSection, NarrativeSection, Plan, PriorityArea, Report
from .sanitise import clean_html

CELL_FIELDS = (*RICH_COLUMNS, "indicator")


class StaleRow(Exception):
    """The row changed since the editor opened it: ``current`` is the stored row, ``mine`` what was sent."""

    def __init__(self, current, mine):
        super().__init__(_("Someone else saved this row after you opened it."))
        self.current = current
        self.mine = mine


def clean_cells(cells):
    """The cell values of ``cells`` (a dict) as they will be stored: rich text sanitised, the indicator trimmed."""
    cleaned = {}
    for name in CELL_FIELDS:
        if name in cells:
            value = cells[name] or ""
            cleaned[name] = clean_html(value) if name in RICH_COLUMNS else " ".join(str(value).split())[:300]
    return cleaned


def _record_history(row, user, reason="", created=False):
    """One history entry for ``row`` as stored now, its priority-area links included."""
    record = MatrixRow.history.model(
        history_date=timezone.now(),
        # Without a user named, the one of the request (simple_history's middleware), as a plain save would.
        history_user=user or MatrixRow.history.model.get_default_history_user(row),
        history_change_reason=reason or None,
        history_type="+" if created else "~",
        **{f.attname: getattr(row, f.attname) for f in MatrixRow.history.model.tracked_fields},
    )
    record.save()
    links = MatrixRow.history.model.priority_areas.model
    through = MatrixRow.priority_areas.through.objects.filter(matrixrow_id=row.pk)
    links.objects.bulk_create(
        links(history=record, id=link_id, matrixrow_id=row.pk, priorityarea_id=area_id)
        for link_id, area_id in through.values_list("id", "priorityarea_id")
    )
    return record


def _set_links(row, priority_areas):
    """Link ``row`` to ``priority_areas`` without the per-change history entry: the caller records one entry."""
    row.skip_history_when_saving = True
    try:
        row.priority_areas.set(priority_areas)
    finally:
        del row.skip_history_when_saving


def insert_row(row, priority_areas=(), user=None, reason=""):
    """Save the new ``row`` with its links as one history entry (a copied or loaded row), not one per step."""
    row.skip_history_when_saving = True
    try:
        row.save(force_insert=True)
    finally:
        del row.skip_history_when_saving
    if priority_areas:
        _set_links(row, priority_areas)
    _record_history(row, user, reason, created=True)
    return row


def record_links(record):
    """The ids of the priority areas (that still exist) a historical row ``record`` was linked to."""
    links = MatrixRow.history.model.priority_areas.model.objects.filter(history_id=record.history_id)
    ids = links.values_list("priorityarea_id", flat=True)
    return list(PriorityArea.objects.filter(pk__in=list(ids)).values_list("pk", flat=True))


@transaction.atomic
def save_row(row_id, expected_version, cells, user, priority_areas=None, reason=""):
    """Store ``cells`` on row ``row_id`` if it is still at ``expected_version``; return the saved row.

    Raises ``StaleRow`` if another save came first, ``ReportReadOnly`` if the report is final.
    The report row is locked first (as ``review.move_to`` does), so no save slips past a move
    to final; the version test sits in the UPDATE's own WHERE clause, which PostgreSQL re-checks
    after waiting for a concurrent save (a subquery would be judged on the old snapshot).
    """
    cleaned = clean_cells(cells)
    report_id = MatrixRow.objects.filter(pk=row_id).values_list("section__report_id", flat=True).get()
    ensure_editable(Report.objects.select_for_update().get(pk=report_id))
    updated = MatrixRow.objects.filter(pk=row_id, version=expected_version).update(
        version=F("version") + 1, updated_at=timezone.now(), **cleaned
    )
    row = MatrixRow.objects.select_related("section__report").get(pk=row_id)
    if not updated:
        mine = MatrixRow(pk=row.pk, section=row.section, version=expected_version, **cleaned)
        raise StaleRow(current=row, mine=mine)
    page_cache.touch(pk=report_id)  # the UPDATE above sends no signal
    if priority_areas is not None:
        _set_links(row, priority_areas)
    _record_history(row, user, reason)
    return row


def restore_row(row_id, record, expected_version, user):
    """Put the cells and priority-area links of an earlier ``record`` (a historical row) back, as a new version."""
    cells = {name: getattr(record, name) for name in CELL_FIELDS}
    return save_row(
        row_id,
        expected_version,
        cells,
        user,
        priority_areas=record_links(record),
        reason=_restored_reason(record),
    )


@transaction.atomic
def undelete_row(report, record, user):
    """Bring back a deleted row from its last ``record`` (a historical row), in its section if that still exists."""
    ensure_editable(report)
    if record.history_type != "-" or MatrixRow.objects.filter(pk=record.id).exists():
        raise ValueError("only a deleted row can be brought back")
    section = MatrixSection.objects.filter(pk=record.section_id, report=report).first()
    if section is None:
        raise MatrixSection.DoesNotExist(_("The row's section was deleted too; bring the section back first."))
    row = MatrixRow(pk=record.id, section=section, position=record.position, version=record.version + 1)
    for name in CELL_FIELDS:
        setattr(row, name, getattr(record, name))
    # The deletion's own entry is written after the links went, so the links are those of the version before it.
    before = MatrixRow.history.filter(id=record.id, history_date__lte=record.history_date).exclude(history_type="-")
    before = before.order_by("-history_date", "-history_id").first()
    return insert_row(row, record_links(before) if before else (), user, _("Brought back after deletion"))


# What a restore of the header brings back: not the state, which follows the review, nor the year.
RESTORED_HEADER_FIELDS = ("title", "layout", *HEADER_TEXT_FIELDS)


@transaction.atomic
def restore_header(report_id, record, user):
    """Put the header of an earlier ``record`` (a historical report) back, as a new entry."""
    report = Report.objects.select_for_update().get(pk=report_id)
    ensure_editable(report)
    for name in RESTORED_HEADER_FIELDS:
        setattr(report, name, getattr(record, name))
    report._history_user = user
    report._change_reason = _("Restored an earlier version")
    report.save()
    return report


@transaction.atomic
def restore_narrative(narrative_id, record, user):
    """Put the title, text and plan of an earlier ``record`` (a historical narrative) back, as a new entry."""
    narrative = NarrativeSection.objects.select_related("report").get(pk=narrative_id)
    ensure_editable(Report.objects.select_for_update().get(pk=narrative.report_id))
    narrative = NarrativeSection.objects.get(pk=narrative_id)
    narrative.title, narrative.body = record.title, record.body
    narrative.plan_id = record.plan_id if Plan.objects.filter(pk=record.plan_id).exists() else None
    narrative._history_user = user
    narrative._change_reason = _restored_reason(record)
    narrative.save()
    return narrative


@transaction.atomic
def restore_section_title(section_id, record, user):
    """Put the title of an earlier ``record`` (a historical matrix section) back, as a new entry."""
    section = MatrixSection.objects.get(pk=section_id)
    ensure_editable(Report.objects.select_for_update().get(pk=section.report_id))
    section = MatrixSection.objects.get(pk=section_id)
    section.title = record.title
    section._history_user = user
    section._change_reason = _restored_reason(record)
    section.save()
    return section


def _restored_reason(record):
    return _("Restored the version of %(date)s") % {
        "date": timezone.localtime(record.history_date).strftime("%Y-%m-%d %H:%M")
    }


def _next_position(queryset):
    return (queryset.aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def add_section(report, title, parent=None):
    """A new lettered section at the end of the matrix, or a numbered one at the end of ``parent``."""
    ensure_editable(report)
    if parent is not None and (parent.report_id != report.pk or parent.parent_id is not None):
        raise ValueError("a numbered subsection belongs to a lettered section of the same report")
    siblings = MatrixSection.objects.filter(report=report, parent=parent)
    return MatrixSection.objects.create(report=report, parent=parent, title=title, position=_next_position(siblings))


@transaction.atomic
def rename_section(section, title):
    ensure_editable(section.report)
    section.title = title
    section.save()
    return section


@transaction.atomic
def add_row(section, cells=None):
    """A new row at the end of ``section``."""
    ensure_editable(section.report)
    row = MatrixRow(section=section, position=_next_position(section.rows.all()), **clean_cells(cells or {}))
    row.save()
    return row


def _swap(item, siblings, direction):
    """Swap ``item`` with its neighbour above (``up``) or below (``down``) among ``siblings``."""
    ordered = list(siblings.order_by("position", "pk"))
    index = next(i for i, s in enumerate(ordered) if s.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(ordered):
        return False
    ordered[index], ordered[other] = ordered[other], ordered[index]
    _renumber(ordered)
    return True


def _renumber(ordered):
    for position, obj in enumerate(ordered, start=1):
        if obj.position != position:
            obj.position = position
            # Positions are layout, not content: no row version change, but history records who moved it.
            obj.save(update_fields=["position"])


@transaction.atomic
def move_row(row, direction):
    ensure_editable(row.section.report)
    return _swap(row, MatrixRow.objects.select_for_update().filter(section=row.section_id), direction)


@transaction.atomic
def move_section(section, direction):
    ensure_editable(section.report)
    siblings = MatrixSection.objects.select_for_update().filter(report=section.report_id, parent=section.parent_id)
    return _swap(section, siblings, direction)


@transaction.atomic
def move_narrative(narrative, direction):
    ensure_editable(narrative.report)
    siblings = NarrativeSection.objects.select_for_update().filter(report=narrative.report_id)
    return _swap(narrative, siblings, direction)


@transaction.atomic
def reorder_rows(section, row_ids):
    """Put the rows of ``section`` in the order of ``row_ids`` (a drag and drop); rows from elsewhere move here."""
    ensure_editable(section.report)
    rows = {
        r.pk: r for r in MatrixRow.objects.select_for_update().filter(pk__in=row_ids, section__report=section.report_id)
    }
    ordered = [rows[pk] for pk in row_ids if pk in rows]
    for row in ordered:
        if row.section_id != section.pk:
            row.section = section
            row.save(update_fields=["section"])
    rest = [r for r in section.rows.order_by("position", "pk") if r.pk not in rows]
    _renumber(ordered + rest)


@transaction.atomic
def delete_row(row):
    ensure_editable(row.section.report)
    row.delete()


@transaction.atomic
def delete_section(section):
    """Delete ``section`` with its subsections and rows (each deletion kept in the history)."""
    ensure_editable(section.report)
    for row in MatrixRow.objects.filter(section__in=[section, *section.subsections.all()]):
        row.delete()
    for sub in section.subsections.all():
        sub.delete()
    section.delete()
