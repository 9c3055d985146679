"""The seizures tables a country report embeds, read live from ``seizures`` for the years chosen.

Nothing is copied: each print and each page asks ``seizures.tables.country_table`` (and
``seizures.reported_trends`` for a reported-trend table) and keeps the years and the
columns the embed names, so an edit to a seizure value shows in the next print.
"""

from seizures.models import Measure
from seizures.tables import country_table

from .models import EmbeddedTable

KIND_OF_COLUMN = {EmbeddedTable.Kind.SEIZURES: Measure.Kind.DRUG, EmbeddedTable.Kind.ARRESTS: Measure.Kind.COUNT}


def _reported_trends(country):
    try:
        from seizures.reported_trends import reported_trend_table
    except ImportError:  # an older seizures without reported trends: nothing to embed
        return None
    return reported_trend_table(country)


def table_data(embed, cache=None):
    """What the templates print for ``embed``: ``{"embed", "kind", "table"}`` with years and columns cut.

    ``cache`` (a dict) lets a whole report read each country's table once.
    """
    cache = {} if cache is None else cache
    if embed.kind == EmbeddedTable.Kind.TRENDS:
        key = ("trends", embed.country_id)
        if key not in cache:
            cache[key] = _reported_trends(embed.country)
        reported = cache[key]
        if reported is None:
            return {"embed": embed, "kind": embed.kind, "table": None}
        wanted = [i for i, year in enumerate(reported["years"]) if embed.first_year <= year <= embed.last_year]
        rows = [{**row, "cells": [row["cells"][i] for i in wanted]} for row in reported["rows"]]
        table = {**reported, "years": [reported["years"][i] for i in wanted], "rows": rows}
        return {"embed": embed, "kind": embed.kind, "table": table}
    key = ("table", embed.country_id)
    if key not in cache:
        cache[key] = country_table(embed.country)
    full = cache[key]
    kind = KIND_OF_COLUMN.get(embed.kind)  # None: every column, as Lao PDR prints seizures and arrests together
    wanted = [i for i, column in enumerate(full["columns"]) if kind is None or column["kind"] == kind]
    rows = [
        {**row, "cells": [row["cells"][i] for i in wanted]}
        for row in full["rows"]
        if embed.first_year <= row["year"] <= embed.last_year
    ]
    # Keep only the notes whose marks are still printed, in their order.
    marks = {c["mark"] for i, c in enumerate(full["columns"]) if i in wanted}
    marks |= {row["mark"] for row in rows} | {cell["mark"] for row in rows for cell in row["cells"]}
    table = {
        **full,
        "title": embed.caption or full["title"],
        "columns": [full["columns"][i] for i in wanted],
        "rows": rows,
        "notes": [note for note in full["notes"] if note["mark"] in marks],
    }
    return {"embed": embed, "kind": embed.kind, "table": table}
