"""Which meetings each role sees.

Decided for the portal: the secretariat sees every
meeting, drafts included; co-chairs see every meeting once invitations are out; a
development partner sees the meetings their organisation is invited to (not drafts)
and only their own organisation's answers. Invitees without an account see a meeting
only through their personal link. Only the secretariat sees others' answers.
"""

from django.db.models import Exists, OuterRef

from idswg.roles import COCHAIR, PARTNER, has_role, is_secretariat

from .models import Invitation, Meeting


def visible_meetings(user):
    meetings = Meeting.objects.all()
    if is_secretariat(user):
        return meetings
    meetings = meetings.exclude(state=Meeting.State.DRAFT)
    if has_role(user, COCHAIR):
        return meetings
    if has_role(user, PARTNER) and user.organisation_id:
        invited = Invitation.objects.filter(meeting=OuterRef("pk"), organisation_id=user.organisation_id)
        return meetings.filter(Exists(invited))
    return meetings.none()


def own_invitations(user, meeting):
    """The invitations a logged-in partner may answer for: their organisation's."""
    if not user.organisation_id:
        return Invitation.objects.none()
    return meeting.invitations.filter(organisation_id=user.organisation_id).prefetch_related("attendees")
