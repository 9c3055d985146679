"""Template tags of the meetings app: the home-page panel's data and the answer badge."""

from django import template
from django.db.models import Count, Q
from django.utils import timezone

from idswg.roles import PARTNER, has_role, is_secretariat

from ..access import visible_meetings
from ..models import Invitation, Meeting

register = template.Library()


@register.simple_tag
def upcoming_meetings(user, limit=5):
    """The next meetings ``user`` may see; for the secretariat with how many invitees answered."""
    meetings = visible_meetings(user).filter(ends_at__gte=timezone.now()).order_by("starts_at")
    if is_secretariat(user):
        answered = Count("invitations", filter=~Q(invitations__state=Invitation.State.PENDING))
        meetings = meetings.annotate(invited=Count("invitations"), answered=answered)
    return list(meetings[:limit])


@register.simple_tag
def pending_rsvps(user):
    """Invitations of the partner's organisation still waiting for an answer while the RSVP is open."""
    if not has_role(user, PARTNER) or not user.organisation_id:
        return []
    return list(
        Invitation.objects.filter(
            organisation_id=user.organisation_id,
            state=Invitation.State.PENDING,
            meeting__state=Meeting.State.INVITED,
            meeting__rsvp_deadline__gte=timezone.now(),
        )
        .select_related("meeting")
        .order_by("meeting__rsvp_deadline", "name")
    )


@register.simple_tag
def state_badge(invitation):
    """The coloured answer badge (``meetings.dashboard_html``, which the dashboard's rows use too)."""
    from ..dashboard_html import state_badge

    return state_badge(invitation)


@register.simple_tag
def answer_rows(meeting, invitations):
    """The dashboard's rows of ``invitations``, built in Python (``meetings.dashboard_html``)."""
    from ..dashboard_html import rows_html

    return rows_html(meeting, invitations)


@register.simple_tag
def resend_form_id():
    """The id of the dashboard's one Resend form, which every row's button submits."""
    from ..dashboard_html import RESEND_FORM

    return RESEND_FORM
