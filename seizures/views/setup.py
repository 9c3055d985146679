"""Pages where the secretariat sets up tables: a new country's table, its columns, a new measure.

The work is done in ``table_setup.py``; these views read the form and show the result.
"""

from urllib.parse import parse_qsl, urlsplit, urlunsplit

from django.contrib import messages
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

from idswg.roles import secretariat_required

from .. import table_setup, trend_entry
from ..forms import UNIT_SUGGESTIONS, MeasureForm, TableForm, held_message
from ..models import Country


def _proposed(request):
    """The measure id in ``?measure=`` (set when a new measure was created from a table page), or None."""
    text = request.GET.get("measure", "")
    return int(text) if text.isdigit() and len(text) < 10 else None


def _back_to(target, measure):
    """Where to go once ``measure`` is created: back to ``target``, with the measure offered if it is a table page."""
    parts = urlsplit(target)
    try:
        match = resolve(parts.path)
    except Resolver404:
        return target
    if match.view_name not in {"seizures:table_new", "seizures:table_edit"}:
        return target
    query = urlencode([*((k, v) for k, v in parse_qsl(parts.query) if k != "measure"), ("measure", measure.pk)])
    return urlunsplit(parts._replace(query=query))


def _fields(form):
    return {key: form.cleaned_data[key] for key in ("name", "table_title", "source", "footnotes")}


@secretariat_required
def table_new(request):
    """A new country's table; ``?name=`` fills in the country (from an import's “Unknown country”)."""
    form = TableForm(
        request.POST or None, initial={"name": request.GET.get("name", "")[:100]}, propose=_proposed(request)
    )
    if request.method == "POST" and form.is_valid():
        try:
            country = table_setup.create_table(measure_ids=form.cleaned_data["measure_ids"], **_fields(form))
        except IntegrityError:  # the same country created by someone else a moment ago
            form.add_error("name", _("A table for “%(name)s” already exists.") % {"name": form.cleaned_data["name"]})
            return render(request, "seizures/table_form.html", {"form": form, "country": None})
        messages.success(request, _("The table for %(country)s is ready.") % {"country": country.name})
        return redirect(country)
    return render(request, "seizures/table_form.html", {"form": form, "country": None})


@secretariat_required
def table_edit(request, slug):
    country = get_object_or_404(Country, slug=slug)
    form = TableForm(request.POST or None, country=country, propose=_proposed(request))
    if request.method == "POST" and form.is_valid():
        try:
            table_setup.update_table(country.pk, measure_ids=form.cleaned_data["measure_ids"], **_fields(form))
        except IntegrityError:  # another country renamed to this name a moment ago
            form.add_error("name", _("A table for “%(name)s” already exists.") % {"name": form.cleaned_data["name"]})
        except table_setup.ColumnsHoldValues as refusal:  # values entered while the form was open
            for measure_id, label, years in refusal.columns:
                form.held_ids.add(measure_id)
                form.add_error(None, held_message(label, years))
        else:
            messages.success(request, _("The table for %(country)s is saved.") % {"country": form.cleaned_data["name"]})
            return redirect(country)
    return render(request, "seizures/table_form.html", {"form": form, "country": country})


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return ""


@secretariat_required
def measure_new(request):
    """A new measure; ``?name=&unit=`` fill it in, ``?next=`` is where to go back once it is created."""
    initial = {
        "name": request.GET.get("name", "")[:100],
        "unit": request.GET.get("unit", "")[:40],
        "display_order": table_setup.next_measure_order(),
    }
    form = MeasureForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            measure = table_setup.create_measure(
                data["name"], data["unit"], data["kind"], data["display_order"], data["decimals"]
            )
        except IntegrityError:  # the same measure created by someone else a moment ago
            form.add_error("name", _("“%(name)s (%(unit)s)” already exists.") % data)
        else:
            target = _next(request)
            back = _back_to(target, measure) if target else ""
            if back and back != target:
                text = _("The measure %(measure)s is ready and ticked below: save the table to add the column.")
            else:
                text = _("The measure %(measure)s is ready.")
            messages.success(request, text % {"measure": measure.label})
            return redirect(back or "seizures:index")
    return render(
        request, "seizures/measure_form.html", {"form": form, "next": _next(request), "units": UNIT_SUGGESTIONS}
    )


@secretariat_required
def reported_trends_edit(request, slug):
    """The country's reported trend table typed by hand (drug by year); “Show these years” only redraws the grid."""
    country = get_object_or_404(Country, slug=slug)
    grid = trend_entry.trend_grid(country, request.POST if request.method == "POST" else None)
    if request.method == "POST" and grid.ok and "show" not in request.POST:
        count = trend_entry.save_trend_grid(country, grid, request.user)
        messages.success(request, _("Reported trends saved: %(n)s trends.") % {"n": count})
        return redirect(country)
    return render(
        request,
        "seizures/reported_trends_form.html",
        {"country": country, "grid": grid, "choices": trend_entry.choices()},
    )
