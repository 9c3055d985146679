"""Finding the table in a grid of cells, as statistics offices lay it out, and naming what was found.

Three layouts are read, told apart by the header row (found below any title rows):

* ``table``: one row per year, one column per measure (``Year | Heroin (kg) | ...``);
* ``wide``: one row per measure, one column per year, optionally a unit column
  (``Drug type | Measurement | 2011 | 2012 | ...``), as the regional reports print them;
* ``long``: one value per line (``Country | Year | Measure | Value``).

Rows above the header are the table's title; single-cell lines under it (“Source: …”,
“* first 6 months”, “• = Not reported”) are its source and footnotes, offered in the
preview rather than refused. A marker on a year or a header (“2017*”, “Ecstasy**”)
takes the footnote of its mark, and so does a single figure (“137.50*”). What cannot be
decided from the file (a fiscal year such as “2021/22”, a header without a unit when
the measure exists in several units) becomes a *question* answered in the preview;
nothing is guessed.
"""

import functools
import re
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext as _

YEAR_WORDS = {"year", "years", "ປີ"}
UNIT_WORDS = {"unit", "units", "measurement", "measure unit", "unit of measure", "ຫົວໜ່ວຍ"}
LONG_NAMES = {"country", "year", "measure", "value"}
MONTHS_HEADERS = {"months", "months covered", "period (months)"}
MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
MARK = re.compile(r"^(.*?)\s*(\*+|†+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*$")
QUOTES = "\"“”‘’'"
CAPTION = re.compile(r"^\s*(?:table|figure)\s*\d*\s*[:.]\s*", re.I)
PLAIN_YEAR = re.compile(r"^(\d{4})$")
IN_BRACKETS = re.compile(r"^(\d{4})\s*\((.*)\)$")
FIRST_MONTHS = re.compile(r"^(?:first|1st)\s+(\d{1,2})\s*(?:months?|m)(?:\s+(?:of|for|in))?\s+(\d{4})$")
BARE_MONTHS = re.compile(r"^\d{1,2}\s*(?:months?|ເດືອນ)$")  # “(6 months)”, “(6 ເດືອນ)” in Lao
MONTHS_ONLY = re.compile(r"^(?:first\s+)?(\d{1,2})\s*(?:months?|m|ເດືອນ)$")
MONTH_RANGE = re.compile(r"^([a-z]{3})[a-z]*\.?\s*[-–]\s*([a-z]{3})[a-z]*\.?(?:\s+(\d{4}))?$")
HALF = re.compile(r"^(?:h1|half|first half|1st half)(?:\s+(?:of\s+)?(\d{4}))?$")
FISCAL = re.compile(r"^(?:fy\s*)?(\d{4})\s*[/–-]\s*(\d{2}|\d{4})$|^fy\s*(\d{4})$")
SOURCE_LINE = re.compile(r"^\s*(?:sources?(?:\(s\))?|ແຫຼ່ງຂໍ້ມູນ)\s*[:：]\s*", re.I)  # Lao: the export's “Source:”
NOTE_MARKS = re.compile(r"(?:^|(?<=[\s.;]))(\*+|†+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s+")
# A figure or a trend with a footnote mark of its own after it: “137.50*”, “462,988 ¹⁴”, “↑**”.
VALUE_MARK = re.compile(r"^(.*?[\d↑↓↔•·⬆⬇])\s*(\*+|†+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")
LEGEND = re.compile(r"[↑↓↔]\s*=")
IN_SOURCE_NOTE = re.compile(r"\(\s*(\*{1,3})\s*([^()]*)\)")


def norm(text):
    return re.sub(r"\s+", " ", str(text)).strip().lower()


@functools.cache
def in_every_language(message):
    """``message`` (normalised) as each language of the portal writes it: a Lao export read in English too."""
    from django.conf import settings

    found = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            found.add(norm(gettext(message)))
    return frozenset(found)


