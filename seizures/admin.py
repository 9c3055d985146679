"""Back office for the reference lists (countries, measures) that the pages do not edit."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Country, ImportBatch, Measure, SeizureValue, TableColumn


class TableColumnInline(admin.TabularInline):
    model = TableColumn
    extra = 1


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "display_order", "source")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [TableColumnInline]


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = ("name", "unit", "kind", "display_order")
    prepopulated_fields = {"slug": ("name", "unit")}


@admin.register(SeizureValue)
class SeizureValueAdmin(SimpleHistoryAdmin):
    list_display = ("country", "year", "measure", "value", "period_months", "flag")
    list_filter = ("country", "measure")


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ("filename", "state", "uploaded_by", "created_at")
    readonly_fields = ("rows", "summary")
