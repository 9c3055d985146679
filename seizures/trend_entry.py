"""Entering a reported trend table by hand, as the source prints it: a grid of drugs by years.

``trend_grid`` is what the page shows (the table's drugs, its years, the current
directions, or what was posted with its errors); ``save_trend_grid`` writes the whole
grid in one transaction or nothing, so a mistyped year or trend changes nothing.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from .models import Measure, ReportedTrend, ReportedTrendTable
from .reported_trends import DEFAULT_LEGEND
from .trends import LABELS, SYMBOLS

DIRECTIONS = [value for value, _label in ReportedTrend.Direction.choices]
MAX_YEARS = 30


@dataclass
class TrendGrid:
    """The grid of the page: ``rows`` of ``(measure, [(year, field name, direction)])`` and the errors."""

    years: list
    rows: list
    fields: dict
    errors: dict = field(default_factory=dict)

    @property
    def ok(self):
        return not self.errors


def choices():
    """The options of a trend cell: blank (no trend given), then ↑ ↓ ↔ • with their names."""
    return [("", "–")] + [(d, f"{SYMBOLS[d]} {LABELS[d]}") for d in DIRECTIONS]


def _year(text):
    text = str(text or "").strip()
    return int(text) if text.isdigit() and 1900 <= int(text) <= 2200 else None


def trend_grid(country, data=None):
    """The grid for ``country``: its reported trends, or ``data`` (a posted form) checked, errors by field."""
    table = ReportedTrendTable.objects.filter(country=country).first()
    stored = {(t.measure_id, t.year): t.direction for t in ReportedTrend.objects.filter(table=table)} if table else {}
    column_ids = list(country.columns.values_list("measure_id", flat=True))
    ids = column_ids + [m for m, _y in stored if m not in column_ids]
    by_id = Measure.objects.in_bulk(ids)
    measures = [by_id[i] for i in dict.fromkeys(ids) if i in by_id]
    years = sorted({y for _m, y in stored}) or sorted(set(country.values.values_list("year", flat=True)))
    values = {
        "title": table.title if table else "",
        "source": table.source if table else "",
        "legend": table.legend if table else DEFAULT_LEGEND,
        "first_year": str(years[0]) if years else "",
        "last_year": str(years[-1]) if years else "",
    }
    errors = {}
    if data is not None:
        values = {key: str(data.get(key, "")).strip() for key in values}
        first, last = _year(values["first_year"]), _year(values["last_year"])
        if first is None or last is None or not 0 <= last - first < MAX_YEARS:
            errors["years"] = _("Give the first and the last year (at most %(n)s years).") % {"n": MAX_YEARS}
        else:
            years = list(range(first, last + 1))
    rows = []
    for measure in measures:
        cells = []
        for year in years:
            name = f"trend-{measure.pk}-{year}"
            direction = stored.get((measure.pk, year), "") if data is None else str(data.get(name, ""))
            if direction and direction not in DIRECTIONS:
                errors[name] = _("Choose a trend from the list.")
            cells.append((year, name, direction))
        rows.append((measure, cells))
    return TrendGrid(years=years, rows=rows, fields=values, errors=errors)


@transaction.atomic
def save_trend_grid(country, grid, user):
    """Write ``grid`` (checked, ``ok``) as the country's reported trend table; returns the number of trends."""
    assert grid.ok, "save_trend_grid needs a grid without errors"
    country.__class__.objects.select_for_update().filter(pk=country.pk).first()
    table, _created = ReportedTrendTable.objects.get_or_create(country=country)
    table.title = grid.fields["title"][:200]
    table.source = grid.fields["source"]
    table.legend = grid.fields["legend"][:300]
    table.save()
    given = {(measure.pk, year): direction for measure, cells in grid.rows for year, _name, direction in cells}
    ReportedTrend.objects.filter(table=table).exclude(year__in=grid.years).delete()
    count = 0
    for (measure_id, year), direction in given.items():
        if not direction:
            ReportedTrend.objects.filter(table=table, measure_id=measure_id, year=year).delete()
            continue
        ReportedTrend.objects.update_or_create(
            table=table, measure_id=measure_id, year=year, defaults={"direction": direction, "entered_by": user}
        )
        count += 1
    return count
