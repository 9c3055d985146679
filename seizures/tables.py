"""A country's seizure table as plain data, the way the reports print it.

``country_table(country)`` is what the table page, the exports and the PDF briefings
(``reports``) all read, so they show the same numbers, marks and notes.
"""

from django.utils.translation import gettext as _

from .models import FULL_YEAR, SeizureValue, TableColumn
from .numbers import grouped


def country_table(country):
    """The table of ``country`` as plain data (two queries, whatever the number of years).

    Returns a dict::

        {
          "country": "Lao PDR", "slug": "lao-pdr", "title": "...", "source": "LCDC",
          "footnotes": "table-wide notes (text)",
          "columns": [{"id", "slug", "name", "unit", "label": "Heroin (kg)", "kind": "drug" or "count",
                       "mark", "footnote" (shared by the column), "source" (if not the table's)}, ...],
          "rows": [{"year": 2017, "period_months": 6, "partial": True, "mark": "*", "note": "...",
                    "note_generated" (the note says only the months: no value has it),
                    "cells": [{"measure_id", "value": Decimal or None, "text": "68.35",
                               "decimals" (shown), "reported": bool, "flag", "flag_comment", "needs_confirmation",
                               "mark", "period_months", "source", "footnote"}, ...]}, ...],
          "notes": [{"mark": "*", "text": "first 6 months for 2017"}, ...],
          "questioned": number of flagged values nobody has confirmed yet,
        }

    Years are rows (oldest first), measures are columns in the table's order. A figure
    shows the decimals its measure sets, else those it was written with (“137.50”). A cell whose
    ``value`` is None was not reported (never zero). Footnotes shared by a whole column
    are marked in its header, those shared by a whole row next to the year, the rest on
    the cell; a partial year without a footnote gets one (“first 6 months of 2017”).
    Marks are *, **, *** ... in order of appearance, as the reports print them.
    ``row["note"]`` is the text behind the row's mark. ``seizures.trends.trend_table``
    turns this dict into the trend view; ``seizures.charts.trend_svg`` draws a column.
    """
    measures = [column.measure for column in TableColumn.objects.filter(country=country).select_related("measure")]
    values = {}
    years = set()
    for item in SeizureValue.objects.filter(country=country).only(
        "measure_id",
        "year",
        "value",
        "decimals",
        "period_months",
        "source",
        "footnote",
        "flag",
        "flag_comment",
    ):
        values[(item.year, item.measure_id)] = item
        years.add(item.year)
    notes = _Notes()
    columns = []
    for measure in measures:
        in_column = [v for (y, m), v in values.items() if m == measure.pk and v.value is not None]
        shared = _shared_footnote(in_column)
        own_source = {v.source for v in in_column}
        own_source = own_source.pop() if len(own_source) == 1 else ""
        columns.append(
            {
                "id": measure.pk,
                "slug": measure.slug,
                "name": measure.name,
                "unit": measure.unit,
                "label": measure.label,
                "kind": measure.kind,
                "decimals": measure.decimals,
                "mark": notes.mark(shared),
                "footnote": shared,
                "source": own_source if own_source and own_source != country.source else "",
            }
        )
    rows = []
    for year in sorted(years):
        in_row = [values[(year, c["id"])] for c in columns if (year, c["id"]) in values]
        period = min((v.period_months for v in in_row), default=FULL_YEAR)
        # A row's note is one that all its values share, apart from those carrying their column's note.
        by_measure = {c["id"]: c["footnote"] for c in columns}
        row_note = _shared_footnote(
            [v for v in in_row if not by_measure[v.measure_id] or v.footnote != by_measure[v.measure_id]]
        )
        generated = not row_note and period < FULL_YEAR
        if generated:
            row_note = _("first %(months)s months of %(year)s") % {"months": period, "year": year}
        cells = []
        for column in columns:
            item = values.get((year, column["id"]))
            cells.append(_cell(column, item, notes, skip={column["footnote"], row_note}))
        rows.append(
            {
                "year": year,
                "period_months": period,
                "partial": period < FULL_YEAR,
                "mark": notes.mark(row_note),
                "note": row_note,
                "note_generated": generated,
                "cells": cells,
            }
        )
    return {
        "country": country.name,
        "slug": country.slug,
        "title": country.table_title or _("Seizures of illicit drugs in %(country)s") % {"country": country.name},
        "source": country.source,
        "footnotes": country.footnotes,
        "columns": columns,
        "rows": rows,
        "notes": notes.items,
        "questioned": sum(1 for row in rows for cell in row["cells"] if cell["needs_confirmation"]),
    }


def _shared_footnote(items):
    texts = {item.footnote for item in items}
    if len(texts) == 1 and len(items) > 0:
        return texts.pop()
    return ""


def _cell(column, item, notes, skip):
    if item is None:
        return {
            "measure_id": column["id"],
            "value": None,
            "text": "",
            "reported": False,
            "flag": "",
            "flag_comment": "",
            "needs_confirmation": False,
            "mark": "",
            "period_months": FULL_YEAR,
            "source": "",
            "footnote": "",
            "decimals": None,
        }
    decimals = column["decimals"] if column["decimals"] is not None else item.decimals
    return {
        "measure_id": column["id"],
        "value": item.value,
        "decimals": decimals,
        "text": grouped(item.value, decimals=decimals),
        "reported": item.value is not None,
        "flag": item.flag,
        "flag_comment": item.flag_comment,
        "needs_confirmation": item.needs_confirmation,
        "mark": "" if item.footnote in skip else notes.mark(item.footnote),
        "period_months": item.period_months,
        "source": item.source,
        "footnote": item.footnote,
    }


class _Notes:
    """Footnote texts in order of appearance, each with its mark (*, **, ***)."""

    def __init__(self):
        self.items = []
        self._marks = {}

    def mark(self, text):
        if not text:
            return ""
        if text not in self._marks:
            self._marks[text] = "*" * (len(self._marks) + 1)
            self.items.append({"mark": self._marks[text], "text": text})
        return self._marks[text]


def series(table, measure_id):
    """``{year: value}`` of one column of a ``country_table`` (None for not reported)."""
    index = [c["id"] for c in table["columns"]].index(measure_id)
    return {row["year"]: row["cells"][index]["value"] for row in table["rows"]}


def overview():
    """Every country with its first and last year and the number of values still questioned (one query)."""
    from django.db.models import Count, Max, Min, Q

    from .models import Country

    return list(
        Country.objects.annotate(
            first_year=Min("values__year"),
            last_year=Max("values__year"),
            questioned=Count("values", filter=~Q(values__flag="") & Q(values__flag_comment="")),
        ).order_by("display_order", "name")  # an aggregate drops Meta.ordering
    )