@dataclass(frozen=True)
class YearLabel:
    """A year as a file writes it. ``choices`` (several years) means the person must say which."""

    written: str
    year: int | None = None
    months: int | None = None
    mark: str = ""
    note: str = ""
    choices: tuple = ()


def read_year(text):
    """A YearLabel from “2017”, “2017*”, “2017 (Jan-Jun)”, “first 6 months 2017”, “2021/22” …

    A year that is not plausible (1900-2200) or not a year at all has ``year`` None and
    no choices. A partial year keeps the label as its note, so the footnote is not lost,
    unless the label only counts the months (“2017 (6 months)”, as the portal's own exports
    write it): the value keeps its months, and the pages say “first 6 months of 2017” anyway.
    """
    written = " ".join(str(text or "").split())
    match = MARK.match(written)
    body, mark = (match.group(1), match.group(2)) if match else (written, "")
    low = body.lower()
    label = YearLabel(written, mark=mark)
    if PLAIN_YEAR.match(low):
        return _plausible(YearLabel(written, int(low), mark=mark))
    bracket = IN_BRACKETS.match(low)
    if bracket:
        months = _months_of(bracket.group(2).strip())
        if months:
            # “2017 (6 months)” only says the months, which the value keeps (and every page prints).
            note = "" if BARE_MONTHS.match(bracket.group(2).strip()) else body
            return _plausible(YearLabel(written, int(bracket.group(1)), months, mark, note))
        return label
    first = FIRST_MONTHS.match(low)
    if first:
        return _plausible(YearLabel(written, int(first.group(2)), int(first.group(1)), mark, body))
    ranged = MONTH_RANGE.match(low.split(" ", 1)[-1]) if re.match(r"^\d{4} ", low) else None
    if ranged and _months_of(low.split(" ", 1)[1]):
        return _plausible(YearLabel(written, int(low[:4]), _months_of(low.split(" ", 1)[1]), mark, body))
    trailing = re.match(r"^(.*\D)\s+(\d{4})$", low)
    if trailing and _months_of(trailing.group(1)):
        return _plausible(YearLabel(written, int(trailing.group(2)), _months_of(trailing.group(1)), mark, body))
    fiscal = FISCAL.match(low)
    if fiscal:
        if fiscal.group(3):
            end = int(fiscal.group(3))
            return YearLabel(written, mark=mark, note=body, choices=(end - 1, end))
        start, end = int(fiscal.group(1)), fiscal.group(2)
        end = int(end) if len(end) == 4 else start // 100 * 100 + int(end)
        if end == start + 1:
            return YearLabel(written, mark=mark, note=body, choices=(start, end))
    return label


def _plausible(label):
    if not 1900 <= label.year <= 2200 or (label.months is not None and not 1 <= label.months <= 12):
        return YearLabel(label.written)
    return label


def _months_of(text):
    """Months covered by a qualifier: “6 months”, “first 6 months”, “half”, “Jan-Jun”; None if not one."""
    text = norm(text)
    months = MONTHS_ONLY.match(text)
    if months:
        return int(months.group(1))
    if HALF.match(text):
        return 6
    ranged = MONTH_RANGE.match(text)
    if ranged and ranged.group(1) == "jan" and ranged.group(2) in MONTH_NAMES:
        return MONTH_NAMES.index(ranged.group(2)) + 1
    return None


def split_value_mark(text):
    """``("137.50", "*")`` from “137.50*” (a figure or trend marked for its own footnote); no mark: ``(text, "")``."""
    match = VALUE_MARK.match(str(text).strip())
    return (match.group(1), match.group(2)) if match else (text, "")


def split_mark(text):
    """``("Methamphetamine pills", "*")`` from “Methamphetamine pills*”; no mark: ``(text, "")``.

    Quotes around a name are dropped (“"Ecstasy" ¹⁴” is Ecstasy with mark ¹⁴).
    """
    text = " ".join(str(text).split())
    match = MARK.match(text)
    name, mark = (match.group(1), match.group(2)) if match and match.group(1) else (text, "")
    return name.strip().strip(QUOTES).strip(), mark


