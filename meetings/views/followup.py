"""The secretariat's follow-up of a meeting: dashboard, exports, sign-in sheet and check-in."""

from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from idswg.attachments import attachment
from idswg.bilingual import contains_in_any_language
from idswg.roles import secretariat_required

from .. import answers_cache, checkin, participants
from ..models import Attendee, Meeting


@secretariat_required
def dashboard(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    query = request.GET.get("q", "").strip()[: participants.MAX_QUERY]
    live = answers_cache.answers(request, meeting, query, request.GET.get("page"))
    if request.htmx:  # the refresh every 30 s
        response = HttpResponse(str(live))
    else:
        response = render(request, "meetings/dashboard.html", {"meeting": meeting, "query": query, "answers": live})
    patch_vary_headers(response, ["HX-Request"])
    return response


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
