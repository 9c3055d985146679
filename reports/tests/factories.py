"""Factories for the reports app (factory-boy)."""

import factory

from reports.models import MatrixRow, MatrixSection, NarrativeSection, Plan, PriorityArea, Report, RowComment


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    name = factory.Sequence(lambda n: f"Test Master Plan {n}")
    kind = Plan.Kind.MASTER_PLAN
    start_year = 2016
    end_year = 2020


class PriorityAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriorityArea

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Priority area {n}")


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    year = factory.Sequence(lambda n: 2040 + n % 60)  # tests name years before 2040 when they need one
    title = factory.LazyAttribute(lambda r: f"IDSWG report {r.year}")
    swg_name = "Illicit Drug Sector Working Group"


class NarrativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NarrativeSection

    report = factory.SubFactory(ReportFactory)
    kind = NarrativeSection.Kind.LESSONS
    title = "Lessons learned"
    body = "<p>We learned things.</p>"


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatrixSection

    report = factory.SubFactory(ReportFactory)
    title = factory.Sequence(lambda n: f"Section {n}")
    position = factory.Sequence(lambda n: n + 1)


class RowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatrixRow

    section = factory.SubFactory(SectionFactory)
    position = factory.Sequence(lambda n: n + 1)
    outputs = factory.Sequence(lambda n: f"<p>Output {n}</p>")
    progress = "<p>Some progress</p>"
    challenges = "<p>Some challenges</p>"


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RowComment

    row = factory.SubFactory(RowFactory)
    body = "Please add the 2019 figures."


def report_with_rows(n, state=Report.State.DRAFT, layout="2019", areas=()):
    """A report with a lettered section and its numbered subsection, and ``n`` rows (each with a comment)."""
    from idswg.tests.factories import UserFactory

    author = UserFactory()
    report = ReportFactory(state=Report.State.DRAFT, layout=layout)
    top = SectionFactory(report=report, title="Sectoral thematic areas")
    sub = SectionFactory(report=report, parent=top, title="Actions relating to the RTIM")
    for i in range(n):
        row = RowFactory(section=top if i % 2 else sub)
        if areas:
            row.priority_areas.set(areas)
        CommentFactory(row=row, author=author)
    if state != Report.State.DRAFT:
        report.state = state
        report.save()
    return report
