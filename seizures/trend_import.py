"""Importing a reported trend table (drug by year, ↑ ↓ ↔ •): what it adds and changes, and writing it.

The file is read like a seizure table (``import_cells`` recognises the arrows); the
preview and the lock are the same as for figures (``import_plan``), only the rows
written are ``ReportedTrend`` rows of the country's ``ReportedTrendTable``, created
with the source and legend found under the table when the country has none yet.
"""

from django.utils import timezone

from .models import Country, Measure, ReportedTrend, ReportedTrendTable
from .trends import NOT_REPORTED, SYMBOLS


def plan_trends(batch, result):
    """Fill ``result`` (an ``import_plan.Plan``) with the trends the batch adds and changes."""
    cells = batch.rows
    existing = {
        (t.table.country_id, t.measure_id, t.year): t
        for t in ReportedTrend.objects.filter(table__country_id__in={c["country"] for c in cells}).select_related(
            "table"
        )
    }
    names = dict(Country.objects.filter(pk__in={c["country"] for c in cells}).values_list("pk", "name"))
    labels = {m.pk: m.name for m in Measure.objects.filter(pk__in={c["measure"] for c in cells})}
    shown = _shown(existing)
    for cell in cells:
        before = existing.get((cell["country"], cell["measure"], cell["year"]))
        direction = cell["direction"]
        if before is not None and (before.direction, before.footnote, before.period_months) == (
            direction,
            cell["footnote"],
            cell["months"],
        ):
            result.unchanged += 1
            continue
        if before is None and direction == NOT_REPORTED and not cell["footnote"] and _is_shown(shown, cell):
            result.unchanged += 1  # the table already shows “•” there: a drug and a year it has, no trend given
            continue
        item = {
            "row": cell["row"],
            "col": cell["col"],
            "key": f"{cell['country']}-{cell['measure']}-{cell['year']}",
            "country": names.get(cell["country"], ""),
            "measure": labels.get(cell["measure"], ""),
            "year": cell["year"],
            "months": cell["months"],
            "before": None if before is None else before.direction,
            "before_text": "" if before is None else SYMBOLS[before.direction],
            "value": direction,
            "text": SYMBOLS[direction],
            "flag": "",
        }
        (result.additions if before is None else result.changes).append(item)
        result.ready.append((cell, direction))
    return result


def _shown(existing):
    """The drugs and the years each country's reported trend table shows now."""
    shown = {}
    for country_id, measure_id, year in existing:
        drugs, years = shown.setdefault(country_id, (set(), set()))
        drugs.add(measure_id)
        years.add(year)
    return shown


def _is_shown(shown, cell):
    drugs, years = shown.get(cell["country"], ((), ()))
    return cell["measure"] in drugs and cell["year"] in years


def apply_trends(batch, result, user):
    """Write the planned trends (the caller holds the lock on the countries and the transaction)."""
    now = timezone.now()
    tables = {}
    for country_id in {cell["country"] for cell, _direction in result.ready}:
        tables[country_id], _created = ReportedTrendTable.objects.get_or_create(
            country_id=country_id,
            defaults={
                "title": batch.summary.get("title", "")[:200],
                "source": batch.summary.get("source", ""),
                "legend": batch.summary.get("legend", "")[:300],
                "footnotes": batch.summary.get("footnotes", ""),
            },
        )
    for cell, direction in result.ready:
        trend, _created = ReportedTrend.objects.get_or_create(
            table=tables[cell["country"]],
            measure_id=cell["measure"],
            year=cell["year"],
            defaults={"direction": direction},
        )
        trend.direction = direction
        trend.period_months = cell["months"]
        trend.footnote = cell["footnote"]
        trend.entered_by = user
        trend.entered_at = now
        trend.save()
