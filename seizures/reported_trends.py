"""A country's *reported* trend table (as its source prints it) and where it disagrees with the figures.

The regional reports print trend tables of their own (Cambodia's drug use trends
2011-2016: ↑ ↓ ↔ •). Those arrows are the source's judgement and are kept as such
(``ReportedTrend``); the portal's year-on-year trends are computed from the seizure
figures (``seizures.trends``) and always labelled as computed. Where both exist for a
drug and a year and differ, ``disagreements`` lists them so the page can say so.
"""

from django.utils.translation import gettext as _

from .models import FULL_YEAR, ReportedTrend, ReportedTrendTable
from .trends import LABELS, NOT_REPORTED, SYMBOLS

DIRECTIONS = (ReportedTrend.Direction.INCREASE, ReportedTrend.Direction.DECREASE, ReportedTrend.Direction.STABLE)

# What the reports and partners' files write in a trend cell, and what it means.
WRITTEN = {
    "↑": "increase",
    "⬆": "increase",
    "increase": "increase",
    "up": "increase",
    "+": "increase",
    "↓": "decrease",
    "⬇": "decrease",
    "decrease": "decrease",
    "down": "decrease",
    "↔": "stable",
    "⟷": "stable",
    "=": "stable",
    "stable": "stable",
    "•": "not_reported",
    "·": "not_reported",
    "not reported": "not_reported",
    "n/a": "not_reported",
    "": "not_reported",
    "-": "not_reported",
}
DEFAULT_LEGEND = "↑ = Increase, ↓ = Decrease, ↔ = Stable, • = Not reported"


def read_direction(text):
    """The direction a trend cell writes (“↑”, “Increase”, “•” …), or None if it is not a trend."""
    return WRITTEN.get(" ".join(str(text).split()).lower())


def reported_trend_table(country):
    """The reported trend table of ``country`` as plain data, or None when the country has none (two queries).

    Returns ``{"title", "source", "legend", "footnotes", "years": [2011, ...],
    "rows": [{"measure_id", "label" (the drug), "unit", "cells": [{"year", "direction",
    "symbol", "label", "partial", "months", "footnote"}]}]}``; a year the table does not give for a
    drug is ``not_reported``. This is what the Mini-Dublin country report embeds.
    """
    table = ReportedTrendTable.objects.filter(country=country).first()
    if table is None:
        return None
    trends = list(ReportedTrend.objects.filter(table=table).select_related("measure"))
    years = sorted({trend.year for trend in trends})
    by_measure = {}
    for trend in trends:
        by_measure.setdefault(trend.measure, {})[trend.year] = trend
    rows = []
    for measure in sorted(by_measure, key=lambda m: (m.display_order, m.name)):
        cells = []
        for year in years:
            trend = by_measure[measure].get(year)
            direction = trend.direction if trend else NOT_REPORTED
            cells.append(
                {
                    "year": year,
                    "direction": direction,
                    "symbol": SYMBOLS[direction],
                    "label": str(LABELS[direction]),
                    "partial": bool(trend and trend.period_months < FULL_YEAR),
                    "months": trend.period_months if trend else FULL_YEAR,
                    "footnote": trend.footnote if trend else "",
                }
            )
        rows.append({"measure_id": measure.pk, "label": measure.name, "unit": measure.unit, "cells": cells})
    return {
        "title": table.title or _("Reported trends in %(country)s") % {"country": country.name},
        "source": table.source,
        "legend": table.legend or DEFAULT_LEGEND,
        "footnotes": table.footnotes,
        "years": years,
        "rows": rows,
    }


def disagreements(reported, computed):
    """Where a reported trend and the trend computed from the figures differ, both given for a drug and year.

    ``reported`` is a ``reported_trend_table`` result, ``computed`` a
    ``seizures.trends.trend_table`` result with ``measure_id`` on its rows. A year that
    either side leaves not reported is no disagreement. Returns a list of
    ``{"label", "year", "reported", "computed"}`` (symbols), oldest year first.
    """
    if not reported:
        return []
    found = {}
    for row in computed["rows"]:
        found[row["measure_id"]] = dict(zip(computed["years"], row["cells"], strict=True))
    out = []
    for row in reported["rows"]:
        by_year = found.get(row["measure_id"], {})
        for cell in row["cells"]:
            other = by_year.get(cell["year"])
            if other is None or NOT_REPORTED in (other["trend"], cell["direction"]):
                continue
            if other["trend"] != cell["direction"]:
                out.append(
                    {
                        "label": row["label"],
                        "year": cell["year"],
                        "reported": cell["symbol"],
                        "computed": other["symbol"],
                    }
                )
    return sorted(out, key=lambda item: (item["year"], item["label"]))


def trends_beside(country, table):
    """The reported and the computed trends of ``country`` side by side, and where they disagree.

    ``table`` is its ``country_table``. Returns ``{"reported": reported_trend_table or
    None, "computed": seizures.trends.trend_table, "disagreements": [...]}``.
    """
    from .trends import trend_table

    reported = reported_trend_table(country)
    computed = trend_table(table)
    return {"reported": reported, "computed": computed, "disagreements": disagreements(reported, computed)}
