"""The cells of an import: each value of a file's table with its country, measure, year and how to read it.

``read(grid, country, answers, number_format)`` finds the table (``layouts``), names
each value's measure and year, decides the file's number format from its unambiguous
cells (``numbers.file_format``) and returns the cells, the problems, and the questions
the person must answer in the preview (which sheet, which year for “2021/22”, which
measure for a header without a unit, which number format when the file shows none).
An answered question is applied, never a guess.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from . import layouts
from .models import Country, Measure
from .numbers import (
    ASK,
    COMMA_DECIMAL,
    POINT_DECIMAL,
    evidence,
    file_format,
    read_number,
    undecided,
    written_decimals,
)
from .reported_trends import read_direction
from .table_setup import split_label

# What a spreadsheet reads as the start of a formula (“=HYPERLINK(…)”, “+1”, “@SUM(A1)”), in a header.
FORMULA_STARTS = ("=", "+", "@")
EXTRA_HEADERS = {"footnote": "footnote", "footnotes": "footnote", "note": "footnote", "source": "source"}
PARTIAL_NOTE = re.compile(r"(?:first\s+(\d{1,2})\s+months?|first half|half|jan\w*\s*[-–]\s*jun\w*)", re.I)


def get_column_letter(index):
    """Excel's letter of column ``index`` (1 is A, 27 AA), without loading openpyxl for a CSV."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class FileCells:
    """What ``read`` found: see the module docstring. ``format_note`` says how numbers are read."""

    layout: str = ""
    read_as: str = ""
    cells: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    questions: list = field(default_factory=list)
    title: str = ""
    source: str = ""
    footnotes: str = ""
    number_format: str = ASK
    format_note: str = ""
    skipped: list = field(default_factory=list)  # what the file holds that the import does not keep
    kind: str = "seizures"  # or "trends": a reported trend table (↑ ↓ ↔ • in its cells)
    legend: str = ""


def problem(row, col, message):
    return {"row": row, "col": get_column_letter(col + 1) if col is not None else "", "message": message}


def _to_create(item, what, name, unit=""):
    """Mark an unknown country or measure so the preview links to the page that creates it."""
    return {**item, "create": what, "name": name, "unit": unit} if name else item


def unit_key(unit):
    """A unit compared without case, punctuation, order or plural: “tablets, millions” is “million tablets”."""
    words = re.findall(r"[^\W_]+", str(unit).lower())
    return " ".join(sorted(word[:-1] if len(word) > 3 and word.endswith("s") else word for word in words))


class Measures:
    """The measures, found by label (“Heroin (kg)”), by name and unit, or by a name used by one measure only."""

    def __init__(self):
        self.all = list(Measure.objects.all())
        self.by_name = {}
        for measure in self.all:
            self.by_name.setdefault(layouts.norm(measure.name), []).append(measure)

    def find(self, text, unit=""):
        """``[measure]`` when found, several when the name has several units and none is given, else []."""
        name, written_unit = (text, unit) if unit else split_label(text)
        found = self.by_name.get(layouts.norm(name), [])
        if written_unit:
            return [m for m in found if unit_key(m.unit) == unit_key(written_unit)][:1]
        return found


def read(grid, country=None, answers=None, number_format=ASK):
    """The FileCells of one grid (see the module docstring)."""
    answers = answers or {}
    structure = layouts.find_structure(grid)
    if structure is None:
        return FileCells(
            problems=[
                problem(
                    1,
                    None,
                    _(
                        "No header row was found: the table needs “Year” followed by the measures, a row of "
                        "years above one row per measure, or “Country, Year, Measure, Value”."
                    ),
                )
            ]
        )
    out = FileCells(
        layout=structure.layout,
        read_as=str(structure.read_as),
        title=" — ".join(structure.title),
        source=structure.source,
        footnotes="\n".join(structure.notes),
        skipped=list(structure.skipped),
    )
    if structure.layout != "long" and country is None:
        out.problems.append(problem(1, None, _("Choose the country of this table.")))
        return out
    records = {"table": _table_records, "wide": _wide_records, "long": _long_records}[structure.layout](grid, structure)
    _resolve(records, structure, country, answers, out)
    if _is_trend_table(out.cells):
        out.kind = "trends"
        out.legend = structure.legend
        for cell in out.cells:
            cell["direction"] = read_direction(cell["text"]) or "not_reported"
    else:
        _read_numbers(out, number_format, answers)
    out.problems.sort(key=lambda p: (p["row"] if isinstance(p["row"], int) else 0, p["col"]))
    return out


