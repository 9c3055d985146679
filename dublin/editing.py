"""Changing a country report without losing anyone's work: versioned saves, restores, the outline.

A save is one ``UPDATE ... WHERE version = n`` after locking the report row (so no save
slips past a move to final). When it touches nothing, someone saved in between and the
caller gets ``Stale`` with the stored object, so both versions can be shown. Each save
writes one history entry naming who saved it (simple-history, ``bulk_history_create``).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from idswg.sanitise import clean_html

from .models import CountryReport, EmbeddedTable, FollowUp, PartnerUpdate, Recommendation, Section

SECTION_FIELDS = ("number", "title", "body", "footnotes")
RICH_FIELDS = {"body", "text"}


class ReportReadOnly(PermissionDenied):
    """Raised by every change to a final country report."""


class Stale(Exception):
    """The object changed since the editor opened it: ``current`` is what is stored now."""

    def __init__(self, current):
        super().__init__(_("Someone else saved this after you opened it."))
        self.current = current


def ensure_editable(report):
    if report.state == CountryReport.State.FINAL:
        raise ReportReadOnly(_("This report is final and can no longer be changed."))


def lock_report(report_id):
    report = CountryReport.objects.select_for_update().get(pk=report_id)
    ensure_editable(report)
    return report


def _clean(values):
    cleaned = {}
    for name, value in values.items():
        value = value or ""
        cleaned[name] = clean_html(value) if name in RICH_FIELDS else str(value).strip()
    return cleaned


def _versioned_save(model, pk, expected_version, values, user, reason="", extra=None):
    """Store ``values`` on ``model`` ``pk`` if still at ``expected_version``; one history entry; the saved object."""
    obj = model.objects.get(pk=pk)
    lock_report(obj.report_id)
    updated = model.objects.filter(pk=pk, version=expected_version).update(
        version=F("version") + 1, **_clean(values), **(extra or {})
    )
    obj = model.objects.get(pk=pk)
    if not updated:
        raise Stale(obj)
    model.history.bulk_history_create([obj], update=True, default_user=user, default_change_reason=reason)
    return obj


@transaction.atomic
def save_section(pk, expected_version, values, user, reason=""):
    values = {name: values[name] for name in SECTION_FIELDS if name in values}
    return _versioned_save(Section, pk, expected_version, values, user, reason)


@transaction.atomic
def save_update_text(pk, expected_version, values, user, reason=""):
    """The update's text (and heading, footnotes); a partner's first save makes it a draft. Attributed to ``user``."""
    values = {name: values[name] for name in ("heading", "body", "footnotes") if name in values}
    extra = {"updated_at": timezone.now(), "updated_by": user}
    update = PartnerUpdate.objects.get(pk=pk)
    if update.state == PartnerUpdate.State.ASKED:
        extra["state"] = PartnerUpdate.State.DRAFT
    return _versioned_save(PartnerUpdate, pk, expected_version, values, user, reason, extra)


@transaction.atomic
def save_recommendation(pk, expected_version, text, user):
    return _versioned_save(Recommendation, pk, expected_version, {"text": text}, user)


@transaction.atomic
def save_follow_up(pk, expected_version, status, comment, user):
    if status not in FollowUp.Status.values:
        raise ValueError(_("Choose a status from the list."))
    return _versioned_save(FollowUp, pk, expected_version, {"comment": comment}, user, extra={"status": status})


def restored_reason(record):
    return _("Restored the version of %(date)s") % {
        "date": timezone.localtime(record.history_date).strftime("%Y-%m-%d %H:%M")
    }


def restore(model, pk, record, expected_version, user):
    """Put the fields of an earlier ``record`` (a historical row of ``pk``) back, as a new version."""
    fields = {
        Section: SECTION_FIELDS,
        PartnerUpdate: ("heading", "body", "footnotes"),
        Recommendation: ("text",),
        FollowUp: ("comment",),
    }[model]
    values = {name: getattr(record, name) for name in fields}
    extra = None
    if model is FollowUp:
        extra = {"status": record.status}
    elif model is PartnerUpdate:  # a restore is a change like any other: attributed to who restored
        extra = {"updated_at": timezone.now(), "updated_by": user}
    with transaction.atomic():
        return _versioned_save(model, pk, expected_version, values, user, restored_reason(record), extra)


def _next_position(queryset):
    return (queryset.aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def add_section(report, title, number="", parent=None, kind=Section.Kind.TEXT, user=None):
    """A new section at the end of the report, or of ``parent``'s sub-sections."""
    lock_report(report.pk)
    if parent is not None and parent.report_id != report.pk:
        raise ValueError("a sub-section belongs to a section of the same report")
    siblings = Section.objects.filter(report=report, parent=parent)
    section = Section(
        report=report, parent=parent, title=title, number=number, kind=kind, position=_next_position(siblings)
    )
    section._history_user = user
    section.save()
    return section


@transaction.atomic
def move_section(section, direction):
    """Swap ``section`` with its neighbour above (``up``) or below among its siblings."""
    lock_report(section.report_id)
    ordered = list(
        Section.objects.filter(report=section.report_id, parent=section.parent_id).order_by("position", "pk")
    )
    index = next(i for i, s in enumerate(ordered) if s.pk == section.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(ordered):
        return False
    ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, item in enumerate(ordered, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])
    return True


@transaction.atomic
def delete_section(section, user=None):
    """Delete ``section`` with its sub-sections; refused while it holds partner updates (they are someone's work)."""
    lock_report(section.report_id)
    ids = _descendants(section)
    if PartnerUpdate.objects.filter(section_id__in=ids).exists():
        raise ValueError(_("This section holds partner updates; move or delete them first."))
    for item in Section.objects.filter(pk__in=ids).order_by("-pk"):
        item._history_user = user
        item.delete()


def _descendants(section):
    ids, frontier = [section.pk], [section.pk]
    while frontier:
        frontier = list(Section.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        ids += frontier
    return ids


@transaction.atomic
def add_recommendation(report, text, user=None):
    lock_report(report.pk)
    number = (report.recommendations.aggregate(m=Max("number"))["m"] or 0) + 1
    recommendation = Recommendation(report=report, number=number, text=text)
    recommendation._history_user = user
    recommendation.save()
    return recommendation


@transaction.atomic
def delete_recommendation(recommendation, user=None):
    """Delete a recommendation and number the later ones down, so the list stays 1, 2, 3 ..."""
    lock_report(recommendation.report_id)
    if recommendation.follow_ups.exists():
        raise ValueError(_("Next year's report follows this recommendation up; it cannot be deleted."))
    report_id, number = recommendation.report_id, recommendation.number
    recommendation._history_user = user
    recommendation.delete()
    for later in Recommendation.objects.filter(report_id=report_id, number__gt=number).order_by("number"):
        later.number -= 1
        later._history_user = user
        later.save()


@transaction.atomic
def add_table(section, country, kind, first_year, last_year, caption=""):
    """Embed a live ``seizures`` table in ``section`` (the next ``[[table n]]``)."""
    lock_report(section.report_id)
    if last_year < first_year:
        raise ValueError(_("The last year comes before the first."))
    position = (section.tables.aggregate(m=Max("position"))["m"] or 0) + 1
    return EmbeddedTable.objects.create(
        section=section,
        country=country,
        kind=kind,
        first_year=first_year,
        last_year=last_year,
        caption=caption,
        position=position,
    )


@transaction.atomic
def delete_table(embed):
    lock_report(embed.section.report_id)
    embed.delete()
