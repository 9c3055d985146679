"""The portal's URLs: shared pages here, each app under its own prefix."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from . import language, outbox_views, render_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("accounts/profile/", views.profile, name="profile"),
    path("directory/", views.organisation_list, name="organisation_list"),
    path("directory/organisations/new/", views.organisation_edit, name="organisation_create"),
    path("directory/organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("directory/organisations/<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
    path("directory/organisations/<int:pk>/delete/", views.organisation_delete, name="organisation_delete"),
    path("directory/people/", views.person_list, name="person_list"),
    path("directory/people/new/", views.person_edit, name="person_create"),
    path("directory/people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("manage/accounts/", views.account_list, name="account_list"),
    path("manage/accounts/new/", views.account_edit, name="account_create"),
    path("manage/accounts/<int:pk>/edit/", views.account_edit, name="account_edit"),
    path("manage/outbox/", outbox_views.outbox_list, name="outbox"),
    path("manage/outbox/<int:pk>/resend/", outbox_views.outbox_resend, name="outbox_resend"),
    path("documents/", render_views.render_list, name="render_list"),
    path("documents/<slug:key>/<int:obj_id>/render/", render_views.render_request, name="render_request"),
    path("documents/<slug:key>/<int:obj_id>/status/", render_views.render_status, name="render_status"),
    path("documents/<slug:key>/<int:obj_id>/download/", render_views.render_download, name="render_download"),
    path("i18n/setlang/", language.set_language, name="set_language"),
    path("meetings/", include("meetings.urls")),
    path("reports/", include("reports.urls")),
    path("seizures/", include("seizures.urls")),
    path("mini-dublin/", include("dublin.urls")),
    path("back-office/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
