"""A country report laid out for display and print, and next year's report started from it.

``report_for_display`` reads a whole report in a fixed number of queries (sections,
tables, updates, recommendations, follow-ups and the seizures tables they embed), so
the page, the PDF and the Word file grow in rows, never in queries.
``start_next_year`` copies the outline (numbers, titles, kinds, tables running on
to the new year), asks nobody yet, and lists last year's recommendations for their follow-up.
"""

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import access
from .models import CountryReport, EmbeddedTable, FollowUp, PartnerUpdate, Recommendation, Section
from .tables import table_data

FOLLOW_UP_TITLE = gettext_lazy("Progress on implementation of previous recommendations")
_MARKER = re.compile(r"<(p|div)>\s*\[\[table (\d+)\]\]\s*</\1>|\[\[table (\d+)\]\]")


@dataclass
class DisplaySection:
    section: Section
    depth: int
    parts: list = field(default_factory=list)  # ("html", safe) and ("table", data) in print order
    tables: list = field(default_factory=list)
    updates: list = field(default_factory=list)
    children: list = field(default_factory=list)

    @property
    def pk(self):
        return self.section.pk


@dataclass
class DisplayReport:
    report: CountryReport
    sections: list
    recommendations: list
    follow_ups: list
    update_count: int = 0

    def walk(self):
        """Every section, depth first, in print order."""
        stack = list(reversed(self.sections))
        while stack:
            item = stack.pop()
            yield item
            stack.extend(reversed(item.children))


def split_at_markers(body, tables):
    """The section text cut where a ``[[table n]]`` line stands, tables in between; the rest after the text."""
    by_position = {t["embed"].position: t for t in tables}
    parts, placed, start = [], set(), 0
    for match in _MARKER.finditer(body):
        number = int(match.group(2) or match.group(3))
        if number not in by_position:
            continue
        parts.append(("html", mark_safe(body[start : match.start()])))  # noqa: S308 (stored sanitised)
        parts.append(("table", by_position[number]))
        placed.add(number)
        start = match.end()
    parts.append(("html", mark_safe(body[start:])))  # noqa: S308 (stored sanitised)
    parts += [("table", t) for t in tables if t["embed"].position not in placed]
    return [(kind, value) for kind, value in parts if kind == "table" or str(value).strip()]


def report_for_display(report, user=None, all_updates=False):
    """``report`` as nested sections with their text, live tables and updates (seven queries and the tables').

    Updates shown are those ``access.updates_for_print`` gives (``user``'s own draft in place);
    ``all_updates`` (the secretariat's editing view) keeps every one.
    """
    sections = list(Section.objects.filter(report=report).order_by("position", "pk"))
    embeds = list(EmbeddedTable.objects.filter(section__report=report).select_related("country"))
    updates = list(
        PartnerUpdate.objects.filter(report=report)
        .select_related("organisation", "updated_by", "report")
        .order_by("position", "pk")
    )
    if not all_updates:
        updates = access.updates_for_print(updates, user)
    recommendations = list(Recommendation.objects.filter(report=report).order_by("number"))
    follow_ups = list(
        FollowUp.objects.filter(report=report)
        .select_related("recommendation__report")
        .order_by("recommendation__report__year", "recommendation__number")
    )
    cache = {}
    tables_by_section, updates_by_section = {}, {}
    for embed in sorted(embeds, key=lambda e: (e.position, e.pk)):
        tables_by_section.setdefault(embed.section_id, []).append(table_data(embed, cache))
    for update in updates:
        updates_by_section.setdefault(update.section_id, []).append(update)
    items = {}
    for section in sections:
        tables = tables_by_section.get(section.pk, [])
        items[section.pk] = DisplaySection(
            section=section,
            depth=0,
            parts=split_at_markers(section.body, tables),
            tables=tables,
            updates=updates_by_section.get(section.pk, []),
        )
    top = []
    for section in sections:
        item = items[section.pk]
        parent = items.get(section.parent_id)
        if parent is None:
            top.append(item)
        else:
            parent.children.append(item)
    for item in top:
        _set_depth(item, 0)
    return DisplayReport(report, top, recommendations, follow_ups, update_count=len(updates))


def _set_depth(item, depth):
    item.depth = depth
    for child in item.children:
        _set_depth(child, depth + 1)


def recommendation_label(report, recommendation):
    """“Recommendation 3 –” or “3.”, as the report prints its recommendations."""
    if report.recommendation_style == CountryReport.RecommendationStyle.NUMBERED:
        return format_html("{} {} –", _("Recommendation"), recommendation.number)
    return format_html("{}.", recommendation.number)


def previous_report(report):
    """The latest report of the same country before ``report``'s year, or None."""
    return CountryReport.objects.filter(country=report.country_id, year__lt=report.year).order_by("-year").first()


