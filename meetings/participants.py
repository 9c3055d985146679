"""What the secretariat follows: answer counts, the participant list and its exports (CSV, XLSX, PDF).

Every function here runs a fixed number of queries whatever the number of invitations
(aggregates and one join), which the query-count tests hold at 10 and 500 invitations.
"""

import csv
import io

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from idswg.bilingual import contains_in_any_language
from idswg.models import Person
from idswg.spreadsheets import append_text_row, safe_text

from .models import Attendee, Invitation

#: Invitations per dashboard page: a page stays light at thousands of invitations.
DASHBOARD_PAGE_SIZE = 50
MAX_QUERY = 100


def summary(meeting):
    """Invited, answered, attending, declined, no answer, headcount and arrived, in one query.

    One row per answer: its invitations (each once: ``distinct``, as the join repeats an
    invitation per attendee), their attendees and those checked in; the totals are added up
    here. A dashboard asks it on every refresh, and this grouped query costs about half what
    six filtered counts and a second aggregate over the attendees did (issue 19).
    """
    per_state = (
        meeting.invitations.order_by()
        .values_list("state")
        .annotate(
            invitations=Count("pk", distinct=True), heads=Count("attendees"), arrived=Count("attendees__checked_in_at")
        )
    )
    s = Invitation.State
    invitations, headcount, arrived = {}, 0, 0
    for state, count, heads, checked_in in per_state:
        invitations[state] = count
        if state in Invitation.ATTENDING:
            headcount += heads
            arrived += checked_in
    invited = sum(invitations.values())
    return {
        "invited": invited,
        "answered": invited - invitations.get(s.PENDING, 0),
        "attending": sum(invitations.get(state, 0) for state in Invitation.ATTENDING),
        "representatives": invitations.get(s.REPRESENTATIVE, 0),
        "declined": invitations.get(s.DECLINED, 0),
        "pending": invitations.get(s.PENDING, 0),
        "headcount": headcount,
        "arrived": arrived,
    }


def invitations(meeting, query=""):
    """The invitations with their organisation and attendees (as ``attendee_list``): the dashboard's table.

    ``query`` keeps those whose invitee, e-mail, organisation or a named attendee contains it.
    """
    found = meeting.invitations.all()
    query = " ".join(query.split())[:MAX_QUERY]
    if query:
        named = Attendee.objects.filter(invitation=OuterRef("pk"), name__icontains=query)
        found = found.filter(
            Q(name__icontains=query)
            | Q(email__icontains=query)
            | contains_in_any_language("organisation__name", query)
            | contains_in_any_language("organisation__short_name", query)
            | Exists(named)
        )
    return (
        found.select_related("organisation")
        .prefetch_related(Prefetch("attendees", to_attr="attendee_list"))
        .order_by("organisation__name", "name", "pk")
    )


def dashboard_page(meeting, query="", page=1, invited=None):
    """One page of ``invitations(meeting, query)``: the count, the rows and one query for their attendees.

    Without a search the count is ``invited`` when given (``summary`` counted them already).
    """
    paginator = Paginator(invitations(meeting, query), DASHBOARD_PAGE_SIZE)
    if invited is not None and not query.split():
        paginator.count = invited
    return paginator.get_page(page)


def attendees(meeting):
    """Everyone named as attending, with their invitation and organisation, in list order."""
    return (
        Attendee.objects.filter(invitation__meeting=meeting, invitation__state__in=Invitation.ATTENDING)
        .select_related("invitation__organisation")
        .order_by("invitation__organisation__name", "invitation__name", "order", "pk")
    )


def attendees_for_print(meeting):
    """``attendees(meeting)``, each with the ``phone`` the directory holds for their e-mail ("" if none).

    One query whatever the number of attendees: the phone is a subquery on the person whose
    e-mail is the attendee's (e-mails are unique in the directory, without case).
    """
    directory = Person.objects.filter(email__iexact=OuterRef("email")).exclude(phone="").values("phone")[:1]
    return attendees(meeting).annotate(phone=Coalesce(Subquery(directory), Value("")))


def header():
    return [
        _("No."),
        _("Name"),
        _("Position"),
        _("Organisation"),
        _("E-mail"),
        _("Answer"),
        _("Note"),
        _("Arrived"),
        _("Answered at"),
    ]


def _local(moment):
    """A Vientiane wall-clock datetime without zone: what a spreadsheet cell holds as a date."""
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


def rows(meeting, as_dates=False):
    """The participant rows; times as text (CSV) or, with ``as_dates``, as datetimes for date cells (XLSX)."""
    for number, attendee in enumerate(attendees(meeting), start=1):
        invitation = attendee.invitation
        organisation = invitation.organisation.name if invitation.organisation else ""
        arrived, answered = _local(attendee.checked_in_at), _local(invitation.answered_at)
        if not as_dates:
            arrived = f"{arrived:%H:%M}" if arrived else ""
            answered = f"{answered:%Y-%m-%d %H:%M}" if answered else ""
        yield [
            number,
            safe_text(attendee.name),
            safe_text(attendee.position),
            safe_text(organisation),
            safe_text(attendee.email),
            str(invitation.get_state_display()),
            safe_text(invitation.note),
            arrived,
            answered,
        ]


def csv_bytes(meeting):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header())
    writer.writerows(rows(meeting))
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets Excel read Lao script


def xlsx_bytes(meeting):
    from openpyxl import Workbook  # only here: the web workers never load openpyxl otherwise
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Participants")[:31]
    append_text_row(sheet, [meeting.title])  # as typed, even “=…”: a text cell, never a formula
    sheet["A1"].font = Font(bold=True, size=13)
    when = date_format(meeting.local_start, "l j F Y, H:i") + "–" + date_format(meeting.local_end, "H:i")
    append_text_row(sheet, [f"{when}, {meeting.venue}"])
    sheet.append([])
    append_text_row(sheet, header())
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    # Row numbers counted here: openpyxl's ``max_row`` scans every cell, quadratic over a long list.
    for number, row in enumerate(rows(meeting, as_dates=True), start=sheet.max_row + 1):
        append_text_row(sheet, row)
        sheet.cell(number, 8).number_format, sheet.cell(number, 9).number_format = "hh:mm", "yyyy-mm-dd hh:mm"
    for column, width in zip("ABCDEFGHI", (5, 30, 36, 34, 30, 22, 30, 8, 17), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A5"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
