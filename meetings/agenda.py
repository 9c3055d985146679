"""The agenda editor's rules: time checks, reordering and copying an earlier agenda."""

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from idswg.bilingual import both_languages

from .models import AgendaItem, Meeting


def problems(meeting, items):
    """``{item.pk: [message, ...]}`` for items that overlap another or lie outside the meeting's times."""
    start, end = meeting.local_start.time(), meeting.local_end.time()
    found = {}
    ordered = sorted(items, key=lambda item: (item.start, item.end))
    for index, item in enumerate(ordered):
        if item.start < start or item.end > end:
            times = {"start": f"{start:%H:%M}", "end": f"{end:%H:%M}"}
            found.setdefault(item.pk, []).append(_("Outside the meeting's times (%(start)s–%(end)s).") % times)
        for other in ordered[index + 1 :]:
            if other.start >= item.end:
                break
            found.setdefault(item.pk, []).append(_("Overlaps “%(title)s”.") % {"title": other.title})
            found.setdefault(other.pk, []).append(_("Overlaps “%(title)s”.") % {"title": item.title})
    return found


def next_slot(meeting):
    """Start and end suggested for a new item: right after the last one, fifteen minutes long."""
    last = meeting.agenda_items.order_by("-end").first()
    start = last.end if last else meeting.local_start.time()
    end = (datetime.combine(meeting.local_start.date(), start) + timedelta(minutes=15)).time()
    return start, max(end, start)


def next_order(meeting):
    return (meeting.agenda_items.aggregate(top=Max("order"))["top"] or 0) + 1


@transaction.atomic
def reorder(meeting, ids):
    """Put the items named by ``ids`` (in that order) first; ids of other meetings are ignored."""
    items = {item.pk: item for item in meeting.agenda_items.select_for_update()}
    ordered = [items.pop(pk) for pk in ids if pk in items]
    ordered += sorted(items.values(), key=lambda item: (item.order, item.pk))
    for position, item in enumerate(ordered, start=1):
        item.order = position
    AgendaItem.objects.bulk_update(ordered, ["order"])
    return ordered


def move(meeting, item_id, step):
    """Move one item ``step`` places (-1 up, +1 down): the keyboard's way to reorder."""
    ids = list(meeting.agenda_items.values_list("pk", flat=True))
    if item_id not in ids:
        return
    index = ids.index(item_id)
    target = min(max(index + step, 0), len(ids) - 1)
    ids.insert(target, ids.pop(index))
    reorder(meeting, ids)


def copy_source(target, raw_id):
    """The other meeting named by a submitted id, or None when the id is missing, not a number or unknown."""
    raw_id = (raw_id or "").strip()
    if not raw_id.isascii() or not raw_id.isdigit():
        return None
    return Meeting.objects.exclude(pk=target.pk).filter(pk=int(raw_id)).first()


@transaction.atomic
def copy_agenda(source, target):
    """Append ``source``'s agenda to ``target``'s, presenters included; returns the new items."""
    order = next_order(target)
    copies = []
    for offset, item in enumerate(source.agenda_items.prefetch_related("presenters")):
        copy = AgendaItem.objects.create(
            meeting=target,
            order=order + offset,
            start=item.start,
            end=item.end,
            **{field: getattr(item, field) for field in both_languages("title", "points", "presenters_text")},
            kind=item.kind,
        )
        copy.presenters.set(item.presenters.all())
        copies.append(copy)
    return copies
