"""Country report pages: the list, the report with its outline, content editing, tables and recommendations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from idswg.attachments import DOCX, attachment
from idswg.roles import is_secretariat, member_required, secretariat_required

from .. import access, editing, outline, review
from ..forms import (
    AddSectionForm,
    FollowUpForm,
    NewRecommendationForm,
    NewReportForm,
    RecommendationForm,
    SectionForm,
    TableForm,
)
from ..models import CountryReport, EmbeddedTable, FollowUp, Recommendation, RegionalReport, Section
from .common import form_page, readable_report


@member_required
def report_list(request):
    reports = access.visible_reports(request.user).order_by("-year", "country__display_order", "country__name")
    regionals = (
        RegionalReport.objects.order_by("-year") if is_secretariat(request.user) else RegionalReport.objects.none()
    )
    return render(request, "dublin/report_list.html", {"reports": reports, "regionals": regionals})


@member_required
def report_detail(request, pk):
    """The report as one page; the secretariat edits it in place, partners read it once in review."""
    report = readable_report(request.user, pk)
    secretariat = is_secretariat(request.user)
    display = outline.report_for_display(report, request.user, all_updates=secretariat)
    return render(
        request,
        "dublin/report_detail.html",
        {
            "report": report,
            "display": display,
            "editable": secretariat and not report.is_final,
            "next_states": review.next_states(report) if secretariat else (),
        },
    )


@secretariat_required
def report_create(request):
    """A new country report: copied from the country's previous one, or the default outline."""
    form = NewReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        report = outline.new_report(data["country"], data["year"], data["heading"], request.user)
        messages.success(request, _("Country report %(report)s started as a draft.") % {"report": report})
        return redirect(report)
    return form_page(request, form, _("New country report"), reverse("dublin:report_list"))