def _is_trend_table(cells):
    """True when the cells write trends (↑ ↓ ↔, “increase” …) and nothing but trends or blanks."""
    arrows = 0
    for cell in cells:
        text = cell["text"].strip()
        if read_number(text).not_reported:
            continue
        if not read_direction(text) or read_number(text).ok:
            return False
        arrows += 1
    return arrows > 0


def _cell(grid, row, col):
    line = grid[row] if row < len(grid) else []
    return tuple(line[col]) if col is not None and col < len(line) else ("", False, False)


def _extras(header):
    """The columns beside the values (months covered, footnote, source), named in English or Lao."""
    found = {}
    for col, (text, *_rest) in enumerate(header):
        name = layouts.norm(text)
        if name in layouts.MONTHS_HEADERS or name in layouts.in_every_language("Months covered"):
            found["months"] = col
        elif name in EXTRA_HEADERS:
            found[EXTRA_HEADERS[name]] = col
        elif name in layouts.in_every_language("Footnote"):
            found["footnote"] = col
        elif name in layouts.in_every_language("Source"):
            found["source"] = col
    return found


def _record(grid, row, col, year_text, measure_text, unit="", extras=None, year_col=0, measure_col=0, country=""):
    text, formula, number = _cell(grid, row, col)
    extras = extras or {}
    return {
        "row": row + 1,
        "col": col,
        "year_at": (row + 1, year_col),
        "measure_at": (row + 1, measure_col),
        "year": layouts.read_year(year_text),
        "measure": measure_text,
        "unit": unit,
        "country": country,
        "text": str(text)[:100],
        "formula": formula,
        "number": number,
        "months": str(_cell(grid, row, extras.get("months"))[0]).strip(),
        "footnote": str(_cell(grid, row, extras.get("footnote"))[0]).strip()[:500],
        "source": str(_cell(grid, row, extras.get("source"))[0]).strip()[:300],
    }


def _table_records(grid, structure):
    header = grid[structure.header]
    extras = _extras(header)
    skip = set(extras.values()) | {0}
    records = []
    for row in range(structure.header + 1, structure.end):
        year_text = _cell(grid, row, 0)[0]
        for col, (text, *_rest) in enumerate(header):
            if col in skip or not str(text).strip():
                continue
            records.append(_record(grid, row, col, year_text, str(text), extras=extras, measure_col=col))
            records[-1]["measure_at"] = (structure.header + 1, col)
    return records


def _wide_records(grid, structure):
    header = grid[structure.header]
    extras = _extras(header)
    years = [
        col
        for col, (text, *_rest) in enumerate(header)
        if col and col != structure.unit_col and col not in extras.values() and str(text).strip()
    ]
    records = []
    for row in range(structure.header + 1, structure.end):
        label = str(_cell(grid, row, 0)[0])
        if not label.strip():
            continue
        unit = str(_cell(grid, row, structure.unit_col)[0]).strip()
        for col in years:
            records.append(
                _record(grid, row, col, str(header[col][0]), label, unit, extras, year_col=col, measure_col=0)
            )
            records[-1]["year_at"] = (structure.header + 1, col)
    return records


def _long_records(grid, structure):
    header = grid[structure.header]
    at = {}
    for col, (text, *_rest) in enumerate(header):
        name = layouts.norm(text)
        at.setdefault("months" if name in layouts.MONTHS_HEADERS else name, col)
    records = []
    for row in range(structure.header + 1, structure.end):
        if not any(str(c[0]).strip() for c in grid[row]):
            continue
        record = _record(
            grid,
            row,
            at["value"],
            _cell(grid, row, at["year"])[0],
            str(_cell(grid, row, at["measure"])[0]),
            str(_cell(grid, row, at.get("unit"))[0]).strip(),
            {key: at.get(key) for key in ("months", "footnote", "source")},
            year_col=at["year"],
            measure_col=at["measure"],
            country=str(_cell(grid, row, at["country"])[0]).strip(),
        )
        records.append(record)
    return records


