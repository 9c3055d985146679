"""The secretariat's follow-up of a meeting: dashboard, exports, sign-in sheet and check-in."""

from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from idswg.attachments import attachment
from idswg.bilingual import contains_in_any_language
from idswg.roles import secretariat_required

from .. import checkin, participants
from ..models import Attendee, Meeting


@secretariat_required
def dashboard(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    query = request.GET.get("q", "").strip()[: participants.MAX_QUERY]
    page = participants.dashboard_page(meeting, query, request.GET.get("page"))
    context = {
        "meeting": meeting,
        "summary": participants.summary(meeting),
        "invitations": page,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "query": query,
        "rsvp_open": meeting.rsvp_open(),
    }
    template = "meetings/_dashboard_live.html" if request.htmx else "meetings/dashboard.html"
    return render(request, template, context)


def _download(content, content_type, meeting, extension):
    return attachment(content, f"participants-{meeting.local_start:%Y-%m-%d}.{extension}", content_type)


@secretariat_required
def participants_csv(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    return _download(participants.csv_bytes(meeting), "text/csv; charset=utf-8", meeting, "csv")


@secretariat_required
def participants_xlsx(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return _download(participants.xlsx_bytes(meeting), mimetype, meeting, "xlsx")


@secretariat_required
def sign_in_sheet(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    return render(
        request,
        "meetings/sign_in_sheet.html",
        {"meeting": meeting, "attendees": participants.attendees(meeting), "blank_rows": range(10)},
    )


@secretariat_required
def check_in(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    query = request.GET.get("q", "").strip()[:100]
    attendees = participants.attendees(meeting)
    if query:
        attendees = attendees.filter(name__icontains=query) | attendees.filter(
            contains_in_any_language("invitation__organisation__name", query)
        )
    context = {"meeting": meeting, "attendees": attendees, "query": query, "summary": participants.summary(meeting)}
    template = "meetings/_check_in_list.html" if request.htmx else "meetings/check_in.html"
    return render(request, template, context)


@secretariat_required
@require_POST
def check_in_mark(request, pk, attendee_pk):
    """Set an attendee present or absent, as the tap asked (``state``), and answer with the row."""
    attendees = Attendee.objects.select_related("invitation__organisation").filter(invitation__meeting_id=pk)
    attendee = get_object_or_404(attendees, pk=attendee_pk)
    state = request.POST.get("state", "")
    if state not in (checkin.PRESENT, checkin.ABSENT):
        return HttpResponseBadRequest(_("Say whether the attendee is present or absent."))
    checkin.mark(attendee.pk, state)
    attendee = attendees.get(pk=attendee_pk)
    meeting = Meeting(pk=pk)  # the counter beside the list is swapped out of band
    context = {"attendee": attendee, "meeting_id": pk, "oob_summary": participants.summary(meeting)}
    return render(request, "meetings/_check_in_row.html", context)
