"""The portal's URLs: shared pages here, each app under its own prefix.

Nothing under MEDIA_ROOT has a URL, in any mode: rendered PDFs and uploads are drafts and
personal data, served only by the permission-checked download views.
"""

from django.contrib import admin
from django.urls import include, path

from . import language, outbox_views, render_views, views
from .login_views import PasswordResetView, account_unlock

urlpatterns = [
    path("", views.home, name="home"),
    # Before Django's own: the same URL and name, with the request limit of idswg.throttle.
    path("accounts/password_reset/", PasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("accounts/profile/", views.profile, name="profile"),
    path("directory/", views.organisation_list, name="organisation_list"),
    path("directory/organisations/new/", views.organisation_edit, name="organisation_create"),
    path("directory/organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("directory/organisations/<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
    path("directory/organisations/<int:pk>/logo/", views.organisation_logo, name="organisation_logo"),
    path("directory/organisations/<int:pk>/delete/", views.organisation_delete, name="organisation_delete"),
    path("directory/people/", views.person_list, name="person_list"),
    path("directory/people/new/", views.person_edit, name="person_create"),
    path("directory/people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("manage/accounts/", views.account_list, name="account_list"),
    path("manage/accounts/new/", views.account_edit, name="account_create"),
    path("manage/accounts/<int:pk>/edit/", views.account_edit, name="account_edit"),
    path("manage/accounts/<int:pk>/unlock/", account_unlock, name="account_unlock"),
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

# Error pages in the portal's layout (idswg/errors.py); 403 and 404 are Django's own views
# rendering templates/403.html and 404.html.
handler400 = "idswg.errors.bad_request"
handler500 = "idswg.errors.server_error"
