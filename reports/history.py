"""What changed, when and by whom: the history of a row and of a whole report, with word-level diffs."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from idswg.rich_text import HISTORY_TYPES, Change, word_diff  # noqa: F401 (word_diff: old imports)

from .editing import CELL_FIELDS
from .models import HEADER_TEXT_FIELDS, MatrixRow, MatrixSection, NarrativeSection, PriorityArea, Report
from .sanitise import plain_text

REPORT_FIELDS = ("title", "year", "state", "layout", *HEADER_TEXT_FIELDS)


@dataclass
class LinkChange:
    """The priority areas a version linked to, against the version before: removed struck, added highlighted."""

    field: str
    label: str
    old: list
    new: list

    @property
    def diff(self):
        parts = []
        for name in sorted(set(self.old) | set(self.new)):
            if name not in self.new:
                parts.append(f"<del>{escape(name)}</del>")
            elif name not in self.old:
                parts.append(f"<ins>{escape(name)}</ins>")
            else:
                parts.append(escape(name))
        return mark_safe("; ".join(parts))  # noqa: S308 (every name is escaped above)


@dataclass
class Entry:
    """One saved version: the historical record, what kind of object, and the fields it changed."""

    record: object
    what: str
    changes: list = field(default_factory=list)
    kind: str = ""
    latest: bool = False
    links: list = field(default_factory=list)
    restorable: bool = False
    actions: list = field(default_factory=list)  # ``Action`` items, set by ``offer_actions``

    @property
    def action(self):
        return HISTORY_TYPES.get(self.record.history_type, self.record.history_type)


@dataclass(frozen=True)
class Action:
    """What an entry of a history page offers: a link to follow, or a form that posts to ``url``."""

    label: str
    url: str
    post: bool = True
    fields: tuple = ()  # (name, value) pairs sent as hidden inputs with the form


def _changes(model, record, previous, fields):
    if previous is None:
        return []
    delta = record.diff_against(previous, included_fields=list(fields))
    return [
        Change(c.field, model._meta.get_field(c.field).verbose_name, c.old, c.new)
        for c in sorted(delta.changes, key=lambda c: fields.index(c.field))
    ]


def _with_changes(model, records, fields, what=lambda r: "", links=None):
    """``records`` (newest first, of one object) as ``Entry`` items each diffed against the one before.

    ``links`` (rows only) maps a record's ``history_id`` to the names of the priority areas it linked to.
    """
    records = list(records)
    entries = []
    for i, record in enumerate(records):
        previous = records[i + 1] if i + 1 < len(records) else None
        entry = Entry(record, what(record), _changes(model, record, previous, fields), model._meta.model_name, i == 0)
        if links is not None:
            entry.links = links.get(record.history_id, [])
            # A deletion's entry is written after its links went: that is not a change of links.
            if previous is not None and record.history_type != "-":
                old = links.get(previous.history_id, [])
                if set(old) != set(entry.links):
                    entry.changes.append(LinkChange("priority_areas", _("priority areas"), old, entry.links))
        entries.append(entry)
    return entries


def _links_of(records):
    """The names of the priority areas each historical row of ``records`` linked to, by ``history_id`` (two queries)."""
    ids = {}
    links = MatrixRow.history.model.priority_areas.model.objects
    for history_id, area_id in links.filter(history_id__in=[r.history_id for r in records]).values_list(
        "history_id", "priorityarea_id"
    ):
        ids.setdefault(history_id, []).append(area_id)
    wanted = {area_id for area_ids in ids.values() for area_id in area_ids}
    names = {a.pk: f"{a.plan.name}: {a}" for a in PriorityArea.objects.filter(pk__in=wanted).select_related("plan")}
    gone = str(_("a priority area since deleted"))
    return {history_id: sorted(names.get(a, gone) for a in area_ids) for history_id, area_ids in ids.items()}


ROW_FIELDS = [*CELL_FIELDS, "position", "section"]


def row_history(row):
    """Every version of ``row``, newest first, with the cells and links each one changed."""
    records = list(row.history.select_related("history_user").order_by("-history_date", "-history_id"))
    return _with_changes(MatrixRow, records, ROW_FIELDS, links=_links_of(records))


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
    row_links = _links_of([r for (model, _pk), records in by_object.items() if model is MatrixRow for r in records])
    existing = {
        NarrativeSection: set(NarrativeSection.objects.filter(report=report).values_list("pk", flat=True)),
        MatrixSection: set(MatrixSection.objects.filter(report=report).values_list("pk", flat=True)),
    }
    for (model, pk), records in by_object.items():
        if model is MatrixRow:
            fields, links = ROW_FIELDS, row_links
        elif model is NarrativeSection:
            fields, links = ["title", "body", "plan", "position"], None
        else:
            fields, links = ["title", "position", "parent"], None
        object_entries = _with_changes(model, records, fields, what=lambda r, m=model: _describe(m, r), links=links)
        for entry in object_entries:
            # Narratives and section titles come back from here; rows from their own history page.
            entry.restorable = pk in existing.get(model, ()) and not entry.latest and entry.record.history_type != "-"
        entries += object_entries
    entries.sort(key=lambda e: (e.record.history_date, e.record.history_id), reverse=True)
    return entries[:limit]


def entry_actions(report, entry, editable):
    """What one entry of ``report``'s history (``report_history``) offers, as ``Action`` items.

    ``editable`` says whether the reader may change the report (``access.can_edit``): without
    it only links are offered. A row's latest entry leads to the row's own history (where its
    versions are restored), or, when the row was deleted, brings it back; an earlier version of a
    narrative, a section title or the header is restored from here.
    """
    record = entry.record
    deleted = record.history_type == "-"
    if entry.kind == "matrixrow":
        if not entry.latest:
            return []
        if not deleted:
            return [Action(_("Row history"), reverse("reports:row_history", args=[record.id]), post=False)]
        if editable:
            return [
                Action(_("Bring this row back"), reverse("reports:row_undelete", args=[report.pk, record.history_id]))
            ]
        return []
    if not editable:
        return []
    if entry.kind == "narrativesection" and entry.restorable:
        return [
            Action(_("Restore this version"), reverse("reports:narrative_restore", args=[record.id, record.history_id]))
        ]
    if entry.kind == "matrixsection" and entry.restorable:
        return [
            Action(_("Restore this title"), reverse("reports:section_restore", args=[record.id, record.history_id]))
        ]
    if entry.kind == "report" and not entry.latest:
        return [
            Action(_("Restore this header"), reverse("reports:report_restore", args=[report.pk, record.history_id]))
        ]
    return []


def offer_actions(report, entries, editable):
    """Set each entry's ``actions`` (``entry_actions``) and return ``entries``, for the history page."""
    for entry in entries:
        entry.actions = entry_actions(report, entry, editable)
    return entries


def row_actions(row, entries, editable):
    """Set the ``actions`` of each entry of ``row_history(row)`` and return ``entries``.

    Every version but the newest can be restored while the reader may change the report
    (``editable``); the form carries the row's version as shown, so a restore from a stale
    page is refused (``editing.StaleRow``).
    """
    for entry in entries:
        entry.actions = (
            [
                Action(
                    _("Restore this version"),
                    reverse("reports:row_restore", args=[row.pk, entry.record.history_id]),
                    fields=(("version", row.version),),
                )
            ]
            if editable and not entry.latest
            else []
        )
    return entries


def _describe(model, record):
    if model is MatrixRow:
        text = plain_text(record.outputs) or plain_text(record.progress)
        return _("Row “%(text)s”") % {"text": text[:60]}
    if model is NarrativeSection:
        return _("Narrative “%(title)s”") % {"title": record.title[:60]}
    return _("Section “%(title)s”") % {"title": record.title[:60]}
