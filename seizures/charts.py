"""Trend charts of seizure series, drawn on the server with matplotlib as SVG.

The same SVG goes into the table page and the PDF briefings. Text stays text
(``svg.fonttype = "none"``), so the PDF's labels are searchable; the font family named
(DejaVu Sans, then Phetsarath OT or Noto Sans Lao where installed) covers Lao script.
"""

import functools
import hashlib
import io
from decimal import Decimal

from django.db.models import Max, Min
from django.utils.translation import gettext as _

from .models import FULL_YEAR, SeizureValue
from .numbers import grouped

LAO_FONTS = ("Phetsarath OT", "Noto Sans Lao")
COLOUR = "#1f4e79"


def load_matplotlib():
    """Import matplotlib (64 MiB, 0.6 s) on first use, not when Django starts: a web worker that
    draws no chart never pays for it; the Celery worker calls this at start-up (idswg/celery.py)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.figure
    import matplotlib.ticker

    return matplotlib


def _font_family():
    from matplotlib.font_manager import fontManager

    installed = {font.name for font in fontManager.ttflist}
    # Latin from DejaVu Sans; matplotlib falls back to the next family for Lao glyphs.
    return ["DejaVu Sans"] + [name for name in LAO_FONTS if name in installed]


def trend_svg(country, measure):
    """The trend chart of ``measure`` in ``country`` as an SVG document (a ``str``).

    The x axis spans the years of the country's table. One point per reported year,
    joined by a line; a year not reported is a gap (never zero); a partial year is drawn
    as a hollow point and labelled “(6 m)”. Call it from
    anywhere (e.g. the PDF briefing): it reads the values itself in one query.
    """
    values = {
        v.year: v
        for v in SeizureValue.objects.filter(country=country, measure=measure).only("year", "value", "period_months")
    }
    # The table's years, so every chart of a country spans the same years (two queries in all).
    span = SeizureValue.objects.filter(country=country).aggregate(first=Min("year"), last=Max("year"))
    years = range(span["first"], span["last"] + 1) if span["first"] else []
    points = tuple(
        (year, values[year].value, values[year].period_months) if year in values else (year, None, FULL_YEAR)
        for year in years
    )
    # The title names the drug, the axis its unit: "Methamphetamine pills", not "... pills (pills)".
    return render_svg(
        str(country), measure.name, measure.unit, points, _("(%(months)s m)"), _("off the scale: %(value)s")
    )


def charts_of(table):
    """The charts a table page shows: one per column of ``table`` (``tables.country_table``).

    Each holds its column, an alternative text and a ``version``, a digest of the column's
    points that goes into the chart's URL so a changed series is never served from a cache.
    A table without rows gets none: empty axes would say nothing.
    """
    charts = []
    if not table["rows"]:
        return charts
    for index, column in enumerate(table["columns"]):
        points = [(row["year"], row["cells"][index]["value"], row["period_months"]) for row in table["rows"]]
        reported = [year for year, value, _m in points if value is not None]
        charts.append(
            {
                "column": column,
                "version": hashlib.sha256(repr(points).encode()).hexdigest()[:12],
                "alt": _("%(measure)s in %(country)s, %(first)s–%(last)s")
                % {
                    "measure": column["label"],
                    "country": table["country"],
                    "first": min(reported, default=""),
                    "last": max(reported, default=""),
                },
            }
        )
    return charts


@functools.lru_cache(maxsize=256)
def render_svg(title, y_label, unit, points, partial_label="(%(months)s m)", outlier_label="%(value)s"):
    """Draw ``points`` ((year, Decimal or None, months), ...) into an SVG string; cached by its inputs.

    ``partial_label`` labels a partial year, ``outlier_label`` a value drawn off the scale
    (translated by the caller, so the cache key holds the language).

    Sized as printed (a third of a landscape A4 page), so its 8-9 pt labels print at 8-9 pt;
    text stays text in the SVG (``svg.fonttype: none``) and WeasyPrint sets it with the
    document's fonts, so the PDF's labels are searchable.

    One value far above the others (462,988 kg of cannabis when the other years hold a few
    thousand) would flatten every other point to the axis: the axis stops above the others
    and the outlier is drawn at its top as an arrow with its value written beside it.
    """
    matplotlib = load_matplotlib()
    figure = matplotlib.figure.Figure(figsize=(3.4, 2.3), dpi=100)
    figure.set_layout_engine("constrained")
    axes = figure.add_subplot()
    fonts = {"family": _font_family()}
    years = [year for year, _value, _months in points]
    segments, current = [], []
    for year, value, _months in points:
        if value is None or (current and year != current[-1][0] + 1):
            if current:
                segments.append(current)
            current = []
        if value is not None:
            current.append((year, float(value)))
    if current:
        segments.append(current)
    ceiling, outliers = _scale([float(v) for _y, v, _m in points if v is not None])
    segments = [[(y, min(v, ceiling)) for y, v in segment] for segment in segments]
    for segment in segments:
        axes.plot([y for y, _v in segment], [v for _y, v in segment], color=COLOUR, linewidth=1.6)
    full = [(y, float(v)) for y, v, m in points if v is not None and m >= FULL_YEAR and float(v) not in outliers]
    partial = [(y, float(v), m) for y, v, m in points if v is not None and m < FULL_YEAR and float(v) not in outliers]
    for year, value, _months in points:
        if value is not None and float(value) in outliers:
            axes.plot([year], [ceiling], "^", color="#b02020", markersize=6, gid=f"year-{year}", clip_on=False)
            axes.annotate(outlier_label % {"value": grouped(value.normalize())}, (year, ceiling),
                          textcoords="offset points", xytext=(0, -11), ha="center", fontsize=8, color="#b02020",
                          fontfamily=fonts["family"])  # fmt: skip
    for year, value in full:
        # The gid names the point in the SVG (``<g id="year-2017">``), for tests and screen readers' tools.
        axes.plot([year], [value], "o", color=COLOUR, markersize=4, gid=f"year-{year}")
    for year, value, months in partial:
        axes.plot(
            [year], [value], "o", markerfacecolor="white", markeredgecolor=COLOUR, markersize=5, gid=f"year-{year}"
        )
        label = partial_label % {"months": months}
        axes.annotate(label, (year, value), textcoords="offset points", xytext=(0, 6), ha="center",
                      fontsize=8, fontfamily=fonts["family"])  # fmt: skip
    if not any(v is not None for _y, v, _m in points):
        axes.text(0.5, 0.5, "—", transform=axes.transAxes, ha="center", va="center", fontfamily=fonts["family"])
    axes.set_title(f"{title}: {y_label}", fontsize=9, loc="left", fontfamily=fonts["family"])
    axes.set_ylabel(unit, fontsize=8, fontfamily=fonts["family"])
    axes.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True, nbins=8))
    axes.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda value, _pos: _tick(value)))
    if years:
        axes.set_xlim(min(years) - 0.5, max(years) + 0.5)
    axes.set_ylim(bottom=0, top=ceiling * 1.08 if outliers else None)
    axes.tick_params(labelsize=8)
    for label in axes.get_xticklabels() + axes.get_yticklabels():
        label.set_fontfamily(fonts["family"])
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "idswg-seizures"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Title": f"{title}: {y_label}"})
    return buffer.getvalue()


def _scale(values):
    """``(ceiling, outliers)``: where the y axis stops, and the values drawn off the scale above it.

    The largest value is off the scale when it is more than ten times the next largest (and
    there are at least three values to compare); the axis then stops a quarter above that next one.
    """
    ordered = sorted(values, reverse=True)
    if len(ordered) < 3 or ordered[1] <= 0 or ordered[0] <= 10 * ordered[1]:
        return (ordered[0] if ordered else 0) or 1, frozenset()
    return ordered[1] * 1.25, frozenset(ordered[:1])


def _tick(value):
    return grouped(Decimal(str(round(float(value), 4))).normalize()) if value >= 0 else ""
