"""URLs of the meetings app (included under /meetings/)."""

from django.urls import path

from .views import agenda, followup, materials, meetings, minutes, rsvp

app_name = "meetings"

urlpatterns = [
    path("", meetings.meeting_list, name="list"),
    path("new/", meetings.meeting_edit, name="create"),
    path("<int:pk>/", meetings.meeting_detail, name="detail"),
    path("<int:pk>/edit/", meetings.meeting_edit, name="edit"),
    path("<int:pk>/calendar.ics", meetings.meeting_ics, name="ics"),
    path("<int:pk>/cancel/", meetings.meeting_cancel, name="cancel"),
    path("<int:pk>/agenda/", agenda.agenda_editor, name="agenda"),
    path("<int:pk>/agenda/new/", agenda.agenda_item_new, name="agenda_item_new"),
    path("<int:pk>/agenda/<int:item_pk>/edit/", agenda.agenda_item_edit, name="agenda_item_edit"),
    path("<int:pk>/agenda/<int:item_pk>/delete/", agenda.agenda_item_delete, name="agenda_item_delete"),
    path("<int:pk>/agenda/<int:item_pk>/move/", agenda.agenda_item_move, name="agenda_item_move"),
    path("<int:pk>/agenda/reorder/", agenda.agenda_reorder, name="agenda_reorder"),
    path("<int:pk>/agenda/copy/", agenda.agenda_copy, name="agenda_copy"),
    path("<int:pk>/invitations/", rsvp.invitation_manage, name="invitations"),
    path("<int:pk>/invitations/send/", rsvp.invitation_send_unsent, name="invitations_send"),
    path("<int:pk>/invitations/<int:invitation_pk>/resend/", rsvp.invitation_resend, name="invitation_resend"),
    path("<int:pk>/invitations/<int:invitation_pk>/history/", rsvp.invitation_history, name="invitation_history"),
    path("<int:pk>/dashboard/", followup.dashboard, name="dashboard"),
    path("<int:pk>/participants.csv", followup.participants_csv, name="participants_csv"),
    path("<int:pk>/participants.xlsx", followup.participants_xlsx, name="participants_xlsx"),
    path("<int:pk>/sign-in-sheet/", followup.sign_in_sheet, name="sign_in_sheet"),
    path("<int:pk>/check-in/", followup.check_in, name="check_in"),
    path("<int:pk>/check-in/<int:attendee_pk>/", followup.check_in_mark, name="check_in_mark"),
    path("<int:pk>/materials/", materials.material_list, name="materials"),
    path("<int:pk>/materials/document/", materials.material_document_add, name="material_document_add"),
    path("<int:pk>/materials/<int:material_pk>/delete/", materials.material_delete, name="material_delete"),
    path("<int:pk>/materials/<int:material_pk>/download/", materials.material_download, name="material_download"),
    path("<int:pk>/minutes/", minutes.minutes_edit, name="minutes"),
    path("<int:pk>/minutes/send/", minutes.minutes_send, name="minutes_send"),
    path("<int:pk>/action-points/", minutes.action_point_list, name="action_points"),
    path("<int:pk>/action-points/new/", minutes.action_point_add, name="action_point_add"),
    path("<int:pk>/action-points/<int:point_pk>/delete/", minutes.action_point_delete, name="action_point_delete"),
    path("<int:pk>/action-points/<int:point_pk>/status/", minutes.action_point_status, name="action_point_status"),
    path("<int:pk>/rsvp/<str:token>/", rsvp.rsvp_page, name="rsvp"),
    path("<int:pk>/rsvp/<str:token>/calendar.ics", rsvp.rsvp_ics, name="rsvp_ics"),
    path("<int:pk>/rsvp/<str:token>/materials/<int:material_pk>/", materials.rsvp_material, name="rsvp_material"),
]
