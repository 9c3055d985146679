"""Year-to-year trends (increase, decrease, stable, not reported), as the regional reports show them.

“Stable” means the value moved by at most 5 % of the previous year's value, either way.
From zero to zero is stable, from zero to anything more is an increase. When either year
was not reported there is no trend: “not reported”. A partial year (“first 6 months”)
is compared as it is, and the cell says so.
"""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

STABLE_BAND = Decimal("0.05")

INCREASE, DECREASE, STABLE, NOT_REPORTED = "increase", "decrease", "stable", "not_reported"
SYMBOLS = {INCREASE: "↑", DECREASE: "↓", STABLE: "↔", NOT_REPORTED: "•"}
LABELS = {
    INCREASE: gettext_lazy("Increase"),
    DECREASE: gettext_lazy("Decrease"),
    STABLE: gettext_lazy("Stable (within ±5 %)"),
    NOT_REPORTED: gettext_lazy("Not reported"),
}


def trend(previous, current):
    """One of INCREASE, DECREASE, STABLE, NOT_REPORTED for two consecutive values (Decimal or None)."""
    if previous is None or current is None:
        return NOT_REPORTED
    if previous == 0:
        return STABLE if current == 0 else INCREASE
    change = (current - previous) / previous
    if abs(change) <= STABLE_BAND:
        return STABLE
    return INCREASE if change > 0 else DECREASE


def trend_table(table):
    """The trends of a ``tables.country_table`` result: measures as rows, years as columns.

    Returns ``{"years": [...], "rows": [{"label", "cells": [{"trend", "symbol", "label",
    "change" (percent or None), "partial"}]}], "legend": [(symbol, label), ...]}``.
    Each year is compared with the year before it in the table (a gap counts as not reported).
    """
    rows_by_year = {row["year"]: row for row in table["rows"]}
    years = [row["year"] for row in table["rows"]][1:]
    out = []
    for index, column in enumerate(table["columns"]):
        cells = []
        for year in years:
            before = rows_by_year.get(year - 1)
            now = rows_by_year[year]
            previous = before["cells"][index]["value"] if before else None
            current = now["cells"][index]["value"]
            kind = trend(previous, current)
            change = None
            if kind != NOT_REPORTED and previous:
                change = ((current - previous) / previous * 100).quantize(Decimal("1"))
            partial = now["partial"] or bool(before and before["partial"])
            cells.append(
                {
                    "trend": kind,
                    "symbol": SYMBOLS[kind],
                    "label": str(LABELS[kind]),
                    "change": change,
                    "partial": partial and kind != NOT_REPORTED,
                }
            )
        out.append({"measure_id": column["id"], "label": column["label"], "cells": cells})
    return {
        "years": years,
        "rows": out,
        "legend": [(SYMBOLS[k], str(LABELS[k])) for k in (INCREASE, DECREASE, STABLE, NOT_REPORTED)],
        "partial_note": _("* compares part of a year with a full year")
        if any(cell["partial"] for row in out for cell in row["cells"])
        else "",
    }
