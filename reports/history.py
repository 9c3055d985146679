"""What changed, when and by whom: the history of a row and of a whole report, with word-level diffs."""

import difflib
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .editing import CELL_FIELDS
from .models import MatrixRow, MatrixSection, NarrativeSection, Report
from .sanitise import plain_text

HISTORY_TYPES = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
REPORT_FIELDS = (
    "title",
    "year",
    "state",
    "layout",
    "swg_name",
    "chair_and_cochairs",
    "focal_points_government",
    "focal_points_partners",
    "technical_staff_government",
    "technical_staff_partners",
    "key_mandate",
)


def word_diff(old, new):
    """Safe HTML of the words of ``new`` with those removed from ``old`` in ``<del>`` and added in ``<ins>``."""
    a, b = plain_text(str(old or "")).split(), plain_text(str(new or "")).split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return mark_safe(" ".join(out))  # noqa: S308 (every word is escaped above)


@dataclass
class Change:
    field: str
    label: str
    old: object
    new: object

    @property
    def diff(self):
        return word_diff(self.old, self.new)


@dataclass
class Entry:
    """One saved version: the historical record, what kind of object, and the fields it changed."""

    record: object
    what: str
    changes: list = field(default_factory=list)
    kind: str = ""
    latest: bool = False

    @property
    def action(self):
        return HISTORY_TYPES.get(self.record.history_type, self.record.history_type)


def _changes(model, record, previous, fields):
    if previous is None:
        return []
    delta = record.diff_against(previous, included_fields=list(fields))
    return [
        Change(c.field, model._meta.get_field(c.field).verbose_name, c.old, c.new)
        for c in sorted(delta.changes, key=lambda c: fields.index(c.field))
    ]


def _with_changes(model, records, fields, what=lambda r: ""):
    """``records`` (newest first, of one object) as ``Entry`` items each diffed against the one before."""
    records = list(records)
    entries = []
    for i, record in enumerate(records):
        previous = records[i + 1] if i + 1 < len(records) else None
        entries.append(
            Entry(record, what(record), _changes(model, record, previous, fields), model._meta.model_name, i == 0)
        )
    return entries


def row_history(row):
    """Every version of ``row``, newest first, with the cells each one changed."""
    records = row.history.select_related("history_user").order_by("-history_date", "-history_id")
    return _with_changes(MatrixRow, records, list(CELL_FIELDS) + ["position", "section"])


def report_history(report, limit=300):
    """The changes to ``report``: its header, narratives, sections and rows (deleted ones too), newest first."""
    entries = _with_changes(
        Report,
        report.history.select_related("history_user").order_by("-history_date", "-history_id"),
        list(REPORT_FIELDS),
        what=lambda r: str(_("Report header")),
    )
    section_ids = set(MatrixSection.history.filter(report_id=report.pk).values_list("id", flat=True).distinct())
    by_object = {}
    for model, records in (
        (NarrativeSection, NarrativeSection.history.filter(report_id=report.pk)),
        (MatrixSection, MatrixSection.history.filter(report_id=report.pk)),
        (MatrixRow, MatrixRow.history.filter(section_id__in=section_ids)),
    ):
        for record in records.select_related("history_user").order_by("-history_date", "-history_id")[:limit]:
            by_object.setdefault((model, record.id), []).append(record)
    for (model, _pk), records in by_object.items():
        if model is MatrixRow:
            fields = list(CELL_FIELDS) + ["position", "section"]
        elif model is NarrativeSection:
            fields = ["title", "body", "plan", "position"]
        else:
            fields = ["title", "position", "parent"]
        entries += _with_changes(model, records, fields, what=lambda r, m=model: _describe(m, r))
    entries.sort(key=lambda e: (e.record.history_date, e.record.history_id), reverse=True)
    return entries[:limit]


def _describe(model, record):
    if model is MatrixRow:
        text = plain_text(record.outputs) or plain_text(record.progress)
        return f"{_('Row')} “{text[:60]}”"
    if model is NarrativeSection:
        return f"{_('Narrative')} “{record.title[:60]}”"
    return f"{_('Section')} “{record.title[:60]}”"
