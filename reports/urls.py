"""URLs of the reports app (included under /reports/)."""

from django.urls import path

from .views import briefing, comments, docx, history, matrix, narratives, plans, reports

app_name = "reports"

urlpatterns = [
    path("", reports.report_list, name="report_list"),
    path("briefings/<int:meeting_pk>/", briefing.briefing_edit, name="briefing_edit"),
    path("new/", reports.report_create, name="report_create"),
    path("import/", docx.report_import, name="report_import"),
    path("<int:pk>/", reports.report_detail, name="report_detail"),
    path("<int:pk>/edit/", reports.report_edit, name="report_edit"),
    path("<int:pk>/state/", reports.report_state, name="report_state"),
    path("<int:pk>/history/", history.report_history, name="report_history"),
    path("<int:pk>/history/<int:history_id>/restore/", history.report_restore, name="report_restore"),
    path("<int:pk>/history/<int:history_id>/bring-back/", history.row_undelete, name="row_undelete"),
    path("<int:pk>/next-year/", reports.report_next_year, name="report_next_year"),
    path("<int:pk>/export.docx", docx.report_export_docx, name="report_export_docx"),
    path("<int:report_pk>/narratives/new/", narratives.narrative_edit, name="narrative_create"),
    path("<int:report_pk>/narratives/<int:pk>/edit/", narratives.narrative_edit, name="narrative_edit"),
    path("narratives/<int:pk>/delete/", narratives.narrative_delete, name="narrative_delete"),
    path("narratives/<int:pk>/move/", narratives.narrative_move, name="narrative_move"),
    path("narratives/<int:pk>/history/<int:history_id>/restore/", history.narrative_restore, name="narrative_restore"),
    path("<int:report_pk>/sections/new/", matrix.section_create, name="section_create"),
    path("sections/<int:pk>/edit/", matrix.section_edit, name="section_edit"),
    path("sections/<int:pk>/move/", matrix.section_move, name="section_move"),
    path("sections/<int:pk>/delete/", matrix.section_delete, name="section_delete"),
    path("sections/<int:pk>/reorder/", matrix.section_reorder, name="section_reorder"),
    path("sections/<int:pk>/history/<int:history_id>/restore/", history.section_restore, name="section_restore"),
    path("sections/<int:section_pk>/rows/new/", matrix.row_create, name="row_create"),
    path("rows/<int:pk>/", matrix.row_fragment, name="row_fragment"),
    path("rows/<int:pk>/edit/", matrix.row_edit, name="row_edit"),
    path("rows/<int:pk>/move/", matrix.row_move, name="row_move"),
    path("rows/<int:pk>/delete/", matrix.row_delete, name="row_delete"),
    path("rows/<int:pk>/history/", history.row_history, name="row_history"),
    path("rows/<int:pk>/history/<int:history_id>/restore/", history.row_restore, name="row_restore"),
    path("rows/<int:row_pk>/comments/", comments.comment_create, name="comment_create"),
    path("comments/<int:pk>/resolve/", comments.comment_resolve, name="comment_resolve"),
    path("plans/", plans.plan_list, name="plan_list"),
    path("plans/new/", plans.plan_edit, name="plan_create"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", plans.plan_edit, name="plan_edit"),
]
