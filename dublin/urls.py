from django.urls import path

from .views import history, regional, reports, updates

app_name = "dublin"

urlpatterns = [
    path("", reports.report_list, name="report_list"),
    path("new/", reports.report_create, name="report_create"),
    path("<int:pk>/", reports.report_detail, name="report_detail"),
    path("<int:pk>/state/", reports.report_state, name="report_state"),
    path("<int:pk>/word/", reports.report_docx, name="report_docx"),
    path("<int:pk>/history/", history.report_history, name="report_history"),
    path("<int:pk>/history/<slug:kind>/<int:history_id>/restore/", history.restore, name="restore"),
    path("<int:report_pk>/sections/new/", reports.section_add, name="section_add"),
    path("sections/<int:pk>/", reports.section_edit, name="section_edit"),
    path("sections/<int:pk>/move/", reports.section_move, name="section_move"),
    path("sections/<int:pk>/delete/", reports.section_delete, name="section_delete"),
    path("sections/<int:section_pk>/tables/new/", reports.table_add, name="table_add"),
    path("tables/<int:pk>/delete/", reports.table_delete, name="table_delete"),
    path("<int:report_pk>/recommendations/new/", reports.recommendation_add, name="recommendation_add"),
    path("recommendations/<int:pk>/", reports.recommendation_edit, name="recommendation_edit"),
    path("recommendations/<int:pk>/delete/", reports.recommendation_delete, name="recommendation_delete"),
    path("follow-ups/<int:pk>/", reports.follow_up_edit, name="follow_up_edit"),
    path("<int:pk>/board/", updates.board, name="board"),
    path("<int:pk>/request/", updates.request_updates, name="request_updates"),
    path("updates/", updates.my_updates, name="my_updates"),
    path("updates/<int:pk>/", updates.update_edit, name="update_edit"),
    path("updates/<int:pk>/submit/", updates.update_submit, name="update_submit"),
    path("updates/<int:pk>/accept/", updates.update_accept, name="update_accept"),
    path("updates/<int:pk>/reopen/", updates.update_reopen, name="update_reopen"),
    path("regional/new/", regional.regional_edit, name="regional_create"),
    path("regional/<int:pk>/", regional.regional_detail, name="regional_detail"),
    path("regional/<int:pk>/edit/", regional.regional_edit, name="regional_edit"),
    path("regional/<int:pk>/word/", regional.regional_docx, name="regional_docx"),
]