@require_POST
@secretariat_required
def report_state(request, pk):
    report = get_object_or_404(CountryReport, pk=pk)
    try:
        report = review.move_to(report, request.POST.get("state", ""), request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The report is now “%(state)s”.") % {"state": report.get_state_display()})
    return redirect(report)


@member_required
def report_docx(request, pk):
    """The country report as a Word file (what a reader of the report sees)."""
    report = readable_report(request.user, pk)
    from ..docx_export import (
        country_report_docx,
    )  # python-docx: loaded by the one request that needs it, never at start-up

    content, filename = country_report_docx(report)
    return attachment(content, filename, DOCX)


def _version(request):
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return 0


@secretariat_required
def section_edit(request, pk):
    """A section's number, title, text and footnotes; a save from an older version answers 409 with both."""
    section = get_object_or_404(Section.objects.select_related("report"), pk=pk)
    editing.ensure_editable(section.report)
    initial = {name: getattr(section, name) for name in editing.SECTION_FIELDS} | {"version": section.version}
    form = SectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            editing.save_section(section.pk, form.cleaned_data["version"], form.cleaned_data, request.user)
        except editing.Stale as stale:
            messages.error(request, _("Someone else saved this section after you opened it; theirs is shown below."))
            fresh = SectionForm(initial={**form.cleaned_data, "version": stale.current.version})
            return _section_page(request, section, fresh, status=409, theirs=stale.current)
        messages.success(request, _("Section saved."))
        return redirect(f"{section.report.get_absolute_url()}#section-{section.pk}")
    return _section_page(request, section, form, status=422 if request.method == "POST" else 200)


def _section_page(request, section, form, status=200, theirs=None):
    return render(
        request,
        "dublin/section_form.html",
        {
            "form": form,
            "section": section,
            "report": section.report,
            "theirs": theirs,
            "tables": section.tables.select_related("country"),
            "table_form": TableForm(
                initial={
                    "country": section.report.country_id,
                    "first_year": section.report.year - 9,
                    "last_year": section.report.year,
                }
            ),
        },
        status=status,
    )


@secretariat_required
def section_add(request, report_pk):
    report = get_object_or_404(CountryReport, pk=report_pk)
    editing.ensure_editable(report)
    form = AddSectionForm(request.POST or None, report=report, initial={"parent": request.GET.get("parent")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        section = editing.add_section(report, data["title"], data["number"], data["parent"], data["kind"], request.user)
        messages.success(request, _("Section added."))
        return redirect("dublin:section_edit", pk=section.pk)
    return form_page(request, form, _("Add a section"), report.get_absolute_url())


@require_POST
@secretariat_required
def section_move(request, pk):
    section = get_object_or_404(Section, pk=pk)
    editing.move_section(section, request.POST.get("direction", "up"))
    return redirect(f"{section.report.get_absolute_url()}#section-{section.pk}")


@require_POST
@secretariat_required
def section_delete(request, pk):
    section = get_object_or_404(Section.objects.select_related("report"), pk=pk)
    try:
        editing.delete_section(section, request.user)
    except ValueError as error:
        messages.error(request, str(error))
        return redirect(f"{section.report.get_absolute_url()}#section-{section.pk}")
    messages.success(request, _("Section deleted; it stays in the report's history."))
    return redirect(section.report)


@require_POST
@secretariat_required
def table_add(request, section_pk):
    section = get_object_or_404(Section.objects.select_related("report"), pk=section_pk)
    form = TableForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("dublin:section_edit", pk=section.pk)
    data = form.cleaned_data
    embed = editing.add_table(
        section, data["country"], data["kind"], data["first_year"], data["last_year"], data["caption"]
    )
    messages.success(
        request, _("Table added; write %(marker)s on a line of its own where it goes.") % {"marker": embed.marker}
    )
    return redirect("dublin:section_edit", pk=section.pk)


@require_POST
@secretariat_required
def table_delete(request, pk):
    embed = get_object_or_404(EmbeddedTable.objects.select_related("section__report"), pk=pk)
    editing.delete_table(embed)
    messages.success(request, _("Table removed from the section."))
    return redirect("dublin:section_edit", pk=embed.section_id)


@secretariat_required
def recommendation_add(request, report_pk):
    report = get_object_or_404(CountryReport, pk=report_pk)
    editing.ensure_editable(report)
    form = NewRecommendationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        recommendation = editing.add_recommendation(report, form.cleaned_data["text"], request.user)
        messages.success(request, _("Recommendation %(number)s added.") % {"number": recommendation.number})
        return redirect(f"{report.get_absolute_url()}#recommendations-{report.pk}")
    return form_page(request, form, _("Add a recommendation"), report.get_absolute_url())


@secretariat_required
def recommendation_edit(request, pk):
    recommendation = get_object_or_404(Recommendation.objects.select_related("report"), pk=pk)
    report = recommendation.report
    editing.ensure_editable(report)
    form = RecommendationForm(
        request.POST or None, initial={"text": recommendation.text, "version": recommendation.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            editing.save_recommendation(
                recommendation.pk, form.cleaned_data["version"], form.cleaned_data["text"], request.user
            )
        except editing.Stale as stale:
            form = RecommendationForm(initial={"text": form.cleaned_data["text"], "version": stale.current.version})
            return form_page(
                request,
                form,
                _("Recommendation %(number)s") % {"number": recommendation.number},
                report.get_absolute_url(),
                status=409,
                theirs=stale.current.text,
            )
        messages.success(request, _("Recommendation saved."))
        return redirect(f"{report.get_absolute_url()}#recommendations-{report.pk}")
    return form_page(
        request,
        form,
        _("Recommendation %(number)s") % {"number": recommendation.number},
        report.get_absolute_url(),
        rich=True,
    )


@require_POST
@secretariat_required
def recommendation_delete(request, pk):
    recommendation = get_object_or_404(Recommendation.objects.select_related("report"), pk=pk)
    try:
        editing.delete_recommendation(recommendation, request.user)
    except ValueError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Recommendation deleted; the later ones moved up a number."))
    return redirect(f"{recommendation.report.get_absolute_url()}#recommendations-{recommendation.report_id}")


@secretariat_required
def follow_up_edit(request, pk):
    follow_up = get_object_or_404(FollowUp.objects.select_related("report", "recommendation"), pk=pk)
    report = follow_up.report
    editing.ensure_editable(report)
    form = FollowUpForm(
        request.POST or None,
        initial={"status": follow_up.status, "comment": follow_up.comment, "version": follow_up.version},
    )
    title = _("Progress on recommendation %(number)s of %(year)s") % {
        "number": follow_up.recommendation.number,
        "year": follow_up.recommendation.report.year,
    }
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            editing.save_follow_up(follow_up.pk, data["version"], data["status"], data["comment"], request.user)
        except editing.Stale as stale:
            form = FollowUpForm(initial={**data, "version": stale.current.version})
            return form_page(request, form, title, report.get_absolute_url(), status=409, theirs=stale.current.comment)
        messages.success(request, _("Progress saved."))
        return redirect(f"{report.get_absolute_url()}#follow-up")
    return form_page(request, form, title, report.get_absolute_url())
