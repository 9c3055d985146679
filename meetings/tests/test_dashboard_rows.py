"""The dashboard's rows, built in Python (``meetings.dashboard_html``): escaped, one Resend form for all."""

import re

import pytest
from django.urls import reverse

from meetings.models import Invitation

from .factories import AttendeeFactory, InvitationFactory

pytestmark = pytest.mark.django_db

HOSTILE = '"><script>alert(1)</script>'


def test_every_value_of_a_row_is_escaped(client_for, secretariat):
    attendee = AttendeeFactory(name=HOSTILE, position=HOSTILE, invitation__name=HOSTILE, invitation__note=HOSTILE)
    meeting = attendee.invitation.meeting
    page = client_for(secretariat).get(reverse("meetings:dashboard", args=[meeting.pk])).content.decode()
    assert "<script>" not in page
    assert page.count("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;") == 4  # invitee, attendee, position, note
    assert '<span class="badge rsvp-accepted text-bg-success">Attending</span>' in page


def test_each_rows_resend_button_submits_the_one_form_to_its_own_invitation(client_for, secretariat):
    first = InvitationFactory(organisation__name="Embassy of Japan")
    second = InvitationFactory(meeting=first.meeting, organisation__name="Embassy of Australia")
    client = client_for(secretariat)
    page = client.get(reverse("meetings:dashboard", args=[first.meeting_id])).content.decode()
    assert page.count("<form") == page.count("</form>")
    [form] = re.findall(r'<form id="resend-invitation" method="post">(.*?)</form>', page)
    assert 'name="csrfmiddlewaretoken"' in form and '<input type="hidden" name="back" value="dashboard">' in form
    for invitation in (first, second):
        action = reverse("meetings:invitation_resend", args=[invitation.meeting_id, invitation.pk])
        assert page.count(f'form="resend-invitation" formaction="{action}"') == 1
        history = reverse("meetings:invitation_history", args=[invitation.meeting_id, invitation.pk])
        assert f'<a href="{history}">{invitation.name}</a>' in page
    # What the browser sends for the second row's button: the form's fields to that row's URL.
    response = client.post(
        reverse("meetings:invitation_resend", args=[second.meeting_id, second.pk]), {"back": "dashboard"}
    )
    assert response["Location"] == reverse("meetings:dashboard", args=[second.meeting_id])


def test_an_invitation_without_an_organisation_shows_a_dash(client_for, secretariat):
    invitation = InvitationFactory(organisation=None, state=Invitation.State.PENDING)
    page = client_for(secretariat).get(reverse("meetings:dashboard", args=[invitation.meeting_id])).content.decode()
    assert '<tr data-testid="answer-row"><td>—</td>' in page
