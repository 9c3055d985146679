"""A country's seizure table with its trend charts, as a printable document (see ``idswg.documents``)."""

import base64

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from idswg.documents import Document, register
from idswg.roles import ANY_ROLE, has_role

from .charts import trend_svg
from .models import Country
from .reported_trends import trends_beside
from .tables import country_table


def table_with_charts(country, draw_charts=True):
    """What the print templates show of ``country``: its table (``country_table``) and a chart per measure.

    The briefing in ``reports`` uses this too, so a country prints the same alone and bound in.
    A measure never reported gets no chart. With ``draw_charts=False`` each chart is left
    empty (its label kept): what a fingerprint needs, since a chart is drawn from the
    column's numbers, which the table already holds.
    """
    table = country_table(country)
    measures = {column.measure_id: column.measure for column in country.columns.select_related("measure")}
    charts = []
    for index, column in enumerate(table["columns"]):
        if any(row["cells"][index]["reported"] for row in table["rows"]):
            if not draw_charts:
                charts.append({"label": column["label"], "src": ""})
                continue
            svg = trend_svg(country, measures[column["id"]]).encode()
            # As an image, not inline: each SVG keeps its own ids and styles.
            charts.append(
                {"label": column["label"], "src": "data:image/svg+xml;base64," + base64.b64encode(svg).decode()}
            )
    beside = trends_beside(country, table)
    return {
        "country": country,
        "table": table,
        "charts": charts,
        "reported": beside["reported"],
        "disagreements": beside["disagreements"],
    }


def table_title(country):
    return country.table_title or _("Seizures of illicit drugs in %(country)s") % {"country": country.name}


@register
class SeizureTable(Document):
    key = "seizure-table"
    label = gettext_lazy("Seizure table")
    model = Country
    template_name = "seizures/pdf/country_table.html"
    landscape = True

    def title(self, obj):
        return table_title(obj)

    def filename(self, obj):
        return f"seizures-{obj.slug}.pdf"

    def context(self, obj):
        return table_with_charts(obj)

    def fingerprint_context(self, obj):
        return table_with_charts(obj, draw_charts=False)

    def can_download(self, user, obj):
        """Members read the seizure tables on screen; they may print them too."""
        return has_role(user, *ANY_ROLE)
