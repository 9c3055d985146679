"""Who may open the pages of the reports app (see ``idswg.access``).

The demo has two final reports (2015, 2019) and one in review (2024). The rules that
need a draft make one (``_draft``); a change to a final report is refused (403) to
everyone, the secretariat included.
"""

from idswg import renders
from idswg.access import HTMX, LOGIN, Rule, members, only_secretariat
from meetings.models import Meeting

from .briefing import KEY as BRIEFING
from .models import MatrixRow, MatrixSection, NarrativeSection, Report, RowComment

REFUSED = {"anonymous": LOGIN, "partner": 403, "cochair": 403, "secretariat": 403}
DRAFT_ONLY_SECRETARIAT = {"anonymous": LOGIN, "partner": 404, "cochair": 404, "secretariat": 200}


def _report(year):
    return Report.objects.get(kind=Report.Kind.ANNUAL, year=year)


def _draft_section():
    report, _ = Report.objects.get_or_create(
        kind=Report.Kind.ANNUAL, year=2031, defaults={"title": "Access check draft 2031"}
    )
    section, _ = MatrixSection.objects.get_or_create(report=report, parent=None, title="Access check")
    return section


def _draft_row():
    section = _draft_section()
    return section.rows.first() or MatrixRow.objects.create(section=section, outputs="<p>Access check</p>")


def _draft_narrative():
    report = _draft_section().report
    narrative, _ = NarrativeSection.objects.get_or_create(report=report, title="Access check", defaults={"body": "x"})
    return narrative


def _final_narrative():
    return _report(2015).narratives.order_by("pk").first()


def _final_row():
    return MatrixRow.objects.filter(section__report=_report(2019)).order_by("pk").first()


def _final_section():
    return MatrixSection.objects.filter(report=_report(2019)).order_by("pk").first()


def _hlm():
    return Meeting.objects.get(kind=Meeting.Kind.HIGH_LEVEL, starts_at__year=2024)


def _hlm_briefing(world):
    return {"key": BRIEFING, "obj_id": _hlm().pk}


def _rendered_hlm_briefing(world):
    """The demo briefing (invitation, 2024 report, Lao PDR table), rendered so there is a file."""
    job = renders.request_render(BRIEFING, _hlm().pk)
    if job.state != "done":
        renders.run(job.pk)
    return _hlm_briefing(world)


def _pdf(report):
    return lambda world: {"key": "report", "obj_id": report().pk}


def _comment(world):
    row = _draft_row()
    comment = row.comments.filter(resolved_at=None).first() or RowComment.objects.create(
        row=row, author=world["users"]["partner"], body="Access check"
    )
    return {"pk": comment.pk}