def _resolve(records, structure, country, answers, out):
    """Name each record's country, measure and year; unknowns become problems, doubts questions."""
    measures = Measures()
    countries = {}
    for item in Country.objects.all():
        countries[layouts.norm(item.name)] = item.pk
        countries[layouts.norm(item.slug)] = item.pk
    asked, told, seen = set(), set(), set()
    empty_rows = _rows_without_values(records)
    for record in records:
        country_id = country.pk if country is not None else countries.get(layouts.norm(record["country"]))
        if country_id is None:
            _once(told, ("country", record["country"]), out.problems, _unknown_country(record))
            continue
        name, mark = layouts.split_mark(record["measure"])
        if name.startswith(FORMULA_STARTS):  # a formula is not a measure's name: never asked about, never created
            row, col = record["measure_at"]
            message = _("“%(text)s” is a formula, not a measure: type the measure's name.") % {"text": name[:60]}
            _once(told, ("formula", row, col), out.problems, problem(row, col, message))
            continue
        measure = _measure(measures, name, record["unit"], answers, asked, out)
        if measure is False:
            continue  # asked about: no value is read before the answer
        if measure is None:
            if record["measure_at"][0] in empty_rows and structure.layout == "wide":
                _once(
                    told, ("skipped", name), out.skipped, _("“%(name)s”: nothing reported, not kept.") % {"name": name}
                )
                continue
            _ask_measure(measures, name, record["unit"], country, asked, out)
            row, col = record["measure_at"]
            item = problem(row, col, _("Unknown measure “%(text)s”: write it as “Name (unit)”.") % {"text": name[:60]})
            _once(
                told,
                ("measure", name, record["unit"]),
                out.problems,
                _to_create(item, "measure", *_split(name, record["unit"])),
            )
            continue
        year, months, note = _year(record, structure, answers, asked, told, out)
        if year is None:
            continue
        if record["months"]:
            months = _months(record["months"])
            if months is None:
                out.problems.append(problem(record["row"], record["col"], _("Months covered must be 1 to 12.")))
                continue
        key = (country_id, measure.pk, year)
        if key in seen:
            _once(
                told,
                key,
                out.problems,
                problem(record["row"], record["col"], _("This value appears twice in the file.")),
            )
            continue
        seen.add(key)
        text, own = _own_mark(record, structure, told, out)
        # The cell's own note, then its column's, then its row's.
        footnote = structure.marks.get(own, "") or structure.marks.get(mark, "") or record["footnote"] or note
        out.cells.append(
            {
                "row": record["row"],
                "col": get_column_letter(record["col"] + 1),
                "country": country_id,
                "year": year,
                "measure": measure.pk,
                "text": text,
                "formula": record["formula"],
                "number": record["number"],
                "months": months or 12,
                "footnote": footnote[:500],
                "source": record["source"],
            }
        )


def _own_mark(record, structure, told, out):
    """The cell's text without the footnote mark written after it, and that mark (“137.50*”: “137.50”, “*”).

    A mark that no note under the table explains is taken off all the same (the value is
    read) and listed in the preview among what the import does not keep.
    """
    if record["formula"]:
        return record["text"], ""
    text, mark = layouts.split_value_mark(record["text"])
    if mark and mark not in structure.marks:
        where = f"{get_column_letter(record['col'] + 1)}{record['row']}"
        _once(
            told,
            ("value mark", mark),
            out.skipped,
            _("“%(text)s” (%(where)s): no note under the table explains its mark.")
            % {"text": record["text"], "where": where},
        )
    return text, mark


def _rows_without_values(records):
    rows = {}
    for record in records:
        rows.setdefault(record["measure_at"][0], []).append(record)
    return {row for row, items in rows.items() if all(read_number(r["text"]).not_reported for r in items)}


def _once(told, key, target, item):
    if key not in told:
        told.add(key)
        target.append(item)


def _split(name, unit):
    return (name[:100], unit[:40]) if unit else split_label(name[:100])


def _unknown_country(record):
    name = record["country"][:100]
    row, _col = record["year_at"]
    item = problem(record["row"], None, _("Unknown country “%(text)s”.") % {"text": name[:60]})
    return _to_create(item, "country", name)


def _measure(measures, name, unit, answers, asked, out):
    """The measure of a header or row label; None if unknown, False while a question about it is open."""
    key = f"measure:{layouts.norm(name)}|{unit_key(unit)}"
    if key in answers:
        return next((m for m in measures.all if str(m.pk) == str(answers[key])), None)
    found = measures.find(name, unit)
    if len(found) == 1:
        return found[0]
    if len(found) > 1 and key not in asked:
        asked.add(key)
        out.questions.append(
            {
                "name": key,
                "label": _("“%(text)s” has no unit, and this measure exists in several units: which one is it?")
                % {"text": name[:60]},
                "choices": [(str(m.pk), m.label) for m in found],
            }
        )
    if len(found) > 1:
        return False
    return None


