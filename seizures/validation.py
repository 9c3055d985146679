"""Checks a value against its own series, as statistical offices do before publishing.

A value more than ten times, or under a tenth of, the median of its neighbouring years
is not refused: real seizures do jump (one big bust), but the jump must be confirmed by
a person with a comment. A typo such as “462,988” kg of cannabis in a series of a few
thousand is caught this way. Refusals (negative, not a number) are in ``numbers.py``.
"""

from decimal import Decimal
from statistics import median

from django.utils.translation import gettext as _

from .numbers import grouped

RATIO = Decimal(10)
NEIGHBOURS_EACH_SIDE = 3
MIN_NEIGHBOURS = 2


def neighbour_median(series, year):
    """The median of up to three reported years on each side of ``year`` (None if fewer than two).

    ``series`` maps year to Decimal (or None for not reported); ``year`` itself is left out.
    """
    reported = {y: v for y, v in series.items() if v is not None and y != year}
    before = sorted((y for y in reported if y < year), reverse=True)[:NEIGHBOURS_EACH_SIDE]
    after = sorted(y for y in reported if y > year)[:NEIGHBOURS_EACH_SIDE]
    values = [reported[y] for y in before + after]
    if len(values) < MIN_NEIGHBOURS:
        return None
    return Decimal(median(values))


def outlier_flag(value, series, year):
    """Why ``value`` for ``year`` looks wrong next to ``series``, or "" if it does not.

    A median of zero gives no scale to compare with, so nothing is flagged then.
    """
    if value is None:
        return ""
    middle = neighbour_median(series, year)
    if not middle:
        return ""
    shown = {"value": grouped(value), "median": grouped(middle.quantize(Decimal("0.01")).normalize())}
    if value == 0:
        return _("Zero where the neighbouring years have a median of %(median)s: is it “not reported”?") % shown
    if value > middle * RATIO:
        return _("%(value)s is more than ten times the median of the neighbouring years (%(median)s).") % shown
    if value * RATIO < middle:
        return _("%(value)s is less than a tenth of the median of the neighbouring years (%(median)s).") % shown
    return ""


def series_flags(series):
    """``{year: reason}`` for every value of ``series`` that ``outlier_flag`` questions."""
    flags = {}
    for year, value in series.items():
        reason = outlier_flag(value, series, year)
        if reason:
            flags[year] = reason
    return flags