ACCESS = [
    # Partners and co-chairs read a report in review and a final one in every form (reports.access).
    Rule("render_status", members(), kwargs=_pdf(lambda: _report(2019))),
    Rule("render_status", members(), kwargs=_pdf(lambda: _report(2024))),
    Rule("render_status", only_secretariat(), kwargs=_pdf(lambda: _draft_section().report)),
    # The briefing is for co-chairs and the secretariat.
    Rule("render_status", {**only_secretariat(), "cochair": 200}, kwargs=_hlm_briefing),
    Rule("render_download", {**only_secretariat(), "cochair": 200}, kwargs=_rendered_hlm_briefing),
    Rule("reports:briefing_edit", only_secretariat(), kwargs=lambda world: {"meeting_pk": _hlm().pk}),
    Rule("reports:report_list", members()),
    Rule("reports:report_create", only_secretariat()),
    Rule("reports:report_import", only_secretariat()),
    Rule("reports:report_detail", members(), kwargs=lambda w: {"pk": _report(2019).pk}),
    Rule("reports:report_detail", members(), kwargs=lambda w: {"pk": _report(2024).pk}),
    Rule("reports:report_detail", DRAFT_ONLY_SECRETARIAT, kwargs=lambda w: {"pk": _draft_section().report_id}),
    Rule("reports:report_edit", only_secretariat(), kwargs=lambda w: {"pk": _draft_section().report_id}),
    Rule("reports:report_edit", REFUSED, kwargs=lambda w: {"pk": _report(2019).pk}),
    Rule(
        "reports:report_state",
        REFUSED,
        kwargs=lambda w: {"pk": _report(2019).pk},
        method="post",
        data={"state": "draft"},
    ),
    Rule("reports:report_history", only_secretariat(), kwargs=lambda w: {"pk": _report(2019).pk}),
    Rule(
        "reports:report_restore",
        REFUSED,
        kwargs=lambda w: {"pk": _report(2019).pk, "history_id": _report(2019).history.last().history_id},
        method="post",
    ),
    Rule("reports:report_next_year", only_secretariat(), kwargs=lambda w: {"pk": _report(2019).pk}),
    Rule("reports:report_export_docx", members(), kwargs=lambda w: {"pk": _report(2015).pk}),
    Rule("reports:narrative_create", only_secretariat(), kwargs=lambda w: {"report_pk": _draft_section().report_id}),
    Rule(
        "reports:narrative_edit",
        only_secretariat(),
        kwargs=lambda w: {"report_pk": _report(2024).pk, "pk": _report(2024).narratives.first().pk},
    ),
    Rule(
        "reports:narrative_move",
        only_secretariat(302),
        kwargs=lambda w: {"pk": _report(2024).narratives.last().pk},
        method="post",
        data={"direction": "up"},
    ),
    Rule("reports:narrative_move", REFUSED, kwargs=lambda w: {"pk": _report(2015).narratives.last().pk}, method="post"),
    Rule(
        "reports:narrative_restore",
        only_secretariat(302),
        kwargs=lambda w: {"pk": _draft_narrative().pk, "history_id": _draft_narrative().history.last().history_id},
        method="post",
    ),
    Rule(
        "reports:narrative_restore",
        REFUSED,
        kwargs=lambda w: {"pk": _final_narrative().pk, "history_id": _final_narrative().history.last().history_id},
        method="post",
    ),
    Rule(
        "reports:narrative_delete", REFUSED, kwargs=lambda w: {"pk": _report(2015).narratives.first().pk}, method="post"
    ),
    Rule(
        "reports:section_create",
        only_secretariat(302),
        kwargs=lambda w: {"report_pk": _draft_section().report_id},
        method="post",
        data={"title": "Access check section"},
    ),
    Rule("reports:section_create", REFUSED, kwargs=lambda w: {"report_pk": _report(2019).pk}, method="post"),
    Rule(
        "reports:section_edit",
        REFUSED,
        kwargs=lambda w: {"pk": _final_section().pk},
        method="post",
        data={"title": "x"},
    ),
    Rule(
        "reports:section_restore",
        only_secretariat(302),
        kwargs=lambda w: {"pk": _draft_section().pk, "history_id": _draft_section().history.last().history_id},
        method="post",
    ),
    Rule(
        "reports:section_restore",
        REFUSED,
        kwargs=lambda w: {"pk": _final_section().pk, "history_id": _final_section().history.last().history_id},
        method="post",
    ),
    Rule("reports:section_move", REFUSED, kwargs=lambda w: {"pk": _final_section().pk}, method="post"),
    Rule("reports:section_delete", REFUSED, kwargs=lambda w: {"pk": _final_section().pk}, method="post"),
    Rule("reports:section_reorder", REFUSED, kwargs=lambda w: {"pk": _final_section().pk}, method="post"),
    Rule(
        "reports:row_create", only_secretariat(302), kwargs=lambda w: {"section_pk": _draft_section().pk}, method="post"
    ),
    Rule("reports:row_create", REFUSED, kwargs=lambda w: {"section_pk": _final_section().pk}, method="post"),
    # A row as htmx asks for it; opened as a link, a redirect to the row in its report.
    Rule("reports:row_fragment", members(), kwargs=lambda w: {"pk": _final_row().pk}, headers=HTMX),
    Rule("reports:row_fragment", members(302), kwargs=lambda w: {"pk": _final_row().pk}),
    Rule("reports:row_edit", only_secretariat(), kwargs=lambda w: {"pk": _draft_row().pk}, headers=HTMX),
    Rule("reports:row_edit", only_secretariat(302), kwargs=lambda w: {"pk": _draft_row().pk}),
    Rule("reports:row_edit", REFUSED, kwargs=lambda w: {"pk": _final_row().pk}),
    Rule(
        "reports:row_move", REFUSED, kwargs=lambda w: {"pk": _final_row().pk}, method="post", data={"direction": "down"}
    ),
    Rule("reports:row_delete", REFUSED, kwargs=lambda w: {"pk": _final_row().pk}, method="post"),
    Rule(
        "reports:row_delete",
        only_secretariat(302),
        kwargs=lambda w: {"pk": MatrixRow.objects.create(section=_draft_section()).pk},
        method="post",
    ),
    Rule(
        "reports:row_undelete",
        REFUSED,
        kwargs=lambda w: {"pk": _report(2019).pk, "history_id": _final_row().history.last().history_id},
        method="post",
    ),
    Rule("reports:row_history", only_secretariat(), kwargs=lambda w: {"pk": _final_row().pk}),
    Rule(
        "reports:row_restore",
        REFUSED,
        kwargs=lambda w: {"pk": _final_row().pk, "history_id": _final_row().history.last().history_id},
        method="post",
        data={"version": "1"},
    ),
    Rule(
        "reports:comment_create",
        REFUSED,
        kwargs=lambda w: {"row_pk": _final_row().pk},
        method="post",
        data={"body": "x"},
    ),
    Rule("reports:comment_resolve", only_secretariat(302), kwargs=_comment, method="post"),
    Rule("reports:plan_list", members()),
    Rule("reports:plan_create", only_secretariat()),
    Rule(
        "reports:plan_detail",
        members(),
        kwargs=lambda w: {"pk": w and _report(2024).narratives.exclude(plan=None).first().plan_id},
    ),
    Rule(
        "reports:plan_edit",
        only_secretariat(),
        kwargs=lambda w: {"pk": _report(2024).narratives.exclude(plan=None).first().plan_id},
    ),
]

__all__ = ["ACCESS", "LOGIN"]
