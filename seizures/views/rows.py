"""The row grid: the secretariat edits a year's row in place (HTMX); members read a row and its history."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django_htmx.http import reswap, retarget, trigger_client_event

from idswg.fragments import fragment_or_page, fragment_or_redirect
from idswg.roles import is_secretariat, member_required, secretariat_required

from .. import entry
from ..models import Country, SeizureValue, TableColumn
from ..tables import country_table

# The table page reloads its charts and its count of questioned values on this event.
CHANGED_EVENT = "seizures-changed"


def _table_url(country, anchor):
    """Where a row's fragment belongs: its place in the country's table page."""
    return reverse("seizures:table", args=[country.slug]) + f"#{anchor}"


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
    context = _row_context(country, year, request)
    return fragment_or_redirect(request, "seizures/_row.html", context, _table_url(country, f"row-{year}"))


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
    context = entry.row_form(country, columns, check, year, values)
    if check is None:  # the editor in place of the row, asked for by the row's Edit button
        return fragment_or_redirect(request, "seizures/_row_form.html", context, _table_url(country, f"row-{year}"))
    return render(request, "seizures/_row_form.html", context)


@secretariat_required
def row_new(request, slug):
    """A new year: the form row at the foot of the table; once saved the whole table is shown again."""
    country = get_object_or_404(Country, slug=slug)
    columns = _columns(country)
    check = None
    if request.GET.get("closed"):
        context = {"country": country, "table": {"columns": columns}}
        return fragment_or_redirect(request, "seizures/_new_row_button.html", context, _table_url(country, "row-new"))
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
    context = entry.row_form(country, columns, check, None)
    if check is None:  # the empty form row, asked for by “Add a year”
        return fragment_or_redirect(request, "seizures/_row_form.html", context, _table_url(country, "row-new"))
    return reswap(retarget(render(request, "seizures/_row_form.html", context), "#row-new"), "outerHTML")


@member_required
def history(request, slug, year):
    """Every change to a year's values: who, when, what (django-simple-history)."""
    country = get_object_or_404(Country, slug=slug)
    records = (
        SeizureValue.history.filter(country=country, year=year)
        .select_related("measure", "history_user")
        .order_by("-history_date")
    )
    context = {"country": country, "year": year, "records": records}
    title = _("History of %(year)s in %(country)s") % {"year": year, "country": country.name}
    back = (_table_url(country, f"row-{year}"), _("Back to the table"))
    return fragment_or_page(request, "seizures/_history.html", context, title, back=back)
