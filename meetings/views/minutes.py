"""After the meeting: the secretariat's summary record and action points; partners update their own."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from idswg.roles import member_required, secretariat_required

from .. import action_points, minutes
from ..access import visible_meetings
from ..forms import ActionPointForm, ActionPointStatusForm, MinutesForm
from ..models import ActionPoint, Meeting


def _editor(request, meeting, form=None, point_form=None, status=200):
    record = minutes.minutes_to_edit(meeting)
    rows = minutes.agenda_with_records(record)
    return render(
        request,
        "meetings/minutes.html",
        {
            "meeting": meeting,
            "record": record,
            "form": form or MinutesForm(initial={"summary": record.summary}, records=rows),
            "point_form": point_form or ActionPointForm(meeting=meeting),
            "attendance": minutes.attendance(meeting),
            "points": minutes.action_points(meeting),
            "earlier_open": action_points.open_before(meeting),
        },
        status=status,
    )


@secretariat_required
def minutes_edit(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    if request.method != "POST":
        return _editor(request, meeting)
    record = minutes.minutes_to_edit(meeting)
    form = MinutesForm(request.POST, records=minutes.agenda_with_records(record))
    if not form.is_valid():
        return _editor(request, meeting, form=form, status=422)
    minutes.save_record(record, form.cleaned_data["summary"], form.texts(), request.user)
    messages.success(request, _("Minutes saved."))
    return redirect("meetings:minutes", pk=meeting.pk)


@secretariat_required
@require_POST
def minutes_send(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    try:
        sent = minutes.send(meeting)
    except minutes.MinutesNotReady:
        messages.error(request, _("Make the PDF of the minutes as they are now first, then send them."))
    else:
        messages.success(request, _("Minutes sent to %(count)s participant(s).") % {"count": sent})
    return redirect("meetings:minutes", pk=meeting.pk)


@secretariat_required
@require_POST
def action_point_add(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = ActionPointForm(request.POST, meeting=meeting)
    if not form.is_valid():
        return _editor(request, meeting, point_form=form, status=422)
    data = form.cleaned_data
    action_points.add(meeting, data["text"], data["owner"], data["due_on"], data["agenda_item"], request.user)
    messages.success(request, _("Action point added."))
    return redirect("meetings:minutes", pk=meeting.pk)


@secretariat_required
@require_POST
def action_point_delete(request, pk, point_pk):
    get_object_or_404(ActionPoint, pk=point_pk, meeting_id=pk).delete()
    messages.success(request, _("Action point removed."))
    return redirect("meetings:minutes", pk=pk)


@member_required
def action_point_list(request, pk):
    """The meeting's action points the user may see; a partner updates its organisation's own here."""
    meeting = get_object_or_404(visible_meetings(request.user), pk=pk)
    points = action_points.visible_to(request.user, minutes.action_points(meeting))
    rows = [
        (point, ActionPointStatusForm(instance=point, prefix=f"p{point.pk}"))
        if action_points.may_update(request.user, point)
        else (point, None)
        for point in points
    ]
    return render(request, "meetings/action_points.html", {"meeting": meeting, "rows": rows})


@member_required
@require_POST
def action_point_status(request, pk, point_pk):
    meeting = get_object_or_404(visible_meetings(request.user), pk=pk)
    point = get_object_or_404(ActionPoint, pk=point_pk, meeting=meeting)
    if not action_points.may_update(request.user, point):
        raise PermissionDenied
    form = ActionPointStatusForm(request.POST, instance=ActionPoint(status=point.status), prefix=f"p{point.pk}")
    if form.is_valid():
        data = form.cleaned_data
        action_points.update_status(point.pk, data["status"], data["status_note"], request.user)
        messages.success(request, _("Status of “%(action)s” saved.") % {"action": point})
    else:
        messages.error(request, _("Choose one of the statuses offered."))
    return redirect("meetings:action_points", pk=meeting.pk)
