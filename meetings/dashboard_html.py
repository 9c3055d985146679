"""The rows of the answers dashboard, built in Python: a page shows fifty and refreshes itself.

Rendered by the template engine, a row cost about 1.5 ms: two URL reversals, a CSRF field and
its form, the answer badge translated again, and some forty variable lookups. Here the URLs are
reversed and the labels translated once per page, the badge built once per answer, and the rows'
Resend buttons all submit one form of the page (``RESEND_FORM``, with the CSRF token and
``back=dashboard``), each to its own invitation's URL (``formaction``): no script, the same
request as before.

Escaping is the default: markup is built with ``format_html``/``format_html_join``.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from .models import Invitation

#: The id of the dashboard's one Resend form (``templates/meetings/_dashboard_live.html``).
RESEND_FORM = "resend-invitation"

_PK = 987654321  # placeholder id: reversed once per page, then replaced by each invitation's id

BADGE_CLASSES = {
    Invitation.State.ACCEPTED: "text-bg-success",
    Invitation.State.REPRESENTATIVE: "text-bg-info",
    Invitation.State.DECLINED: "text-bg-secondary",
    Invitation.State.PENDING: "text-bg-warning",
}


def state_badge(invitation):
    """The coloured answer badge of ``invitation``."""
    return format_html(
        '<span class="badge rsvp-{} {}">{}</span>',
        invitation.state,
        BADGE_CLASSES.get(invitation.state, "text-bg-light"),
        invitation.get_state_display(),
    )


def _for_id(url, pk):
    """``url`` reversed for the placeholder id, for the invitation ``pk`` (an integer: nothing to escape)."""
    return url.replace(str(_PK), str(int(pk)))


class AnswerRows:
    """Renders the dashboard's rows of one meeting for one request."""

    def __init__(self, meeting):
        self.history_url = reverse("meetings:invitation_history", args=[meeting.pk, _PK])
        self.resend_url = reverse("meetings:invitation_resend", args=[meeting.pk, _PK])
        self.resend = gettext("Resend")
        self.badges = {}

    def render(self, invitation):
        """The ``<tr>`` of ``invitation`` (with ``organisation`` and ``attendee_list``) as safe HTML."""
        badge = self.badges.get(invitation.state)
        if badge is None:
            badge = self.badges[invitation.state] = state_badge(invitation)
        answered = ""
        if invitation.answered_at:
            when = format_date(timezone.localtime(invitation.answered_at), "j M H:i")
            answered = format_html('<br><span class="small text-muted">{}</span>', when)
        organisation = invitation.organisation.label if invitation.organisation_id else ""
        return format_html(
            '<tr data-testid="answer-row"><td>{}</td>'
            '<td><a href="{}">{}</a><br><span class="small text-muted">{}</span></td>'
            "<td>{}{}</td><td>{}</td>"
            '<td class="small">{}</td>'
            '<td><button class="btn btn-sm btn-outline-secondary" type="submit" form="{}" formaction="{}">{}</button>'
            "</td></tr>",
            organisation or "—",
            _for_id(self.history_url, invitation.pk),
            invitation.name,
            invitation.email,
            badge,
            answered,
            self._attendees(invitation),
            invitation.note,
            RESEND_FORM,
            _for_id(self.resend_url, invitation.pk),
            self.resend,
        )

    def _attendees(self, invitation):
        return format_html_join(
            "",
            "<div>{}{}</div>",
            (
                (a.name, format_html(', <span class="text-muted">{}</span>', a.position) if a.position else "")
                for a in invitation.attendee_list
            ),
        )


def rows_html(meeting, invitations):
    """The ``<tr>``s of ``invitations`` (a dashboard page) as one safe string."""
    renderer = AnswerRows(meeting)
    return SafeString("".join(renderer.render(invitation) for invitation in invitations))
