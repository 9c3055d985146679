"""The summary record of a meeting: attendance from check-in, per agenda item what was discussed and decided.

Every function runs a fixed number of queries whatever the number of items, attendees
or action points (held by ``tests/test_minutes_query_counts.py``). The record goes to
the participants (those checked in) with its PDF, once the PDF of the current text exists.
"""

from django.db import transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone, translation

from idswg import documents, mail, renders

from . import invitations, participants
from .models import AgendaItem, Minutes, MinutesItem

KEY = "meeting-minutes"
#: An agenda item's discussion or decisions: paragraphs, capped so a paste cannot stall the PDF.
MAX_TEXT = 10_000


class MinutesNotReady(Exception):
    """The PDF of the minutes as they are now has not been made yet."""


def minutes_of(meeting):
    """The meeting's record, created empty if there is none yet: for what writes it (saving, sending)."""
    minutes, _created = Minutes.objects.get_or_create(meeting=meeting)
    return minutes


def minutes_to_edit(meeting):
    """The record the editor shows: the stored one, or an unsaved empty one before the first save.

    Reading writes nothing (a GET of the editor leaves the table as it was); ``save_record``
    creates the record.
    """
    return Minutes.objects.filter(meeting=meeting).first() or Minutes(meeting=meeting)


def attendance(meeting):
    """Who was there: the attendees checked in at the door, by organisation."""
    return participants.attendees(meeting).filter(checked_in_at__isnull=False)


def agenda_with_records(minutes):
    """``[(agenda_item, MinutesItem or None)]`` in agenda order, sessions only (breaks have no record)."""
    records = {record.agenda_item_id: record for record in minutes.items.all()} if minutes.pk else {}
    items = minutes.meeting.agenda_items.filter(kind=AgendaItem.Kind.SESSION)
    return [(item, records.get(item.pk)) for item in items]


def action_points(meeting):
    return meeting.action_points.select_related("owner", "agenda_item").order_by("due_on", "pk")


@transaction.atomic
def save_record(minutes, summary, texts, user=None):
    """Store the summary and ``texts`` = ``{agenda_item_pk: (discussion, decisions)}``; other items are ignored.

    ``minutes`` may be the unsaved record of ``minutes_to_edit``: the first save creates it (or
    finds the one another editor saved a moment before).
    """
    if minutes.pk is None:
        minutes = minutes_of(minutes.meeting)
    minutes.summary = summary[:MAX_TEXT]
    minutes.updated_by = user if user is not None and user.is_authenticated else None
    minutes.save(update_fields=["summary", "updated_by", "updated_at"])
    known = set(minutes.meeting.agenda_items.values_list("pk", flat=True))
    existing = {record.agenda_item_id: record for record in minutes.items.all()}
    new, changed = [], []
    for item_pk, (discussion, decisions) in texts.items():
        if item_pk not in known:
            continue
        record = existing.get(item_pk)
        if record is None:
            new.append(MinutesItem(minutes=minutes, agenda_item_id=item_pk, discussion=discussion, decisions=decisions))
        else:
            record.discussion, record.decisions = discussion, decisions
            changed.append(record)
    MinutesItem.objects.bulk_create(new)
    MinutesItem.objects.bulk_update(changed, ["discussion", "decisions"])


def minutes_for_print(meeting_id):
    """The minutes with everything their PDF prints, in a fixed number of queries."""
    records = Prefetch("items", queryset=MinutesItem.objects.select_related("agenda_item"))
    return Minutes.objects.select_related("meeting").prefetch_related(records).get(meeting_id=meeting_id)


def print_context(minutes):
    meeting = minutes.meeting
    return {
        "meeting": meeting,
        "minutes": minutes,
        "attendance": list(attendance(meeting)),
        "records": agenda_with_records(minutes),
        "action_points": list(action_points(meeting)),
    }


def recipients(meeting):
    """``[(name, email, language)]``: everyone checked in, once each, with the language they read.

    The language is the one the directory or an account holds for the attendee's own
    address (``idswg.mail.languages_of``), else the one of the invitation that named them
    (``invitations.language_of``: English unless chosen).
    """
    present = list(attendance(meeting).select_related("invitation__person"))
    chosen = mail.languages_of(attendee.email for attendee in present)
    seen, addresses = set(), []
    for attendee in present:
        address = attendee.email.lower()
        if address not in seen:
            seen.add(address)
            language = chosen.get(address) or invitations.language_of(attendee.invitation)
            addresses.append((attendee.name, attendee.email, language))
    return addresses


def current_pdf(meeting):
    """The finished render of the minutes as they are now, or None."""
    document = documents.get(KEY)
    job = renders.latest_done(KEY, meeting.pk)
    if job is None or job.input_hash != document.fingerprint(document.get_object(meeting.pk)):
        return None
    return job if job.output.storage.exists(job.output.name) else None


@transaction.atomic
def send(meeting):
    """E-mail the minutes and their PDF to every participant; returns how many; MinutesNotReady without the PDF.

    Each message is written in its reader's language (``recipients``), whoever sends it.
    """
    job = current_pdf(meeting)
    if job is None:
        raise MinutesNotReady
    with job.output.open("rb") as handle:
        pdf = handle.read()
    minutes = minutes_of(meeting)
    context = print_context(minutes)
    addresses = recipients(meeting)
    for name, email, language in addresses:
        with translation.override(language):
            body = render_to_string("meetings/email/minutes.txt", context | {"name": name})
            subject = " ".join(render_to_string("meetings/email/minutes_subject.txt", context).split())
        mail.queue(email, subject, body, attachments=[(job.filename, pdf, "application/pdf")], topic="meetings.minutes")
    minutes.sent_at = timezone.now()
    minutes.save(update_fields=["sent_at"])
    return len(addresses)
