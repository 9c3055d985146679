"""What the secretariat follows: answer counts, the participant list and its exports.

Every function here runs a fixed number of queries whatever the number of invitations
(aggregates and one join), which the query-count tests hold at 10 and 500 invitations.
"""

import csv
import io

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from idswg.spreadsheets import append_text_row, safe_text

from .models import Attendee, Invitation


def summary(meeting):
    """Invited, answered, attending, declined, no answer and headcount, in one query each."""
    s = Invitation.State
    counts = meeting.invitations.aggregate(
        invited=Count("pk"),
        answered=Count("pk", filter=~Q(state=s.PENDING)),
        attending=Count("pk", filter=Q(state__in=Invitation.ATTENDING)),
        representatives=Count("pk", filter=Q(state=s.REPRESENTATIVE)),
        declined=Count("pk", filter=Q(state=s.DECLINED)),
        pending=Count("pk", filter=Q(state=s.PENDING)),
    )
    arrived = Count("pk", filter=Q(checked_in_at__isnull=False))
    heads = attendees(meeting).aggregate(headcount=Count("pk"), arrived=arrived)
    return counts | heads


def invitations(meeting):
    """The invitations with their organisation and attendees (as ``attendee_list``): the dashboard's table."""
    return (
        meeting.invitations.select_related("organisation")
        .prefetch_related(Prefetch("attendees", to_attr="attendee_list"))
        .order_by("organisation__name", "name", "pk")
    )


def attendees(meeting):
    """Everyone named as attending, with their invitation and organisation, in list order."""
    return (
        Attendee.objects.filter(invitation__meeting=meeting, invitation__state__in=Invitation.ATTENDING)
        .select_related("invitation__organisation")
        .order_by("invitation__organisation__name", "invitation__name", "order", "pk")
    )


def header():
    return [_("No."), _("Name"), _("Position"), _("Organisation"), _("E-mail"), _("Answer"), _("Note"), _("Arrived")]


def rows(meeting):
    for number, attendee in enumerate(attendees(meeting), start=1):
        invitation = attendee.invitation
        organisation = invitation.organisation.name if invitation.organisation else ""
        arrived = f"{timezone.localtime(attendee.checked_in_at):%H:%M}" if attendee.checked_in_at else ""
        yield [
            number,
            safe_text(attendee.name),
            safe_text(attendee.position),
            safe_text(organisation),
            safe_text(attendee.email),
            str(invitation.get_state_display()),
            safe_text(invitation.note),
            arrived,
        ]


def csv_bytes(meeting):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header())
    writer.writerows(rows(meeting))
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets Excel read Lao script


def xlsx_bytes(meeting):
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
    for row in rows(meeting):
        append_text_row(sheet, row)
    for column, width in zip("ABCDEFGH", (5, 30, 36, 34, 30, 22, 30, 8), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A5"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
