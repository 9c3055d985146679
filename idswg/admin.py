"""The back office (Django admin). Staff work in the portal's own pages; this is for repairs."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Organisation, Person, SentMessage, User


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + ((None, {"fields": ("organisation",)}),)
    list_display = ("username", "email", "organisation", "is_active", "is_staff")
    list_filter = ("groups", "is_active", "is_staff")


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "short_name", "kind", "country")
    list_filter = ("kind",)
    search_fields = ("name", "short_name")


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ("name", "honorific", "position", "organisation", "email")
    search_fields = ("name", "email", "position")
    list_select_related = ("organisation",)


@admin.register(SentMessage)
class SentMessageAdmin(admin.ModelAdmin):
    list_display = ("subject", "to", "topic", "state", "created_at", "sent_at")
    list_filter = ("state", "topic")
    readonly_fields = [f.name for f in SentMessage._meta.fields]
