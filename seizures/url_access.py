"""Who may open the seizure pages (see ``idswg.access``): members read, the secretariat changes."""

from idswg.access import HTMX, Rule, members, only_secretariat

from .documents import SeizureTable
from .models import Country, ImportBatch


def _lao(world):
    return {"slug": Country.objects.get(name="Lao PDR").slug}


def _cambodia(world):
    """Cambodia: the demo's country with a reported trend table (its drug use trends 2011-2016)."""
    return {"slug": Country.objects.get(name="Cambodia").slug}


def _lao_year(world):
    return {**_lao(world), "year": 2017}


def _chart(world):
    return {**_lao(world), "measure": "heroin-kg"}


def _lao_pdf(world):
    return {"key": SeizureTable.key, "obj_id": Country.objects.get(name="Lao PDR").pk}


def _pending_batch(world):
    """A pending import with one value (the demo has none; a browser would have uploaded it)."""
    country = Country.objects.get(name="Lao PDR")
    cell = {"row": 2, "col": "B", "country": country.pk, "year": 2018, "text": "50", "formula": False,
            "number": False, "months": 12, "footnote": "", "source": "",
            "measure": country.columns.get(measure__slug="heroin-kg").measure_id}  # fmt: skip
    batch = ImportBatch.objects.create(filename="rule.csv", layout="table", country=country, rows=[cell])
    return {"pk": batch.pk}


ACCESS = [
    Rule("seizures:index", members()),
    Rule("seizures:table", members(), kwargs=_lao),
    Rule("seizures:trends", members(), kwargs=_lao),
    # A fragment as htmx asks for it; opened as a link, a redirect to its place in the table.
    Rule("seizures:charts", members(), kwargs=_lao, headers=HTMX),
    Rule("seizures:charts", members(302), kwargs=_lao),
    Rule("seizures:chart", members(), kwargs=_chart),
    Rule("seizures:export", members(), kwargs=lambda world: {**_lao(world), "fmt": "csv"}),
    Rule("seizures:export", members(), kwargs=lambda world: {**_lao(world), "fmt": "xlsx"}),
    Rule("seizures:reported_trends_export", members(), kwargs=lambda world: {**_cambodia(world), "fmt": "csv"}),
    Rule("seizures:reported_trends_export", members(), kwargs=lambda world: {**_cambodia(world), "fmt": "xlsx"}),
    Rule("seizures:row", members(), kwargs=_lao_year, headers=HTMX),
    Rule("seizures:row", members(302), kwargs=_lao_year),
    # A year's history stands on its own: opened as a link, it is a page.
    Rule("seizures:history", members(), kwargs=_lao_year, headers=HTMX),
    Rule("seizures:history", members(), kwargs=_lao_year),
    Rule("seizures:row_edit", only_secretariat(), kwargs=_lao_year, headers=HTMX),
    Rule("seizures:row_edit", only_secretariat(302), kwargs=_lao_year),
    # An impossible number of months: refused with a message, nothing saved.
    Rule("seizures:row_edit", only_secretariat(), kwargs=_lao_year, method="post", data={"months": "13"}),
    Rule("seizures:row_new", only_secretariat(), kwargs=_lao, headers=HTMX),
    Rule("seizures:row_new", only_secretariat(302), kwargs=_lao),
    Rule("seizures:row_new", only_secretariat(), kwargs=_lao, query="?closed=1", headers=HTMX),
    Rule("seizures:row_new", only_secretariat(302), kwargs=_lao, query="?closed=1"),
    Rule("seizures:import", only_secretariat()),
    Rule("seizures:import", only_secretariat(), method="post"),
    Rule("seizures:import_preview", only_secretariat(), kwargs=_pending_batch),
    Rule("seizures:import_cancel", only_secretariat(302), kwargs=_pending_batch, method="post"),
    Rule("seizures:table_new", only_secretariat()),
    Rule("seizures:table_new", only_secretariat(), query="?name=Thailand"),
    # No name: refused with a message next to the field, nothing created.
    Rule("seizures:table_new", only_secretariat(), method="post", data={"name": ""}),
    Rule("seizures:table_edit", only_secretariat(), kwargs=_lao),
    Rule("seizures:table_edit", only_secretariat(), kwargs=_lao, method="post", data={"name": ""}),
    Rule("seizures:reported_trends_edit", only_secretariat(), kwargs=_lao),
    # A year that is not one: refused next to the field, nothing saved.
    Rule("seizures:reported_trends_edit", only_secretariat(), kwargs=_lao, method="post", data={"first_year": "x"}),
    Rule("seizures:measure_new", only_secretariat()),
    Rule("seizures:measure_new", only_secretariat(), method="post", data={"name": "", "unit": "kg"}),
    Rule("render_status", members(), kwargs=_lao_pdf),
    Rule("render_request", members(302), kwargs=_lao_pdf, method="post", data={"next": "/"}),
]
