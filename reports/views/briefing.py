"""The secretariat's page to choose what goes into a meeting's briefing (``reports.briefing``)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from idswg import renders
from idswg.roles import secretariat_required
from meetings.models import Meeting

from .. import briefing
from ..forms import BriefingForm


@secretariat_required
def briefing_edit(request, meeting_pk):
    meeting = get_object_or_404(Meeting, pk=meeting_pk)
    current = briefing.briefing_of(meeting)
    initial = {
        "include_invitation": current.include_invitation,
        "report": current.report,
        "country_report": current.country_report,
        "countries": list(current.countries.all()) if current.pk else [],
    }
    form = BriefingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        briefing.configure(meeting, user=request.user, **form.cleaned_data)
        renders.request_render(briefing.KEY, meeting.pk, request.user)
        messages.success(request, _("The briefing's parts are saved; its PDF is being made."))
        return redirect(meeting)
    return render(request, "reports/pdf/briefing_form.html", {"form": form, "meeting": meeting})