def _ask_measure(measures, name, unit, country, asked, out):
    """An unknown measure: ask which known one it is (the table's own columns first), or create it."""
    key = f"measure:{layouts.norm(name)}|{unit_key(unit)}"
    if key in asked:
        return
    asked.add(key)
    own = set(country.columns.values_list("measure_id", flat=True)) if country is not None else set()
    ordered = sorted(measures.all, key=lambda m: (m.pk not in own, m.display_order, m.name))
    label = f"{name} ({unit})" if unit else name
    out.questions.append(
        {
            "name": key,
            "label": _("Which measure is “%(text)s”? (Or create it as a new measure, then upload the file again.)")
            % {"text": label[:60]},
            "choices": [(str(m.pk), m.label) for m in ordered],
        }
    )


def _year(record, structure, answers, asked, told, out):
    """``(year, months, note)`` of a record; year None when it is not a year or is asked about."""
    label = record["year"]
    row, col = record["year_at"]
    if label.choices:
        key = f"year:{label.written}"
        if key in answers and answers[key] in {str(c) for c in label.choices}:
            return int(answers[key]), None, label.written
        if key not in asked:
            asked.add(key)
            out.questions.append(
                {
                    "name": key,
                    "label": _("Which year is “%(text)s” (column %(col)s)?")
                    % {"text": label.written, "col": get_column_letter(col + 1)},
                    "choices": [(str(c), str(c)) for c in label.choices],
                }
            )
        return None, None, ""
    if label.year is None:
        message = _("“%(text)s” is not a year.") % {"text": label.written[:40]}
        _once(told, ("year", row, col), out.problems, problem(row, col, message))
        return None, None, ""
    months, note = label.months, label.note
    marked = structure.marks.get(label.mark, "")
    if marked:
        note = marked
        found = PARTIAL_NOTE.search(marked)
        if months is None and found:
            months = int(found.group(1)) if found.group(1) else 6
    elif label.mark:
        _once(
            told,
            ("mark", label.written),
            out.skipped,
            _("“%(text)s”: no note under the table explains its mark.") % {"text": label.written},
        )
    return label.year, months, note


def _months(text):
    try:
        months = int(float(text))
    except ValueError:
        return None
    return months if 1 <= months <= 12 else None


def _read_numbers(out, number_format, answers):
    """Decide how the file writes numbers and give each cell the convention to read it with.

    A convention chosen at upload or answered in the preview wins; otherwise the file's
    unambiguous cells decide. A cell that can only be read the other way (“68,35” in a
    file of points) is read that way and noted, so the preview asks for its confirmation.
    """
    written = [(cell["col"] + str(cell["row"]), cell["text"]) for cell in out.cells if not cell["number"]]
    found = file_format(written)
    chosen = answers.get("number_format") or number_format
    convention = chosen if chosen in (POINT_DECIMAL, COMMA_DECIMAL) else found.convention
    names = {POINT_DECIMAL: _("point decimals (1,234.5)"), COMMA_DECIMAL: _("comma decimals (1.234,5)")}
    if convention is None:
        needs = [text for _where, text in written if undecided(text)]
        if needs:
            out.questions.append(
                {
                    "name": "number_format",
                    "label": _("The file does not show how it writes decimals (e.g. “%(text)s”): which is it?")
                    % {"text": needs[0]},
                    "choices": [(POINT_DECIMAL, names[POINT_DECIMAL]), (COMMA_DECIMAL, names[COMMA_DECIMAL])],
                }
            )
        convention = ASK
        out.format_note = _("no decimals in the file") if not needs else ""
    elif chosen in (POINT_DECIMAL, COMMA_DECIMAL):
        out.format_note = _("%(format)s, as chosen") % {"format": names[convention]}
    else:
        proof = found.examples[convention][0]
        out.format_note = _("%(format)s, as “%(text)s” (%(where)s) shows") % {
            "format": names[convention],
            "text": proof[1],
            "where": proof[0],
        }
    out.number_format = convention
    other = {POINT_DECIMAL: COMMA_DECIMAL, COMMA_DECIMAL: POINT_DECIMAL}.get(convention)
    for cell in out.cells:
        cell["convention"] = POINT_DECIMAL if cell["number"] else convention
        cell["note"] = ""
        if cell["number"] or other is None:
            # No convention (nothing in the file shows one): only whole numbers are read without a question.
            cell["decimals"] = written_decimals(cell["text"], POINT_DECIMAL)
            continue
        if evidence(cell["text"]) == other and not read_number(cell["text"], convention).ok:
            cell["convention"] = other
            value = read_number(cell["text"], other).value
            cell["note"] = _(
                "“%(text)s” is written the other way from the rest of the file; read as %(value)s. Check it."
            ) % {"text": cell["text"], "value": value}
        cell["decimals"] = written_decimals(cell["text"], cell["convention"])
