"""What changed in a country report, when and by whom, with word-level diffs (``idswg.rich_text.word_diff``)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from idswg.rich_text import HISTORY_TYPES, Change
from idswg.sanitise import plain_text

from .models import CountryReport, FollowUp, PartnerUpdate, Recommendation, Section

# What each kind of object shows in the history, and which of its fields come back on a restore.
TRACKED = {
    CountryReport: ("heading", "state", "recommendation_style"),
    Section: ("number", "title", "body", "footnotes", "position"),
    PartnerUpdate: ("heading", "body", "footnotes", "state", "deadline"),
    Recommendation: ("number", "text"),
    FollowUp: ("status", "comment"),
}
RESTORABLE = (Section, PartnerUpdate, Recommendation, FollowUp)
KIND_KEYS = {Section: "section", PartnerUpdate: "update", Recommendation: "recommendation", FollowUp: "follow_up"}


@dataclass
class Entry:
    record: object
    what: str
    kind: str
    changes: list = field(default_factory=list)
    restorable: bool = False

    @property
    def action(self):
        return HISTORY_TYPES.get(self.record.history_type, self.record.history_type)


def _describe(model, record):
    if model is CountryReport:
        return str(_("Report"))
    if model is Section:
        return (_("Section %(number)s %(title)s") % {"number": record.number, "title": record.title[:60]}).strip()
    if model is PartnerUpdate:
        return _("Update “%(heading)s”") % {"heading": record.heading[:60]}
    if model is Recommendation:
        return _("Recommendation %(number)s") % {"number": record.number}
    return _("Follow-up “%(comment)s”") % {"comment": plain_text(record.comment)[:40]}


def report_history(report, limit=300):
    """Every change to ``report`` and its parts, newest first, each diffed against the version before."""
    querysets = {
        CountryReport: report.history.all(),
        Section: Section.history.filter(report_id=report.pk),
        PartnerUpdate: PartnerUpdate.history.filter(report_id=report.pk),
        Recommendation: Recommendation.history.filter(report_id=report.pk),
        FollowUp: FollowUp.history.filter(report_id=report.pk),
    }
    final = report.is_final  # a final report's history is read only: nothing is offered to restore
    existing = {model: set(model.objects.filter(report=report).values_list("pk", flat=True)) for model in RESTORABLE}
    entries = []
    for model, records in querysets.items():
        by_object = {}
        for record in records.select_related("history_user").order_by("-history_date", "-history_id")[:limit]:
            by_object.setdefault(record.id, []).append(record)
        fields = list(TRACKED[model])
        for pk, versions in by_object.items():
            for i, record in enumerate(versions):
                previous = versions[i + 1] if i + 1 < len(versions) else None
                changes = []
                if previous is not None:
                    delta = record.diff_against(previous, included_fields=fields)
                    changes = [
                        Change(c.field, model._meta.get_field(c.field).verbose_name, c.old, c.new)
                        for c in sorted(delta.changes, key=lambda c: fields.index(c.field))
                    ]
                entry = Entry(record, _describe(model, record), KIND_KEYS.get(model, "report"), changes)
                entry.restorable = (
                    not final and model in RESTORABLE and pk in existing[model] and i > 0 and record.history_type != "-"
                )
                entries.append(entry)
    entries.sort(key=lambda e: (e.record.history_date, e.record.history_id), reverse=True)
    return entries[:limit]