@dataclass
class Structure:
    """Where the table sits in the grid and what surrounds it."""

    layout: str  # "table", "wide" or "long"
    header: int  # index of the header row
    end: int  # index after the last data row
    title: list = field(default_factory=list)
    source: str = ""
    notes: list = field(default_factory=list)  # footnote lines without a mark
    marks: dict = field(default_factory=dict)  # "*" -> its footnote
    legend: str = ""  # “↑ = Increase, ↓ = Decrease …” under a trend table
    unit_col: int | None = None
    skipped: list = field(default_factory=list)  # lines under the table not kept (a formula)

    @property
    def read_as(self):
        """How the preview names the layout it found (“read as: …”)."""
        if self.layout == "wide":
            if self.unit_col is not None:
                return _("one row per measure with its unit, years across")
            return _("one row per measure, years across")
        if self.layout == "long":
            return _("one value per line (country, year, measure, value)")
        return _("one row per year, measures across")


def _texts(row):
    return [str(cell[0]) for cell in row]


def _filled(row):
    return [text for text in _texts(row) if text.strip()]


def find_structure(grid):
    """The Structure of ``grid``, or None when no header row is recognised in its first 15 lines."""
    for index, row in enumerate(grid[:15]):
        names = [norm(text) for text in _texts(row)]
        if not any(names):
            continue
        layout, unit_col = _header_kind(names)
        if layout:
            title = [" ".join(dict.fromkeys(_filled(r))) for r in grid[:index] if _filled(r)]
            end = _data_end(grid, index, layout)
            structure = Structure(layout, index, end, title=title, unit_col=unit_col)
            _read_notes(structure, grid[end:])
            return structure
    return None


def _header_kind(names):
    if set(names) >= LONG_NAMES:
        return "long", None
    if names[0] in YEAR_WORDS:
        return "table", None
    years = [i for i, name in enumerate(names) if i and (read_year(name).year or read_year(name).choices)]
    if len(years) >= 2 or (years and len([n for n in names if n]) <= 3):
        units = [i for i, name in enumerate(names[1 : years[0]], start=1) if name in UNIT_WORDS]
        return "wide", (units[0] if units else None)
    return None, None


def _data_end(grid, header, layout):
    """Index after the table's last data row: an empty row, or the first note line, ends it."""
    for index in range(header + 1, len(grid)):
        filled = _filled(grid[index])
        if not filled:
            return index
        if _is_note_line(grid[index], layout):
            return index
    return len(grid)


def _is_note_line(row, layout):
    filled = _filled(row)
    if len(filled) != 1:
        return False
    text = filled[0].strip()
    if SOURCE_LINE.match(text) or NOTE_MARKS.match(text) or CAPTION.match(text) or "=" in text:
        return True
    if text.lower().startswith(("note", "*")):
        return True
    if layout == "table":
        return not (read_year(text).year or read_year(text).choices)
    return len(text) > 60


def _read_notes(structure, rows):
    """Source, marked footnotes and other notes from the lines under the table."""
    for row in rows:
        for text in _filled(row):
            text = " ".join(text.split())
            if text.startswith("="):  # never a table's source or note, whatever it would show
                structure.skipped.append(_("“%(text)s” under the table is a formula: not kept.") % {"text": text[:60]})
                continue
            if CAPTION.match(text):
                structure.title.append(CAPTION.sub("", text))
                continue
            if LEGEND.search(text) and not structure.legend:
                structure.legend = text
                continue
            if SOURCE_LINE.match(text):
                source = SOURCE_LINE.sub("", text)
                for mark, note in IN_SOURCE_NOTE.findall(source):
                    structure.marks.setdefault(mark, note.strip())
                structure.source = " ".join(IN_SOURCE_NOTE.sub("", source).split())
                continue
            pieces = NOTE_MARKS.split(text)
            if pieces[0].strip():
                structure.notes.append(pieces[0].strip())
            for mark, note in zip(pieces[1::2], pieces[2::2], strict=True):
                structure.marks.setdefault(mark, note.strip())
