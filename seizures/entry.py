"""Entering one year's row of a country's table (the grid on the table page).

``check_row`` reads what was typed and says what is wrong, ambiguous or questionable;
``save_row`` writes a clean row. Nothing is written while anything is unresolved: an
ambiguous number must be picked, a flagged value confirmed with a comment.
"""

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from .models import FULL_YEAR, SeizureValue, TableColumn
from .numbers import decimals_of, grouped, plain, read_number
from .validation import outlier_flag


@dataclass
class RowCheck:
    """What ``check_row`` found; ``ok`` when the row can be saved as it is."""

    year: int | None
    months: int
    footnote: str
    source: str
    footnote_was: str = ""  # the row's shared footnote when the form was shown
    source_was: str = ""
    column_notes: dict = field(default_factory=dict)  # measure id -> (footnote, source) shared by its column
    version_seen: str = ""  # ``row_version`` of the row when the form was shown
    values: dict = field(default_factory=dict)  # measure id -> Decimal or None
    texts: dict = field(default_factory=dict)  # measure id -> text as typed
    errors: dict = field(default_factory=dict)  # measure id or "year"/"months" -> message
    choices: dict = field(default_factory=dict)  # measure id -> (Decimal, Decimal)
    flags: dict = field(default_factory=dict)  # measure id -> reason (new or changed values only)
    comments: dict = field(default_factory=dict)  # measure id -> confirmation comment
    confirmed: set = field(default_factory=set)

    @property
    def ok(self):
        unconfirmed = [m for m in self.flags if m not in self.confirmed or not self.comments.get(m)]
        return not self.errors and not self.choices and not unconfirmed


def _int(text, low, high):
    try:
        number = int(str(text).strip())
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


def existing_values(country):
    """``{(year, measure id): SeizureValue}`` of ``country`` (one query)."""
    return {(v.year, v.measure_id): v for v in SeizureValue.objects.filter(country=country)}


def check_row(country, columns, data, year=None):
    """Read a posted row (``m-<id>``, ``pick-<id>``, ``confirm-<id>``, ``comment-<id>``, ``months`` ...).

    ``columns`` are the Measures of the table; ``year`` is None for a new row, whose
    year is then read from ``data["year"]`` and must not exist yet.
    """
    current = existing_values(country)
    months = _int(data.get("months", FULL_YEAR), 1, FULL_YEAR)
    check = RowCheck(
        year=year,
        months=months or FULL_YEAR,
        footnote=data.get("footnote", "").strip()[:500],
        source=data.get("source", "").strip()[:300],
        footnote_was=data.get("footnote_was", "").strip()[:500],
        source_was=data.get("source_was", "").strip()[:300],
        version_seen=data.get("row_version", ""),
    )
    if year is not None:
        now = [v for (y, _m), v in current.items() if y == year]
        if row_version(now) != check.version_seen:
            check.errors["row"] = changed_meanwhile(now)
    for measure in columns:
        in_column = [v for (y, m), v in current.items() if m == measure.pk and v.value is not None]
        check.column_notes[measure.pk] = (_shared(v.footnote for v in in_column), _shared(v.source for v in in_column))
    if months is None:
        check.errors["months"] = _("Months covered must be a whole number from 1 to 12.")
    if year is None:
        check.year = _int(data.get("year"), 1900, 2200)
        if check.year is None:
            check.errors["year"] = _("Enter a year such as 2018.")
        elif any(y == check.year for (y, _m) in current):
            check.errors["year"] = _("%(year)s is already in the table: edit its row.") % {"year": check.year}
    for measure in columns:
        key = measure.pk
        text = data.get(f"m-{key}", "")
        check.texts[key] = text
        reading = read_number(text)
        if reading.error:
            check.errors[key] = reading.error
            continue
        value = reading.value
        if reading.ambiguous:
            picked = _picked(data.get(f"pick-{key}"), reading.choices)
            if picked is None:
                check.choices[key] = reading.choices
                continue
            value = picked
        check.values[key] = value
        check.comments[key] = data.get(f"comment-{key}", "").strip()
        if data.get(f"confirm-{key}"):
            check.confirmed.add(key)
        before = current.get((check.year, key))
        if before is not None and before.value == value:
            continue  # unchanged: it was checked when it was entered
        series = {y: v.value for (y, m), v in current.items() if m == key}
        reason = outlier_flag(value, series, check.year) if check.year else ""
        if reason:
            check.flags[key] = reason
    return check


def row_version(values):
    """A fingerprint of a row's stored values: the grid refuses to save over a row changed since it was shown."""
    state = sorted(
        (v.measure_id, str(v.value), v.period_months, v.footnote, v.source, v.flag, v.flag_comment) for v in values
    )
    return hashlib.sha256(repr(state).encode()).hexdigest()[:16]


def changed_meanwhile(values):
    latest = max(values, key=lambda v: v.entered_at, default=None)
    who = latest.entered_by if latest and latest.entered_by else None
    if who:
        return _(
            "%(who)s changed this row while you were editing it. The form now shows your values over theirs: "
            "check them against the table and save again."
        ) % {"who": who.get_full_name() or who.get_username()}
    return _("This row was changed while you were editing it: check your values and save again.")


