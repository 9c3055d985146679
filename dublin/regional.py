"""The regional report: a cover, contents, then the chosen country reports of its year in order."""

from django.db import transaction

from .models import RegionalEntry
from .outline import report_for_display


@transaction.atomic
def set_reports(regional, reports):
    """Bind ``reports`` (country reports of the regional report's year) in this order, replacing the last choice."""
    if any(report.year != regional.year for report in reports):
        raise ValueError("a regional report binds the country reports of its own year")
    regional.entries.all().delete()
    RegionalEntry.objects.bulk_create(
        RegionalEntry(regional=regional, report=report, position=position)
        for position, report in enumerate(reports, start=1)
    )


def chosen_reports(regional):
    return [entry.report for entry in regional.entries.select_related("report__country").order_by("position", "pk")]


def for_print(regional):
    """Each bound report laid out for print (what a reader other than its writers sees)."""
    return [report_for_display(report) for report in chosen_reports(regional)]
