"""Who may open the meetings pages (see ``idswg.access``).

The RSVP page and its .ics are open to anyone holding the link: the token is the credential.
"""

from idswg.access import Rule, everyone, members, only_secretariat

from .documents import MeetingInvitation
from .models import AgendaItem, Invitation, Meeting


def _hlm():
    return Meeting.objects.get(kind=Meeting.Kind.HIGH_LEVEL, starts_at__year=2024)


def _meeting(world):
    return {"pk": _hlm().pk}


def _item(last=False):
    def kwargs(world):
        items = AgendaItem.objects.filter(meeting=_hlm())
        item = items.order_by("-order").first() if last else items.order_by("order").first()
        return {"pk": item.meeting_id, "item_pk": item.pk}

    return kwargs


def _invitation(world):
    invitation = Invitation.objects.filter(meeting=_hlm(), organisation=world["organisations"]["Japan"]).first()
    return {"pk": invitation.meeting_id, "invitation_pk": invitation.pk}


def _token(world):
    invitation = Invitation.objects.filter(meeting=_hlm(), organisation=world["organisations"]["Japan"]).first()
    return {"pk": invitation.meeting_id, "token": invitation.token}


def _invitation_pdf(world):
    return {"key": MeetingInvitation.key, "obj_id": _hlm().pk}


def _attendee(world):
    invitation = Invitation.objects.filter(meeting=_hlm()).exclude(attendees=None).first()
    return {"pk": invitation.meeting_id, "attendee_pk": invitation.attendees.first().pk}


ACCESS = [
    Rule("meetings:list", members()),
    Rule("meetings:create", only_secretariat()),
    Rule("meetings:detail", members(), kwargs=_meeting),
    Rule("meetings:edit", only_secretariat(), kwargs=_meeting),
    Rule("meetings:ics", members(), kwargs=_meeting),
    Rule("meetings:agenda", only_secretariat(), kwargs=_meeting),
    Rule("meetings:agenda_item_new", only_secretariat(), kwargs=_meeting),
    Rule("meetings:agenda_item_edit", only_secretariat(), kwargs=_item()),
    Rule("meetings:agenda_item_move", only_secretariat(), kwargs=_item(), method="post", data={"direction": "down"}),
    Rule("meetings:agenda_reorder", only_secretariat(), kwargs=_meeting, method="post", data={"ids": ""}),
    Rule("meetings:agenda_item_delete", only_secretariat(), kwargs=_item(last=True), method="post"),
    Rule("meetings:agenda_copy", only_secretariat(302), kwargs=_meeting, method="post", data={"source": "0"}),
    Rule("meetings:invitations", only_secretariat(), kwargs=_meeting),
    Rule("meetings:invitations_send", only_secretariat(302), kwargs=_meeting, method="post"),
    Rule("meetings:invitation_resend", only_secretariat(302), kwargs=_invitation, method="post"),
    Rule("meetings:invitation_history", only_secretariat(), kwargs=_invitation),
    Rule("meetings:dashboard", only_secretariat(), kwargs=_meeting),
    Rule("meetings:participants_csv", only_secretariat(), kwargs=_meeting),
    Rule("meetings:participants_xlsx", only_secretariat(), kwargs=_meeting),
    Rule("meetings:sign_in_sheet", only_secretariat(), kwargs=_meeting),
    Rule("meetings:check_in", only_secretariat(), kwargs=_meeting),
    Rule("meetings:check_in_mark", only_secretariat(), kwargs=_attendee, method="post", data={"state": "present"}),
    # The demo partner's organisation (Japan) is invited to the High-Level Meeting: all members print it.
    Rule("render_status", members(), kwargs=_invitation_pdf),
    Rule("meetings:rsvp", everyone(), kwargs=_token),
    Rule("meetings:rsvp_ics", everyone(), kwargs=_token),
]
