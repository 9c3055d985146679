"""The seizure tables as members read them: the overview, a country's table, its trends and charts."""

import hashlib

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from idswg.roles import is_secretariat, member_required

from ..charts import trend_svg
from ..models import Country, Measure
from ..reported_trends import trends_beside
from ..tables import country_table, overview


@member_required
def index(request):
    return render(request, "seizures/index.html", {"countries": overview(), "can_edit": is_secretariat(request.user)})


@member_required
def table(request, slug):
    country = get_object_or_404(Country, slug=slug)
    data = country_table(country)
    return render(
        request,
        "seizures/table.html",
        {
            "country": country,
            "table": data,
            "countries": Country.objects.all(),
            "can_edit": is_secretariat(request.user),
            "charts": _charts(data),
            **trends_beside(country, data),
        },
    )


@member_required
def trends(request, slug):
    country = get_object_or_404(Country, slug=slug)
    data = country_table(country)
    return render(
        request,
        "seizures/trends.html",
        {"country": country, "table": data, "countries": Country.objects.all(), **trends_beside(country, data)},
    )


def _charts(data):
    """One chart per column; the URL carries a digest of the column so a changed series is not cached."""
    charts = []
    if not data["rows"]:  # a new table: empty axes would say nothing
        return charts
    for index, column in enumerate(data["columns"]):
        points = [(row["year"], row["cells"][index]["value"], row["period_months"]) for row in data["rows"]]
        reported = [year for year, value, _m in points if value is not None]
        digest = hashlib.sha256(repr(points).encode()).hexdigest()[:12]
        charts.append(
            {
                "column": column,
                "version": digest,
                "alt": _("%(measure)s in %(country)s, %(first)s–%(last)s")
                % {
                    "measure": column["label"],
                    "country": data["country"],
                    "first": min(reported, default=""),
                    "last": max(reported, default=""),
                },
            }
        )
    return charts


@member_required
def charts(request, slug):
    """The block of charts (reloaded by HTMX after a row is saved)."""
    country = get_object_or_404(Country, slug=slug)
    return render(request, "seizures/_charts.html", {"country": country, "charts": _charts(country_table(country))})


@member_required
def chart(request, slug, measure):
    country = get_object_or_404(Country, slug=slug)
    measure = get_object_or_404(Measure, slug=measure)
    response = HttpResponse(trend_svg(country, measure), content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=3600" if request.GET.get("v") else "no-cache"
    return response
