"""URLs of the seizures app (included under /seizures/)."""

from django.urls import path

from .views import imports, rows, setup, tables

app_name = "seizures"

urlpatterns = [
    path("", tables.index, name="index"),
    path("import/", imports.upload, name="import"),
    path("import/<int:pk>/", imports.preview, name="import_preview"),
    path("import/<int:pk>/cancel/", imports.cancel, name="import_cancel"),
    path("tables/new/", setup.table_new, name="table_new"),
    path("measures/new/", setup.measure_new, name="measure_new"),
    path("<slug:slug>/", tables.table, name="table"),
    path("<slug:slug>/edit/", setup.table_edit, name="table_edit"),
    path("<slug:slug>/trends/", tables.trends, name="trends"),
    path("<slug:slug>/reported-trends/edit/", setup.reported_trends_edit, name="reported_trends_edit"),
    path("<slug:slug>/reported-trends/export.<str:fmt>", imports.trends_export, name="reported_trends_export"),
    path("<slug:slug>/charts/", tables.charts, name="charts"),
    path("<slug:slug>/charts/<slug:measure>.svg", tables.chart, name="chart"),
    path("<slug:slug>/export.<str:fmt>", imports.export, name="export"),
    path("<slug:slug>/rows/new/", rows.row_new, name="row_new"),
    path("<slug:slug>/rows/<int:year>/", rows.row, name="row"),
    path("<slug:slug>/rows/<int:year>/edit/", rows.row_edit, name="row_edit"),
    path("<slug:slug>/rows/<int:year>/history/", rows.history, name="history"),
]
