"""URLs of the seizures app (included under /seizures/)."""

from django.urls import path

from . import import_views, table_views, views

app_name = "seizures"

urlpatterns = [
    path("", views.index, name="index"),
    path("import/", import_views.upload, name="import"),
    path("import/<int:pk>/", import_views.preview, name="import_preview"),
    path("import/<int:pk>/cancel/", import_views.cancel, name="import_cancel"),
    path("tables/new/", table_views.table_new, name="table_new"),
    path("measures/new/", table_views.measure_new, name="measure_new"),
    path("<slug:slug>/", views.table, name="table"),
    path("<slug:slug>/edit/", table_views.table_edit, name="table_edit"),
    path("<slug:slug>/trends/", views.trends, name="trends"),
    path("<slug:slug>/charts/", views.charts, name="charts"),
    path("<slug:slug>/charts/<slug:measure>.svg", views.chart, name="chart"),
    path("<slug:slug>/export.<str:fmt>", import_views.export, name="export"),
    path("<slug:slug>/rows/new/", views.row_new, name="row_new"),
    path("<slug:slug>/rows/<int:year>/", views.row, name="row"),
    path("<slug:slug>/rows/<int:year>/edit/", views.row_edit, name="row_edit"),
    path("<slug:slug>/rows/<int:year>/history/", views.history, name="history"),
]
