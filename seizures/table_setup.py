"""Setting up seizure tables: a new country's table, its columns, and new measures.

The secretariat does this on the portal's pages (``views/setup.py``) before importing a
file for a country or a measure the portal does not know yet; nothing here is ever done
by an import itself. A column that holds values is never removed: the values would
disappear from the table without a trace.
"""

import re

from django.db import transaction
from django.db.models import Count, Max
from django.utils.text import slugify

from .models import Country, Measure, SeizureValue, TableColumn

# Paths under /seizures/ that a country's slug must not take.
RESERVED_SLUGS = {"import", "tables", "measures", "new", "edit"}

# A plain romanisation of the Lao script, enough for a readable link (“ລາວ” -> “lav”).
LAO_LETTERS = {
    "ກ": "k", "ຂ": "kh", "ຄ": "kh", "ງ": "ng", "ຈ": "ch", "ສ": "s", "ຊ": "x", "ຍ": "gn", "ດ": "d",
    "ຕ": "t", "ຖ": "th", "ທ": "th", "ນ": "n", "ບ": "b", "ປ": "p", "ຜ": "ph", "ຝ": "f", "ພ": "ph",
    "ຟ": "f", "ມ": "m", "ຢ": "y", "ຣ": "r", "ລ": "l", "ວ": "v", "ຫ": "h", "ອ": "o", "ຮ": "h",
    "ໜ": "n", "ໝ": "m", "ະ": "a", "ັ": "a", "າ": "a", "ຳ": "am", "ິ": "i", "ີ": "i", "ຶ": "u",
    "ື": "u", "ຸ": "ou", "ູ": "ou", "ົ": "o", "ຼ": "l", "ຽ": "ia", "ເ": "e", "ແ": "e", "ໂ": "o",
    "ໃ": "ai", "ໄ": "ai",
}  # fmt: skip
LAO_LETTERS.update({chr(0x0ED0 + digit): str(digit) for digit in range(10)})
MEASURE_LABEL = re.compile(r"^\s*(.*?)\s*\(\s*([^()]*?)\s*\)\s*$")


class ColumnsHoldValues(Exception):
    """Columns asked to be removed still hold values; ``columns`` lists their labels and counts."""

    def __init__(self, columns):
        super().__init__("columns hold values")
        self.columns = columns


def romanised(text):
    return "".join(LAO_LETTERS.get(letter, letter) for letter in text)


def unique_slug(model, text, fallback, exclude_pk=None, reserved=()):
    """A slug for ``text`` (ASCII, so it fits the URLs) not yet used by ``model``: “thailand”, “thailand-2” ..."""
    base = slugify(romanised(text))[:90].strip("-") or fallback
    taken = set(model.objects.exclude(pk=exclude_pk).filter(slug__startswith=base).values_list("slug", flat=True))
    taken |= set(reserved)
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def name_taken(model, name, exclude_pk=None, **more):
    """Whether ``name`` (case and surrounding spaces ignored) is already used, e.g. by another country."""
    lookups = {"name__iexact": name.strip(), **{f"{key}__iexact": value.strip() for key, value in more.items()}}
    return model.objects.exclude(pk=exclude_pk).filter(**lookups).exists()


def split_label(text):
    """``("Kratom", "kg")`` from “Kratom (kg)”; ``(text, "")`` when there is no unit in brackets."""
    match = MEASURE_LABEL.match(text or "")
    if match and match.group(1):
        return match.group(1), match.group(2)
    return (text or "").strip(), ""


def column_ids(country):
    """The measure ids of ``country``'s columns, in the table's order."""
    return list(TableColumn.objects.filter(country=country).values_list("measure_id", flat=True))


def columns_holding_values(country, measure_ids):
    """``[(measure id, label, years)]`` of the measures among ``measure_ids`` with values in ``country``'s table.

    A value that was cleared (kept for its history) counts: removing its column would
    still hide that history.
    """
    held = (
        SeizureValue.objects.filter(country=country, measure_id__in=measure_ids)
        .values("measure_id")
        .annotate(years=Count("year", distinct=True))
    )
    counts = {row["measure_id"]: row["years"] for row in held}
    measures = Measure.objects.filter(pk__in=counts).order_by("display_order", "name")
    return [(measure.pk, measure.label, counts[measure.pk]) for measure in measures]


def _set_columns(country, measure_ids):
    """Make ``measure_ids`` the columns of ``country``, in that order; refuses to drop a column with values."""
    current = set(column_ids(country))
    removed = current - set(measure_ids)
    held = columns_holding_values(country, removed)
    if held:
        raise ColumnsHoldValues(held)
    TableColumn.objects.filter(country=country, measure_id__in=removed).delete()
    by_measure = {c.measure_id: c for c in TableColumn.objects.filter(country=country)}
    changed, new = [], []
    for position, measure_id in enumerate(measure_ids):
        column = by_measure.get(measure_id)
        if column is None:
            new.append(TableColumn(country=country, measure_id=measure_id, position=position))
        elif column.position != position:
            column.position = position
            changed.append(column)
    TableColumn.objects.bulk_update(changed, ["position"])
    TableColumn.objects.bulk_create(new)


@transaction.atomic
def create_table(name, measure_ids, table_title="", source="", footnotes=""):
    """A new country with its table's columns (``measure_ids`` in order), placed after the others."""
    last = Country.objects.aggregate(last=Max("display_order"))["last"]
    country = Country.objects.create(
        name=name.strip(),
        slug=unique_slug(Country, name, fallback="country", reserved=RESERVED_SLUGS),
        display_order=0 if last is None else last + 1,
        table_title=table_title.strip(),
        source=source.strip(),
        footnotes=footnotes.strip(),
    )
    _set_columns(country, measure_ids)
    return country


@transaction.atomic
def update_table(country_id, name, measure_ids, table_title="", source="", footnotes=""):
    """Change a country's table; raises ColumnsHoldValues (nothing changed) if a removed column has values.

    The slug stays as it is, so links already sent keep working.
    """
    country = Country.objects.select_for_update().get(pk=country_id)
    _set_columns(country, measure_ids)
    country.name = name.strip()
    country.table_title = table_title.strip()
    country.source = source.strip()
    country.footnotes = footnotes.strip()
    country.save(update_fields=["name", "table_title", "source", "footnotes"])
    return country


@transaction.atomic
def create_measure(name, unit, kind=Measure.Kind.DRUG, display_order=0, decimals=None):
    """A new measure, e.g. “Kratom” in “kg”; its slug (used in chart links) comes from its name and unit.

    ``decimals`` (None: each figure keeps the decimals it was written with) fixes how many
    decimals its figures show on pages, exports and PDFs.
    """
    name, unit = name.strip(), unit.strip()
    return Measure.objects.create(
        name=name,
        unit=unit,
        kind=kind,
        display_order=display_order,
        decimals=decimals,
        slug=unique_slug(Measure, f"{name} {unit}", fallback="measure"),
    )


def next_measure_order():
    """A display order after every measure's, so a new one goes last unless told otherwise."""
    last = Measure.objects.aggregate(last=Max("display_order"))["last"]
    return 10 if last is None else min(last + 10, 32767)
