"""Reading numbers as people type them in seizure tables, and writing them back.

The source tables mix conventions: “68,35” (decimal comma), “3,521” and “1.234.567”
(thousands separators), “1 234 567” (spaces, no-break spaces), “1'234'567” (apostrophes).
Most are unambiguous; a single comma followed by exactly three digits (“462,988”,
“1,234”) is not: it may be 462.988 or 462 988. Such a number is never guessed: the result
lists both readings and the caller asks the person (or uses the number format they chose).

A single point is read as a decimal point (“221.04”, “1.234” is one and a bit), as in the
reports; a file written the other way round is read with ``convention=COMMA_DECIMAL``.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

ASK = "ask"  # decide from the text, ask when ambiguous
POINT_DECIMAL = "point"  # 1,234.5
COMMA_DECIMAL = "comma"  # 1.234,5
CONVENTIONS = (ASK, POINT_DECIMAL, COMMA_DECIMAL)

MAX_DECIMALS = 4
MAX_INTEGER_DIGITS = 12

# What the reports write for "not reported".
NOT_REPORTED_MARKS = {"", "-", "–", "—", "•", "·", "n/a", "na", "n.a.", "..", "…", "nr"}
GROUP_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007'’]")
SPACE_GROUPS = re.compile(r"^[-−–+]?\d{1,3}(?: \d{3})+(?:[.,]\d+)?$")


@dataclass(frozen=True)
class Reading:
    """The outcome of reading one cell.

    Exactly one of these holds: ``not_reported``; ``value`` is a Decimal; ``choices``
    lists the possible values of an ambiguous text; ``error`` says why it is refused.
    """

    text: str
    value: Decimal | None = None
    not_reported: bool = False
    choices: tuple = field(default=())
    error: str = ""

    @property
    def ok(self):
        return self.value is not None or self.not_reported

    @property
    def ambiguous(self):
        return bool(self.choices)


def _grouped(digits, sep):
    return re.match(r"^\d{1,3}(?:" + re.escape(sep) + r"\d{3})+$", digits) is not None


def _to_decimal(integer_part, fraction=""):
    text = integer_part + ("." + fraction if fraction else "")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _split(text, convention):
    """The candidate readings of a sign-less text made of digits, ',' and '.' only."""
    commas, points = text.count(","), text.count(".")
    if commas and points:
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
        if convention == POINT_DECIMAL and decimal_sep == ",":
            return []
        if convention == COMMA_DECIMAL and decimal_sep == ".":
            return []
        group_sep = "." if decimal_sep == "," else ","
        whole, _sep, fraction = text.rpartition(decimal_sep)
        if group_sep in fraction or not fraction.isdigit() or not _grouped(whole, group_sep):
            return []
        return [_to_decimal(whole.replace(group_sep, ""), fraction)]
    if not commas and not points:
        return [_to_decimal(text)] if text.isdigit() else []
    sep = "," if commas else "."
    count = commas or points
    whole, _sep, fraction = text.rpartition(sep)
    decimal_sep = "," if convention == COMMA_DECIMAL else "."
    if count > 1:
        # "1,234,567" or "1.234.567": only thousands separators make sense.
        if sep == decimal_sep and convention != ASK:
            return []
        return [_to_decimal(text.replace(sep, ""))] if _grouped(text, sep) else []
    if not whole.isdigit() or not fraction.isdigit():
        # ".5" or "5." are fine as decimals; anything else is not a number.
        if whole == "" and fraction.isdigit():
            return [_to_decimal("0", fraction)] if sep == decimal_sep or convention == ASK else []
        if fraction == "" and whole.isdigit():
            return [_to_decimal(whole)]
        return []
    as_decimal = _to_decimal(whole, fraction)
    as_thousands = _to_decimal(whole + fraction) if _grouped(text, sep) else None
    if convention == POINT_DECIMAL:
        return [as_decimal] if sep == "." else ([as_thousands] if as_thousands is not None else [])
    if convention == COMMA_DECIMAL:
        return [as_decimal] if sep == "," else ([as_thousands] if as_thousands is not None else [])
    if sep == "." or as_thousands is None or whole == "0":
        return [as_decimal]
    return [as_decimal, as_thousands]  # "462,988": ask


def read_number(text, convention=ASK):
    """Read one cell's text as a non-negative Decimal; see the module docstring.

    Never raises: a text that is not a number comes back with ``error`` set.
    """
    if convention not in CONVENTIONS:
        raise ValueError(convention)
    original = "" if text is None else str(text)
    cleaned = original.strip()
    if cleaned.lower() in NOT_REPORTED_MARKS:
        return Reading(original, not_reported=True)
    spaced = GROUP_SPACES.sub(" ", cleaned)
    if " " in spaced and not SPACE_GROUPS.match(spaced):
        # "1 234 567" is grouped by thousands; "12 34" is two numbers or a typo.
        return Reading(original, error=_("“%(text)s” is not a number.") % {"text": original.strip()[:40]})
    cleaned = spaced.replace(" ", "")
    negative = cleaned[:1] in ("-", "−", "–")
    if negative:
        cleaned = cleaned[1:]
    if cleaned.startswith("+"):
        cleaned = cleaned[1:]
    if not cleaned or not re.fullmatch(r"[0-9.,]+", cleaned) or not re.search(r"\d", cleaned):
        return Reading(original, error=_("“%(text)s” is not a number.") % {"text": original.strip()[:40]})
    candidates = [c for c in _split(cleaned, convention) if c is not None]
    if not candidates:
        return Reading(original, error=_("“%(text)s” is not a number.") % {"text": original.strip()[:40]})
    if negative and any(candidates):
        return Reading(original, error=_("A quantity cannot be negative (“%(text)s”).") % {"text": original.strip()})
    candidates = [c if c else Decimal(0) for c in candidates]  # "-0" is zero
    for candidate in candidates:
        problem = _out_of_range(candidate, original)
        if problem:
            return Reading(original, error=problem)
    if len(candidates) > 1:
        return Reading(original, choices=tuple(candidates))
    return Reading(original, value=candidates[0])


def _out_of_range(value, original):
    sign, digits, exponent = value.normalize().as_tuple()
    decimals = -exponent if exponent < 0 else 0
    if decimals > MAX_DECIMALS:
        return _("“%(text)s” has more than %(n)s decimal places.") % {"text": original.strip(), "n": MAX_DECIMALS}
    # adjusted() counts the digits before the point even when normalize() turned
    # trailing zeros into an exponent ("1000000000000000" is 1E+15: one digit).
    integer_digits = value.adjusted() + 1 if value else 0
    if integer_digits > MAX_INTEGER_DIGITS:
        return _("“%(text)s” is too large for a seizure table.") % {"text": original.strip()[:40]}
    return ""


def plain(value, decimals=None):
    """A Decimal as plain text with a point and no grouping: “2966.5”; with ``decimals``, “137.50”."""
    if value is None:
        return ""
    if decimals is not None:
        return format(fixed(value, decimals), "f")
    normalized = value.normalize()
    text = format(normalized, "f")
    return text


def grouped(value, thousands=",", decimal=".", decimals=None):
    """A Decimal for display, grouped by thousands: “3,521”, “2,966.5”, “68.35”; “137.50” with ``decimals=2``."""
    if value is None:
        return ""
    text = plain(value) if decimals is None else format(fixed(value, decimals), "f")
    whole, _sep, fraction = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = thousands.join(groups)
    return f"{text}{decimal}{fraction}" if fraction else text


def evidence(text):
    """Which convention one cell's text proves: POINT_DECIMAL, COMMA_DECIMAL, or None when it proves neither.

    “2,966.5” and “1,234,567” prove point decimals, “1.234,5”, “68,35” and “1.234.567”
    comma decimals; “221.04” proves point decimals; “1.300” or “462,988” prove nothing.
    """
    cleaned = GROUP_SPACES.sub("", str(text or "").strip()).lstrip("-−–+")
    if not re.fullmatch(r"\d[\d.,]*", cleaned):
        return None
    commas, points = cleaned.count(","), cleaned.count(".")
    if commas and points:
        return COMMA_DECIMAL if cleaned.rfind(",") > cleaned.rfind(".") else POINT_DECIMAL
    if commas > 1:
        return POINT_DECIMAL
    if points > 1:
        return COMMA_DECIMAL
    sep = "," if commas else "." if points else ""
    if not sep:
        return None
    whole, _sep, fraction = cleaned.rpartition(sep)
    if len(fraction) == 3 and 1 <= len(whole) <= 3 and whole != "0":
        return None  # “1.300”: a thousand and three hundred, or one and three tenths
    return COMMA_DECIMAL if sep == "," else POINT_DECIMAL


def undecided(text):
    """True when ``text`` is a different number with point decimals than with comma decimals (“1.000”, “1,234”)."""
    as_point, as_comma = read_number(text, POINT_DECIMAL), read_number(text, COMMA_DECIMAL)
    return as_point.value is not None and as_comma.value is not None and as_point.value != as_comma.value


def strong_evidence(text):
    """The convention a cell proves by writing both separators (“2,966.5”, “1.234,5”), else None."""
    cleaned = str(text or "")
    return evidence(cleaned) if "," in cleaned and "." in cleaned else None


@dataclass(frozen=True)
class FileFormat:
    """The number format of a whole file, decided from its unambiguous cells.

    ``convention`` is POINT_DECIMAL or COMMA_DECIMAL, or None when the file gives no
    evidence (the person is asked). ``examples`` maps each convention to a few cells
    proving it (``(where, text)``), ``conflict`` is True when cells prove both.
    """

    convention: str | None
    examples: dict
    conflict: bool = False


def file_format(cells):
    """Decide the file's number format from ``cells``: ``(where, text)`` of the value cells written as text.

    One way proven: that way. Both ways: the way proven by cells writing both separators,
    if only one is; otherwise no decision (ask). Nothing proven: no decision.
    """
    examples = {POINT_DECIMAL: [], COMMA_DECIMAL: []}
    strong = set()
    for where, text in cells:
        proven = evidence(text)
        if proven:
            examples[proven].append((where, text))
        if strong_evidence(text):
            strong.add(strong_evidence(text))
    proven = {way for way, found in examples.items() if found}
    if len(proven) == 1:
        return FileFormat(proven.pop(), examples)
    if len(proven) == 2:
        return FileFormat(strong.pop() if len(strong) == 1 else None, examples, conflict=True)
    return FileFormat(None, examples)


def written_decimals(text, convention):
    """How many decimals ``text`` writes when read with ``convention`` (“137.50”: 2), or None if not a number."""
    cleaned = GROUP_SPACES.sub("", str(text or "").strip())
    sep = "," if convention == COMMA_DECIMAL else "."
    if sep not in cleaned:
        return 0
    fraction = cleaned.rpartition(sep)[2]
    return len(fraction) if fraction.isdigit() else None


def decimals_of(value):
    """The decimals a value was written with, as ``read_number`` keeps them: “137.50” gives 2, “45” 0."""
    if value is None:
        return None
    exponent = value.as_tuple().exponent
    return min(-exponent, MAX_DECIMALS) if isinstance(exponent, int) and exponent < 0 else 0


def fixed(value, decimals):
    """``value`` with exactly ``decimals`` places (None: as stored, without trailing zeros)."""
    if value is None or decimals is None:
        return value
    return value.quantize(Decimal(1).scaleb(-decimals)) if decimals else value.quantize(Decimal(1))
