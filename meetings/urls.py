"""URLs of the meetings app (included under /meetings/)."""

from django.urls import path

from .views import agenda, followup, meetings, rsvp

app_name = "meetings"

urlpatterns = [
    path("", meetings.meeting_list, name="list"),
    path("new/", meetings.meeting_edit, name="create"),
    path("<int:pk>/", meetings.meeting_detail, name="detail"),
    path("<int:pk>/edit/", meetings.meeting_edit, name="edit"),
    path("<int:pk>/calendar.ics", meetings.meeting_ics, name="ics"),
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
    path("<int:pk>/rsvp/<str:token>/", rsvp.rsvp_page, name="rsvp"),
    path("<int:pk>/rsvp/<str:token>/calendar.ics", rsvp.rsvp_ics, name="rsvp_ics"),
]
