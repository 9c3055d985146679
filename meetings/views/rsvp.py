"""Invitations for the secretariat, and the RSVP page every invitee opens through their link.

The RSVP page needs no login: the token in the link is the credential. It is looked up
together with the meeting in the URL, so a token of one meeting never answers another,
and an unknown token gets the same bare 404 as any missing page.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from idswg import language, outbox
from idswg.roles import secretariat_required

from .. import invitations, materials, rsvp
from ..forms import InviteForm, RsvpForm, attendee_formset
from ..models import Invitation, Meeting
from .meetings import ics_response, meeting_for_page


@secretariat_required
def invitation_manage(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = InviteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        created, skipped = invitations.invite(
            meeting, form.cleaned_data["organisations"], form.cleaned_data["people"], form.extra()
        )
        messages.success(request, _("%(count)s new invitation(s).") % {"count": len(created)})
        for organisation in skipped:
            messages.warning(
                request, _("%(org)s has nobody with an e-mail in the directory.") % {"org": organisation.name}
            )
        if form.cleaned_data["send_now"]:
            _report_sent(request, invitations.send_unsent(meeting))
        return redirect("meetings:invitations", pk=meeting.pk)
    return render(
        request,
        "meetings/invitations.html",
        {
            "meeting": meeting,
            "form": form,
            "invitations": meeting.invitations.select_related("organisation", "message").order_by(
                "organisation__name", "name"
            ),
            "unsent": meeting.invitations.filter(sent_at__isnull=True).count(),
        },
    )


def _report_sent(request, queued):
    """Tell the secretariat what went out, and plainly when the mail service must come back first."""
    if not queued:
        messages.info(request, _("There is no unsent invitation: each one has gone out or is on its way."))
    elif outbox.any_waiting(queued):
        messages.warning(
            request,
            _(
                "%(count)s invitation(s) saved; the e-mails will go out as soon as the mail service is back. "
                "Nothing else to do."
            )
            % {"count": len(queued)},
        )
    else:
        messages.info(request, _("%(count)s invitation(s) sent.") % {"count": len(queued)})


@secretariat_required
@require_POST
def invitation_send_unsent(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    _report_sent(request, invitations.send_unsent(meeting))
    return redirect("meetings:invitations", pk=meeting.pk)


@secretariat_required
@require_POST
def invitation_resend(request, pk, invitation_pk):
    invitation = get_object_or_404(Invitation.objects.select_related("meeting"), pk=invitation_pk, meeting_id=pk)
    message, queued = invitations.resend(invitation.pk)
    if not queued:
        messages.info(
            request,
            _("An invitation to %(email)s is already on its way; nothing more was sent.") % {"email": invitation.email},
        )
    elif outbox.any_waiting([message]):
        messages.warning(
            request,
            _("Saved; the e-mail to %(email)s will go out as soon as the mail service is back.")
            % {"email": invitation.email},
        )
    else:
        messages.success(request, _("Invitation sent again to %(email)s.") % {"email": invitation.email})
    back = "meetings:dashboard" if request.POST.get("back") == "dashboard" else "meetings:invitations"
    return redirect(back, pk=pk)


@secretariat_required
def invitation_history(request, pk, invitation_pk):
    """Every answer an invitation received, newest first: who answered what, when, and how."""
    invitation = get_object_or_404(
        Invitation.objects.select_related("meeting", "organisation"), pk=invitation_pk, meeting_id=pk
    )
    answers = invitation.answers.select_related("answered_by")
    return render(
        request,
        "meetings/invitation_history.html",
        {"meeting": invitation.meeting, "invitation": invitation, "answers": answers},
    )


def _invitation_or_404(pk, token):
    if not rsvp.is_token_shaped(token):
        raise Http404  # a tampered link (e.g. with a NUL byte PostgreSQL refuses) never reaches the database
    invitation = Invitation.objects.select_related("meeting", "organisation").filter(meeting_id=pk, token=token).first()
    if invitation is None:
        raise Http404
    return invitation


@never_cache  # a personal page: no shared cache may keep it
def rsvp_page(request, pk, token):
    invitation = _invitation_or_404(pk, token)
    language.prefer(request, invitation.person.language if invitation.person_id else "")
    meeting = invitation.meeting
    is_open = meeting.rsvp_open()
    current = [{"name": a.name, "position": a.position, "email": a.email} for a in invitation.attendees.all()]
    rows = max(rsvp.places_left(invitation), len(current))
    initial = {"state": invitation.state if invitation.state != Invitation.State.PENDING else None}
    data = request.POST if request.method == "POST" else None
    form = RsvpForm(data, initial=initial | {"note": invitation.note})
    attendees = attendee_formset(rows, data, initial=current)
    if request.method == "POST" and is_open and form.is_valid() and attendees.is_valid():
        try:
            answered = rsvp.answer(
                invitation.pk,
                form.cleaned_data["state"],
                attendees.attendees(),
                form.cleaned_data["note"],
                user=request.user,
                via="account" if request.user.is_authenticated else "link",
            )
        except rsvp.RsvpClosed:
            is_open = False
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if outbox.any_waiting([answered.confirmation]):
                messages.success(
                    request,
                    _(
                        "Thank you. Your answer is saved; the confirmation e-mail will go out as soon as "
                        "the mail service is back."
                    ),
                )
            else:
                messages.success(request, _("Thank you. Your answer is saved; a confirmation is on its way by e-mail."))
            return redirect(invitation.get_absolute_url())
    return render(
        request,
        "meetings/rsvp.html",
        {
            "invitation": invitation,
            "meeting": meeting_for_page(meeting),
            "form": form,
            "attendees": attendees,
            "rsvp_open": is_open,
            "current": invitation.attendees.all(),
            "materials": materials.for_invitee(meeting),
        },
        status=409 if request.method == "POST" and not is_open else 200,
    )


@never_cache
def rsvp_ics(request, pk, token):
    invitation = _invitation_or_404(pk, token)
    return ics_response(invitation.meeting, invitation.link())
