"""The two column layouts of the matrix, as the Round Table templates of 2019 and 2015 define them.

Every row stores all columns; the layout a report chooses decides which of them the
matrix shows, under which heading. ``indicator`` is a short plain line shown under
the outputs ("Indicator: None" in 2015), the other columns hold formatted text.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

RICH_COLUMNS = ("outputs", "progress", "challenges", "key_messages")


@dataclass(frozen=True)
class Column:
    name: str
    label: str
    rich: bool = True


LAYOUT_2019 = "2019"
LAYOUT_2015 = "2015"

LAYOUTS = {
    LAYOUT_2019: (
        Column("outputs", _("Sector outputs and activities")),
        Column("progress", _("Progress")),
        Column("challenges", _("Challenges and opportunities")),
    ),
    LAYOUT_2015: (
        Column("outputs", _("Sector outputs and activities")),
        Column("progress", _("Progress")),
        Column("challenges", _("Challenges and measures")),
        Column("key_messages", _("Key messages to inform discussions during the HL RTM")),
        Column("indicator", _("Indicator"), rich=False),
    ),
}

LAYOUT_CHOICES = (
    (LAYOUT_2019, _("2019: outputs and activities, progress, challenges and opportunities")),
    (LAYOUT_2015, _("2015: adds key messages for the High-Level RTM and an indicator line")),
)


def matrix_heading(layout, year, has_narratives):
    """The heading the matrix prints under, as the seed of each layout has it.

    The 2019 template opens the matrix with "Overview of Sector Performance in 2019". In
    the 2015 template the matrix is the body of the report's own section "II. Overview of
    FY 2014/2015 Sector Performance", printed just before it, so it has no heading of its
    own (a report without narratives still gets one).
    """
    if layout == LAYOUT_2015 and has_narratives:
        return ""
    return _("Overview of Sector Performance in %(year)s") % {"year": year}


def columns(layout):
    """The columns of ``layout`` in display order."""
    return LAYOUTS[layout]


def table_columns(layout):
    """The columns that get a table column of their own (the indicator sits under the outputs)."""
    return tuple(c for c in LAYOUTS[layout] if c.rich)