@transaction.atomic
def start_next_year(source, year, user=None):
    """A draft for ``year`` copied from ``source``: the outline, its texts and tables, recommendations to follow up.

    Section texts are copied as a starting point; partner updates are not (each partner
    writes a new one when asked) but their sections are. Tables keep their first year
    and run on to the new report's year, as the series grows. Last year's
    recommendations are listed under a section “Progress on implementation of previous
    recommendations” (added before the recommendations' section when the outline has
    none), each ``not started`` until said otherwise; they are also copied as this
    year's recommendations, to be kept, changed or dropped.
    """
    if CountryReport.objects.filter(country=source.country_id, year=year).exists():
        raise ValueError(
            _("There is already a report for %(country)s %(year)s.") % {"country": source.country, "year": year}
        )
    if year <= source.year:
        raise ValueError(_("The new report must be for a later year than %(year)s.") % {"year": source.year})
    gap = year - source.year
    report = CountryReport(
        country=source.country, year=year, heading=source.heading, recommendation_style=source.recommendation_style
    )
    report._history_user = user
    report.save()
    old_sections = list(Section.objects.filter(report=source).order_by("position", "pk"))
    mapping = {}
    for old in sorted(old_sections, key=lambda s: _depth_of(s, {x.pk: x for x in old_sections})):
        new = Section(
            report=report,
            parent_id=mapping.get(old.parent_id),
            position=old.position,
            kind=old.kind,
            number=old.number,
            title=old.title,
            body="" if old.kind == Section.Kind.UPDATES else old.body,
            footnotes="" if old.kind == Section.Kind.UPDATES else old.footnotes,
        )
        new._history_user = user
        new.save()
        mapping[old.pk] = new.pk
    for embed in EmbeddedTable.objects.filter(section__report=source):
        EmbeddedTable.objects.create(
            section_id=mapping[embed.section_id],
            country_id=embed.country_id,
            kind=embed.kind,
            first_year=embed.first_year,
            last_year=embed.last_year + gap,
            caption="",
            position=embed.position,
        )
    _prefill_follow_ups(source, report, mapping, user)
    return report


def _depth_of(section, by_pk):
    depth = 0
    while section.parent_id:
        section = by_pk[section.parent_id]
        depth += 1
    return depth


def _prefill_follow_ups(source, report, mapping, user):
    recommendations = list(source.recommendations.order_by("number"))
    if not recommendations:
        return
    if not report.sections.filter(kind=Section.Kind.FOLLOW_UP).exists():
        anchor = report.sections.filter(kind=Section.Kind.RECOMMENDATIONS).first()
        parent_id = anchor.parent_id if anchor else None
        position = anchor.position if anchor else (report.sections.count() + 1)
        # Make room before the recommendations' section among its siblings.
        for sibling in report.sections.filter(parent_id=parent_id, position__gte=position):
            sibling.position += 1
            sibling.save(update_fields=["position"])
        section = Section(report=report, parent_id=parent_id, position=position, kind=Section.Kind.FOLLOW_UP)
        section.title = str(FOLLOW_UP_TITLE)
        section._history_user = user
        section.save()
    FollowUp.objects.bulk_create(FollowUp(report=report, recommendation=r) for r in recommendations)
    # Last year's recommendations are this year's starting point too (as Cambodia's 2017 report kept 2016's).
    for recommendation in recommendations:
        copy = Recommendation(report=report, number=recommendation.number, text=recommendation.text)
        copy._history_user = user
        copy.save()


# The outline a country's first report starts from (the Lao PDR report of 2017).
DEFAULT_OUTLINE = (
    ("1.", gettext_lazy("General Situation"), Section.Kind.TEXT, ()),
    ("2.", gettext_lazy("National and regional responses"), Section.Kind.TEXT, ()),
    (
        "3.",
        gettext_lazy("Update on counter-narcotics programs supported by development partners"),
        Section.Kind.UPDATES,
        (),
    ),
    ("4.", gettext_lazy("Identification of needs for external assistance"), Section.Kind.TEXT, ()),
    (
        "5.",
        gettext_lazy("Mini Dublin Group coordination"),
        Section.Kind.TEXT,
        (
            ("(i)", gettext_lazy("Mini Dublin Group's assessment of emerging threats / trends"), Section.Kind.TEXT),
            (
                "(ii)",
                gettext_lazy("Mini Dublin Group's assessment of political will and counter-narcotics initiatives"),
                Section.Kind.TEXT,
            ),
            (
                "(iii)",
                gettext_lazy("Mini Dublin Group's recommendations for strengthening counter-narcotics initiatives"),
                Section.Kind.RECOMMENDATIONS,
            ),
        ),
    ),
)


@transaction.atomic
def new_report(country, year, heading="", user=None):
    """The country's report for ``year``: copied from its latest earlier report, else the default outline."""
    source = CountryReport.objects.filter(country=country, year__lt=year).order_by("-year").first()
    if source is not None:
        report = start_next_year(source, year, user)
        if heading:
            report.heading = heading
            report.save(update_fields=["heading"])
        return report
    report = CountryReport(country=country, year=year, heading=heading or country.name.upper())
    report._history_user = user
    report.save()
    for position, (number, title, kind, children) in enumerate(DEFAULT_OUTLINE, start=1):
        parent = Section.objects.create(report=report, position=position, number=number, title=str(title), kind=kind)
        for sub, (sub_number, sub_title, sub_kind) in enumerate(children, start=1):
            Section.objects.create(
                report=report, parent=parent, position=sub, number=sub_number, title=str(sub_title), kind=sub_kind
            )
    return report
