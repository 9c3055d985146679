"""Template tags of the meetings app: the home-page panel's data and the answer badge."""

from django import template
from django.utils import timezone
from django.utils.html import format_html

from idswg.roles import PARTNER, has_role

from ..models import Invitation, Meeting
from ..visibility import visible_meetings

register = template.Library()


@register.simple_tag
def upcoming_meetings(user, limit=5):
    now = timezone.now()
    return list(visible_meetings(user).filter(ends_at__gte=now).order_by("starts_at")[:limit])


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


BADGE_CLASSES = {
    Invitation.State.ACCEPTED: "text-bg-success",
    Invitation.State.REPRESENTATIVE: "text-bg-info",
    Invitation.State.DECLINED: "text-bg-secondary",
    Invitation.State.PENDING: "text-bg-warning",
}


@register.simple_tag
def state_badge(invitation):
    """The coloured answer badge; a tag rather than an include because the dashboard prints hundreds."""
    return format_html(
        '<span class="badge rsvp-{} {}">{}</span>',
        invitation.state,
        BADGE_CLASSES.get(invitation.state, "text-bg-light"),
        invitation.get_state_display(),
    )