class RowChanged(Exception):
    """The row changed between the check and the save (raised under the row lock, nothing written)."""


def _shared(texts):
    texts = set(texts)
    return texts.pop() if len(texts) == 1 else ""


def row_notes(country, values):
    """The footnote and source shared by a row's stored values, as the grid shows them to edit.

    A source equal to the table's is shown empty (“the table's source”).
    """
    footnote = _shared(v.footnote for v in values)
    source = _shared(v.source for v in values)
    return footnote, "" if source == country.source else source


def row_form(country, columns, check, year, values=None):
    """The template context of a row's inputs: what was typed (after a failed save) or what is stored.

    ``columns`` are the table's measures in order, ``check`` the ``RowCheck`` of a failed save
    (``None`` when the form is first shown), ``year`` the row's year (``None`` for a new row)
    and ``values`` the stored ``{measure id: SeizureValue}`` of that year.
    """
    values = values or {}
    cells = []
    for measure in columns:
        stored = values.get(measure.pk)
        if check is not None:
            text = check.texts.get(measure.pk, "")
        else:
            # As written: “137.50” stays 137.50, not 137.5.
            text = "" if stored is None or stored.value is None else plain(stored.value, stored.decimals)
        cells.append(
            {
                "measure": measure,
                "text": text,
                "error": check.errors.get(measure.pk, "") if check else "",
                "choices": [
                    {"value": plain(c), "label": grouped(c, thousands="\u202f")}
                    for c in (check.choices.get(measure.pk, ()) if check else ())
                ],
                "flag": (check.flags.get(measure.pk, "") if check else "")
                or (stored.flag if stored and stored.needs_confirmation else ""),
                "comment": check.comments.get(measure.pk, "") if check else "",
                "confirmed": bool(check and measure.pk in check.confirmed),
                "comment_missing": bool(
                    check
                    and measure.pk in check.confirmed
                    and (measure.pk in check.flags or stored and stored.flag)
                    and not check.comments.get(measure.pk)
                ),
            }
        )
    first = next(iter(values.values()), None)
    footnote_was, source_was = row_notes(country, list(values.values()))
    return {
        "country": country,
        "year": year,
        "cells": cells,
        "months": check.months if check else (first.period_months if first else FULL_YEAR),
        "footnote": check.footnote if check else footnote_was,
        "source": check.source if check else source_was,
        "footnote_was": check.footnote_was if check else footnote_was,
        "row_version": row_version(values.values()),
        "source_was": check.source_was if check else source_was,
        "errors": check.errors if check else {},
        "typed_year": (check.year or "") if check else "",
        "month_choices": range(1, FULL_YEAR),
    }


def _picked(text, choices):
    try:
        value = Decimal(str(text))
    except (InvalidOperation, TypeError):
        return None
    return value if value in choices else None


@transaction.atomic
def save_row(country, check, user):
    """Write a row that ``check_row`` found ``ok``; returns the number of values changed.

    A cleared value keeps its row with an empty value, so its history stays visible.
    """
    assert check.ok, "save_row needs a row without problems"
    current = {
        v.measure_id: v for v in SeizureValue.objects.select_for_update().filter(country=country, year=check.year)
    }
    if current and row_version(current.values()) != check.version_seen:
        raise RowChanged
    changed = 0
    for measure_id, value in check.values.items():
        item = current.get(measure_id)
        if item is None and value is None:
            continue
        if item is None:
            item = SeizureValue(country=country, measure_id=measure_id, year=check.year)
        new = {
            "value": value,
            "decimals": decimals_of(value),
            "period_months": check.months,
            **_notes(country, check, item, measure_id),
        }
        if measure_id in check.flags:
            new["flag"] = check.flags[measure_id]
            new["flag_comment"] = check.comments[measure_id]
        elif item.value != value:
            new["flag"], new["flag_comment"] = "", ""
        elif item.flag and measure_id in check.confirmed and check.comments.get(measure_id):
            new["flag_comment"] = check.comments[measure_id]  # confirming a questioned value as it is
        if item.pk and all(getattr(item, k) == v for k, v in new.items()):
            continue
        for name, v in new.items():
            setattr(item, name, v)
        item.entered_by = user
        item.save()
        changed += 1
    ensure_columns(country, list(check.values))
    return changed


def _notes(country, check, item, measure_id):
    """The footnote and source of one value after a row is saved.

    The row's footnote and source fields edit what the row's values shared; a value with
    its own note (e.g. a column's “converted at 100 mg per pill”) keeps it. A new value
    takes the row's, or else its column's.
    """
    column_footnote, column_source = check.column_notes.get(measure_id, ("", ""))
    if item.pk is None:
        return {
            "footnote": check.footnote or column_footnote,
            "source": check.source or column_source or country.source,
        }
    notes = {"footnote": item.footnote, "source": item.source}
    if item.footnote == check.footnote_was:
        notes["footnote"] = check.footnote
    if item.source == (check.source_was or country.source) or not item.source:
        notes["source"] = check.source or country.source
    return notes


def ensure_columns(country, measure_ids):
    """Make the measures columns of the country's table (a value is never hidden by a missing column)."""
    TableColumn.objects.bulk_create(
        [TableColumn(country=country, measure_id=m, position=100) for m in measure_ids], ignore_conflicts=True
    )
