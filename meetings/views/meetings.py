"""The meeting list, the meeting page that reads like the invitation, its editing and its .ics."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from idswg.roles import member_required, secretariat_required

from .. import calendar
from ..forms import CoChairFormSet, MeetingForm, OrganiserFormSet
from ..models import Meeting
from ..visibility import own_invitations, visible_meetings


def meeting_for_page(meeting):
    """The meeting with what its invitation page shows, in a fixed number of queries."""
    return (
        Meeting.objects.prefetch_related(
            "organiser_links__organisation",
            "cochairs__person__organisation",
            "agenda_items__presenters",
        )
        .filter(pk=meeting.pk)
        .get()
    )


@member_required
def meeting_list(request):
    meetings = visible_meetings(request.user).prefetch_related("organiser_links__organisation")
    now = timezone.now()
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "upcoming": [m for m in meetings.order_by("starts_at") if m.ends_at >= now],
            "past": [m for m in meetings if m.ends_at < now],
        },
    )


@member_required
def meeting_detail(request, pk):
    meeting = get_object_or_404(visible_meetings(request.user), pk=pk)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting_for_page(meeting),
            "own_invitations": own_invitations(request.user, meeting),
            "rsvp_open": meeting.rsvp_open(),
        },
    )


@secretariat_required
def meeting_edit(request, pk=None):
    meeting = get_object_or_404(Meeting, pk=pk) if pk else Meeting()
    data = request.POST if request.method == "POST" else None
    form = MeetingForm(data, instance=meeting)
    organisers = OrganiserFormSet(data, instance=meeting, prefix="organisers")
    cochairs = CoChairFormSet(data, instance=meeting, prefix="cochairs")
    if data is not None and form.is_valid() and organisers.is_valid() and cochairs.is_valid():
        with transaction.atomic():
            saved = form.save()
            organisers.instance = cochairs.instance = saved
            organisers.save()
            cochairs.save()
        messages.success(request, _("Meeting “%(title)s” saved.") % {"title": saved})
        return redirect(saved)
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "organisers": organisers, "cochairs": cochairs, "meeting": meeting if pk else None},
    )


@member_required
def meeting_ics(request, pk):
    meeting = get_object_or_404(visible_meetings(request.user), pk=pk)
    return ics_response(meeting, request.build_absolute_uri(meeting.get_absolute_url()))


def ics_response(meeting, url):
    response = HttpResponse(calendar.build(meeting, url), content_type=f"{calendar.MIMETYPE}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{calendar.filename(meeting)}"'
    return response
