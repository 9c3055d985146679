"""The secretariat's page to choose what goes into a meeting's briefing (``reports.briefing``)."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from idswg import renders
from idswg.roles import secretariat_required
from meetings.models import Meeting
from seizures.models import Country

from . import briefing
from .models import Report


class BriefingForm(forms.Form):
    include_invitation = forms.BooleanField(label=gettext_lazy("Invitation and agenda"), required=False)
    report = forms.ModelChoiceField(
        label=gettext_lazy("Report"),
        queryset=Report.objects.order_by("-year", "kind"),
        required=False,
        empty_label=gettext_lazy("(no report)"),
    )
    countries = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Seizure tables"),
        queryset=Country.objects.order_by("display_order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


@secretariat_required
def briefing_edit(request, meeting_pk):
    meeting = get_object_or_404(Meeting, pk=meeting_pk)
    current = briefing.briefing_of(meeting)
    initial = {
        "include_invitation": current.include_invitation,
        "report": current.report,
        "countries": list(current.countries.all()) if current.pk else [],
    }
    form = BriefingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        briefing.configure(meeting, user=request.user, **form.cleaned_data)
        renders.request_render(briefing.KEY, meeting.pk, request.user)
        messages.success(request, _("The briefing's parts are saved; its PDF is being made."))
        return redirect(meeting)
    return render(request, "reports/pdf/briefing_form.html", {"form": form, "meeting": meeting})
