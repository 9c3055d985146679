"""The row grid: the secretariat edits a year's row in place (HTMX); members read a row and its history."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django_htmx.http import reswap, retarget, trigger_client_event

from idswg.roles import is_secretariat, member_required, secretariat_required

from .. import entry
from ..models import Country, SeizureValue, TableColumn
from ..tables import country_table

# The table page reloads its charts and its count of questioned values on this event.
CHANGED_EVENT = "seizures-changed"


def _columns(country):
    return [c.measure for c in TableColumn.objects.filter(country=country).select_related("measure")]


def _row_context(country, year, request):
    data = country_table(country)
    row = next((r for r in data["rows"] if r["year"] == year), None)
    if row is None:
        raise Http404(_("No such year in this table."))
    return {"country": country, "table": data, "row": row, "can_edit": is_secretariat(request.user)}


@member_required
def row(request, slug, year):
    """One row as displayed (what “Cancel” in the grid goes back to)."""
    country = get_object_or_404(Country, slug=slug)
    return render(request, "seizures/_row.html", _row_context(country, year, request))


@secretariat_required
def row_edit(request, slug, year):
    """The grid: GET shows a year's row as inputs, POST saves it and shows the row again."""
    country = get_object_or_404(Country, slug=slug)
    if not SeizureValue.objects.filter(country=country, year=year).exists():
        raise Http404(_("No such year in this table: add it at the foot of the table."))
    columns = _columns(country)
    if request.method == "POST":
        check = entry.check_row(country, columns, request.POST, year=year)
        if check.ok:
            try:
                entry.save_row(country, check, request.user)
            except entry.RowChanged:
                check.errors["row"] = entry.changed_meanwhile([])
            else:
                # The row, and out of band the count of questioned values above the table.
                response = render(request, "seizures/_row_saved.html", _row_context(country, year, request))
                return trigger_client_event(response, CHANGED_EVENT)
    else:
        check = None
    values = {v.measure_id: v for v in SeizureValue.objects.filter(country=country, year=year)}
    return render(request, "seizures/_row_form.html", entry.row_form(country, columns, check, year, values))


@secretariat_required
def row_new(request, slug):
    """A new year: the form row at the foot of the table; once saved the whole table is shown again."""
    country = get_object_or_404(Country, slug=slug)
    columns = _columns(country)
    check = None
    if request.GET.get("closed"):
        return render(
            request,
            "seizures/_new_row_button.html",
            {"country": country, "table": {"columns": columns}},
        )
    if request.method == "POST":
        check = entry.check_row(country, columns, request.POST, year=None)
        saved = False
        if check.ok:
            try:
                entry.save_row(country, check, request.user)
                saved = True
            except entry.RowChanged:  # someone added the same year a moment ago
                check.errors["year"] = _("%(year)s is already in the table: edit its row.") % {"year": check.year}
        if saved:
            data = country_table(country)
            response = render(request, "seizures/_table.html", {"country": country, "table": data, "can_edit": True})
            return trigger_client_event(response, CHANGED_EVENT)
    response = render(request, "seizures/_row_form.html", entry.row_form(country, columns, check, None))
    if check is not None:
        response = reswap(retarget(response, "#row-new"), "outerHTML")
    return response


@member_required
def history(request, slug, year):
    """Every change to a year's values: who, when, what (django-simple-history)."""
    country = get_object_or_404(Country, slug=slug)
    records = (
        SeizureValue.history.filter(country=country, year=year)
        .select_related("measure", "history_user")
        .order_by("-history_date")
    )
    return render(request, "seizures/_history.html", {"country": country, "year": year, "records": records})
