"""The seizure tables as members read them: the overview, a country's table, its trends and charts."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from idswg.fragments import fragment_or_redirect
from idswg.roles import is_secretariat, member_required

from ..charts import charts_of, trend_svg
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
            "charts": charts_of(data),
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


@member_required
def charts(request, slug):
    """The block of charts (reloaded by HTMX after a row is saved)."""
    country = get_object_or_404(Country, slug=slug)
    context = {"country": country, "charts": charts_of(country_table(country))}
    page = reverse("seizures:table", args=[country.slug]) + "#charts"
    return fragment_or_redirect(request, "seizures/_charts.html", context, page)


@member_required
def chart(request, slug, measure):
    country = get_object_or_404(Country, slug=slug)
    measure = get_object_or_404(Measure, slug=measure)
    response = HttpResponse(trend_svg(country, measure), content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=3600" if request.GET.get("v") else "no-cache"
    return response
