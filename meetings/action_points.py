"""Action points: who sees them, who may update their status, and which stay open for the next meeting.

The secretariat and co-chairs see every action point; a development partner sees those
its organisation owns and may update their status. An action point open or in progress
is shown on every later meeting's page and in its briefing (``open_before``), until
its owner marks it done or dropped.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from idswg.roles import COCHAIR, PARTNER, has_role, is_secretariat

from .models import ActionPoint, Meeting

MAX_NOTE = 500


class NotAllowed(Exception):
    pass


def visible_to(user, queryset=None):
    queryset = ActionPoint.objects.all() if queryset is None else queryset
    if is_secretariat(user) or has_role(user, COCHAIR):
        return queryset
    if has_role(user, PARTNER) and user.organisation_id:
        return queryset.filter(owner_id=user.organisation_id)
    return queryset.none()


def may_update(user, action_point):
    if is_secretariat(user):
        return True
    return has_role(user, PARTNER) and bool(user.organisation_id) and user.organisation_id == action_point.owner_id


def open_before(meeting, user=None):
    """Action points of earlier meetings still open or in progress, oldest due first (those ``user`` sees)."""
    earlier = ActionPoint.objects.filter(
        meeting__starts_at__lt=meeting.starts_at, status__in=ActionPoint.STILL_OPEN
    ).exclude(meeting__state=Meeting.State.CANCELLED)
    queryset = earlier if user is None else visible_to(user, earlier)
    return queryset.select_related("owner", "meeting").order_by("due_on", "pk")


def add(meeting, text, owner, due_on, agenda_item=None, user=None):
    return ActionPoint.objects.create(
        meeting=meeting,
        text=text,
        owner=owner,
        due_on=due_on,
        agenda_item=agenda_item,
        updated_by=user if user is not None and user.is_authenticated else None,
    )


@transaction.atomic
def update_status(action_point_id, status, note, user):
    """Set the status (and a short note) of an action point its owner or the secretariat may update."""
    action_point = ActionPoint.objects.select_for_update().get(pk=action_point_id)
    if not may_update(user, action_point):
        raise NotAllowed(_("Only the owner organisation or the secretariat may update this action point."))
    action_point.status = status
    action_point.status_note = note[:MAX_NOTE]
    action_point.updated_by = user
    action_point.save(update_fields=["status", "status_note", "updated_by", "updated_at"])
    return action_point
