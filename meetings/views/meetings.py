"""The meeting list, the meeting page that reads like the invitation, its editing and its .ics."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from idswg.attachments import attachment
from idswg.roles import member_required, secretariat_required

from .. import action_points, calendar, materials, notices
from ..access import own_invitations, visible_meetings
from ..forms import CoChairFormSet, MeetingForm, OrganiserFormSet
from ..models import INVITATION_PREFETCH, Meeting, Minutes


def meeting_for_page(meeting):
    """The meeting with what its invitation page shows, in a fixed number of queries."""
    return Meeting.objects.prefetch_related(*INVITATION_PREFETCH).get(pk=meeting.pk)


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
            "materials": materials.visible(meeting, request.user),
            "earlier_open": action_points.open_before(meeting, request.user),
            "has_minutes": Minutes.objects.filter(meeting=meeting).exists(),
        },
    )


@secretariat_required
def meeting_edit(request, pk=None):
    meeting = get_object_or_404(Meeting, pk=pk) if pk else Meeting()
    data = request.POST if request.method == "POST" else None
    form = MeetingForm(data, instance=meeting)
    organisers = OrganiserFormSet(data, instance=meeting, prefix="organisers")
    cochairs = CoChairFormSet(data, instance=meeting, prefix="cochairs")
    before = notices.describe(meeting) if pk else None
    if data is not None and form.is_valid() and organisers.is_valid() and cochairs.is_valid():
        with transaction.atomic():
            saved = form.save()
            organisers.instance = cochairs.instance = saved
            organisers.save()
            cochairs.save()
            changes = notices.changes_between(before, notices.describe(saved)) if before else []
            told = notices.notify_change(saved, changes) if form.cleaned_data["notify_invitees"] else 0
        messages.success(request, _("Meeting “%(title)s” saved.") % {"title": saved})
        if told:
            messages.info(request, _("%(count)s invitee(s) told what changed.") % {"count": told})
        return redirect(saved)
    return render(
        request,
        "meetings/meeting_form.html",
        {
            "form": form,
            "organisers": organisers,
            "cochairs": cochairs,
            "meeting": meeting if pk else None,
            "invited_count": notices.recipients(meeting).count() if pk else 0,
        },
    )


@secretariat_required
def meeting_cancel(request, pk):
    """Confirm, then cancel: every invitee gets the cancellation with METHOD:CANCEL."""
    meeting = get_object_or_404(Meeting, pk=pk)
    reason = request.POST.get("reason", "").strip()[:2000]
    if request.method == "POST" and meeting.state != Meeting.State.CANCELLED:
        told = notices.cancel(meeting.pk, reason)
        messages.success(request, _("The meeting is cancelled; %(count)s invitee(s) told.") % {"count": told})
        return redirect(meeting)
    return render(
        request,
        "meetings/meeting_cancel.html",
        {"meeting": meeting, "invited_count": notices.recipients(meeting).count()},
    )


@member_required
def meeting_ics(request, pk):
    meeting = get_object_or_404(visible_meetings(request.user), pk=pk)
    return ics_response(meeting, request.build_absolute_uri(meeting.get_absolute_url()))


def ics_response(meeting, url):
    content_type = f"{calendar.MIMETYPE}; charset=utf-8"
    return attachment(calendar.build(meeting, url), calendar.filename(meeting), content_type)
