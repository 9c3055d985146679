"""Who may open the meetings pages (see ``idswg.access``).

The RSVP page and its .ics are open to anyone holding the link: the token is the credential.
"""

from datetime import date

from django.core.files.base import ContentFile

from idswg.access import HTMX, LOGIN, Rule, everyone, members, only_secretariat

from .documents import MeetingInvitation, ParticipantList, SignInSheet
from .models import ActionPoint, AgendaItem, Invitation, Material, Meeting


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


def _participant_pdf(key):
    def kwargs(world):
        return {"key": key, "obj_id": _hlm().pk}

    return kwargs


def _rendered_participant_pdf(key):
    """The High-Level Meeting's ``key`` document, rendered on the spot so that there is a file to download."""
    from idswg import renders

    def kwargs(world):
        job = renders.request_render(key, _hlm().pk)
        if job.state != "done":
            renders.run(job.pk)
        return _participant_pdf(key)(world)

    return kwargs


def _attendee(world):
    invitation = Invitation.objects.filter(meeting=_hlm()).exclude(attendees=None).first()
    return {"pk": invitation.meeting_id, "attendee_pk": invitation.attendees.first().pk}


# The demo has no materials or action points (the seeds record none), so the walk makes its own.
TINY_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _material(fresh=False):
    def kwargs(world):
        hlm = _hlm()
        material = None if fresh else hlm.materials.first()
        if material is None:
            material = Material.objects.create(
                meeting=hlm, title="Draft IDSWG report", file=ContentFile(TINY_PDF, name="walk.pdf"), size=1
            )
        return {"pk": hlm.pk, "material_pk": material.pk}

    return kwargs


def _material_by_link(world):
    return _token(world) | {"material_pk": _material()(world)["material_pk"]}


def _action_point(fresh=False):
    def kwargs(world):
        hlm = _hlm()
        point = None if fresh else hlm.action_points.filter(owner=world["organisations"]["Japan"]).first()
        if point is None:
            point = ActionPoint.objects.create(
                meeting=hlm,
                text="Share the programme update",
                owner=world["organisations"]["Japan"],
                due_on=date(2025, 3, 1),
            )
        return {"pk": hlm.pk, "point_pk": point.pk}

    return kwargs


ACCESS = [
    Rule("meetings:list", members()),
    Rule("meetings:create", only_secretariat()),
    Rule("meetings:detail", members(), kwargs=_meeting),
    Rule("meetings:edit", only_secretariat(), kwargs=_meeting),
    Rule("meetings:ics", members(), kwargs=_meeting),
    Rule("meetings:cancel", only_secretariat(), kwargs=_meeting),
    Rule("meetings:agenda", only_secretariat(), kwargs=_meeting),
    # The editor's form rows as htmx asks for them; opened as a link, a redirect to the editor.
    Rule("meetings:agenda_item_new", only_secretariat(), kwargs=_meeting, headers=HTMX),
    Rule("meetings:agenda_item_new", only_secretariat(302), kwargs=_meeting),
    Rule("meetings:agenda_item_edit", only_secretariat(), kwargs=_item(), headers=HTMX),
    Rule("meetings:agenda_item_edit", only_secretariat(302), kwargs=_item()),
    Rule("meetings:agenda_item_edit", only_secretariat(), kwargs=_item(), query="?cancel=1", headers=HTMX),
    Rule("meetings:agenda_item_edit", only_secretariat(302), kwargs=_item(), query="?cancel=1"),
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
    Rule("meetings:materials", only_secretariat(), kwargs=_meeting),
    Rule("meetings:material_document_add", only_secretariat(422), kwargs=_meeting, method="post"),
    Rule("meetings:material_download", members(), kwargs=_material()),
    Rule("meetings:rsvp_material", everyone(), kwargs=_material_by_link),
    Rule("meetings:material_delete", only_secretariat(302), kwargs=_material(fresh=True), method="post"),
    Rule("meetings:minutes", only_secretariat(), kwargs=_meeting),
    # Without a PDF of the minutes the send is refused with a message and a redirect.
    Rule("meetings:minutes_send", only_secretariat(302), kwargs=_meeting, method="post"),
    Rule("meetings:action_points", members(), kwargs=_meeting),
    Rule("meetings:action_point_add", only_secretariat(422), kwargs=_meeting, method="post"),
    Rule("meetings:action_point_delete", only_secretariat(302), kwargs=_action_point(fresh=True), method="post"),
    # The owner organisation's partner (the demo partner is the Embassy of Japan's) and the secretariat update it.
    Rule(
        "meetings:action_point_status",
        {"anonymous": LOGIN, "partner": 302, "cochair": 403, "secretariat": 302},
        kwargs=_action_point(),
        method="post",
        data={"p0-status": "done"},
    ),
    # The demo partner's organisation (Japan) is invited to the High-Level Meeting: all members print it.
    Rule("render_status", members(), kwargs=_invitation_pdf),
    # The participant list and the sign-in sheet print e-mails and phones: the secretariat's alone.
    *(
        rule
        for key in (ParticipantList.key, f"{ParticipantList.key}-lo", SignInSheet.key, f"{SignInSheet.key}-lo")
        for rule in (
            Rule("render_status", only_secretariat(), kwargs=_participant_pdf(key)),
            Rule("render_request", only_secretariat(302), kwargs=_participant_pdf(key), method="post"),
        )
    ),
    Rule("render_download", only_secretariat(), kwargs=_rendered_participant_pdf(ParticipantList.key)),
    Rule("render_download", only_secretariat(), kwargs=_rendered_participant_pdf(f"{SignInSheet.key}-lo")),
    Rule("meetings:rsvp", everyone(), kwargs=_token),
    Rule("meetings:rsvp_ics", everyone(), kwargs=_token),
]
