"""URLs of the reports app (included under /reports/)."""

from django.urls import path

from . import briefing_views, docx_views, matrix_views, plan_views, views

urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("briefings/<int:meeting_pk>/", briefing_views.briefing_edit, name="briefing_edit"),
    path("new/", views.report_create, name="report_create"),
    path("import/", docx_views.report_import, name="report_import"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("<int:pk>/state/", views.report_state, name="report_state"),
    path("<int:pk>/history/", views.report_history, name="report_history"),
    path("<int:pk>/history/<int:history_id>/restore/", views.report_restore, name="report_restore"),
    path("<int:pk>/history/<int:history_id>/bring-back/", views.row_undelete, name="row_undelete"),
    path("<int:pk>/next-year/", views.report_next_year, name="report_next_year"),
    path("<int:pk>/export.docx", docx_views.report_export_docx, name="report_export_docx"),
    path("<int:report_pk>/narratives/new/", views.narrative_edit, name="narrative_create"),
    path("<int:report_pk>/narratives/<int:pk>/edit/", views.narrative_edit, name="narrative_edit"),
    path("narratives/<int:pk>/delete/", views.narrative_delete, name="narrative_delete"),
    path("narratives/<int:pk>/move/", views.narrative_move, name="narrative_move"),
    path("narratives/<int:pk>/history/<int:history_id>/restore/", views.narrative_restore, name="narrative_restore"),
    path("<int:report_pk>/sections/new/", matrix_views.section_create, name="section_create"),
    path("sections/<int:pk>/edit/", matrix_views.section_edit, name="section_edit"),
    path("sections/<int:pk>/move/", matrix_views.section_move, name="section_move"),
    path("sections/<int:pk>/delete/", matrix_views.section_delete, name="section_delete"),
    path("sections/<int:pk>/reorder/", matrix_views.section_reorder, name="section_reorder"),
    path("sections/<int:pk>/history/<int:history_id>/restore/", views.section_restore, name="section_restore"),
    path("sections/<int:section_pk>/rows/new/", matrix_views.row_create, name="row_create"),
    path("rows/<int:pk>/", matrix_views.row_fragment, name="row_fragment"),
    path("rows/<int:pk>/edit/", matrix_views.row_edit, name="row_edit"),
    path("rows/<int:pk>/move/", matrix_views.row_move, name="row_move"),
    path("rows/<int:pk>/delete/", matrix_views.row_delete, name="row_delete"),
    path("rows/<int:pk>/history/", views.row_history, name="row_history"),
    path("rows/<int:pk>/history/<int:history_id>/restore/", views.row_restore, name="row_restore"),
    path("rows/<int:row_pk>/comments/", views.comment_create, name="comment_create"),
    path("comments/<int:pk>/resolve/", views.comment_resolve, name="comment_resolve"),
    path("plans/", plan_views.plan_list, name="plan_list"),
    path("plans/new/", plan_views.plan_edit, name="plan_create"),
    path("plans/<int:pk>/", plan_views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", plan_views.plan_edit, name="plan_edit"),
]
