"""The answers dashboard's live part comes from the cache until what it shows changes (``meetings.answers_cache``).

Each change is made the way the portal makes it, then the dashboard is read again: it must show
it. The suite's ``CACHED_HTML_CHECK`` would catch a stale part anyway; these say what was expected.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from idswg.cached_html import csrf_placeholder
from idswg.tests.factories import OrganisationFactory
from meetings import checkin, rsvp
from meetings.models import Invitation, Meeting

from .factories import InvitationFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    meeting = MeetingFactory()
    InvitationFactory(meeting=meeting, organisation=OrganisationFactory(name="Embassy of Japan", short_name="Japan"))
    return meeting


@pytest.fixture
def dashboard(client_for, secretariat, meeting):
    """``dashboard(**params)``: the dashboard's text as the secretariat reads it now (read once first: cached)."""
    client = client_for(secretariat)
    url = reverse("meetings:dashboard", args=[meeting.pk])
    client.get(url)

    def read(**params):
        response = client.get(url, params)
        assert response.status_code == 200
        return response.text

    return read


def count(text, name):
    return int(re.search(rf'data-testid="{name}">(\d+)<', text).group(1))


def test_a_second_read_comes_from_the_cache_with_no_query_but_the_meeting(
    client_for, secretariat, meeting, settings, session_queries, django_assert_num_queries
):
    settings.CACHED_HTML_CHECK = False  # the check renders again: the production path is counted here
    client = client_for(secretariat)
    url = reverse("meetings:dashboard", args=[meeting.pk])
    client.get(url)
    with django_assert_num_queries(session_queries + 2):  # the user with their roles, the meeting
        assert "Japan" in client.get(url).text
    with django_assert_num_queries(session_queries + 2):  # the refresh every 30 s too
        assert "Japan" in client.get(url, HTTP_HX_REQUEST="true").text


def test_an_answer_shows_in_the_counts_and_the_row(dashboard, meeting):
    assert count(dashboard(), "count-pending") == 1
    invitation = meeting.invitations.get()
    rsvp.answer(
        invitation.pk, Invitation.State.ACCEPTED, [{"name": "Mr. Koizumi", "position": "", "email": "k@example.org"}]
    )
    text = dashboard()
    assert count(text, "count-attending") == 1 and count(text, "headcount") == 1
    assert "Mr. Koizumi" in text


def test_an_invitation_added_and_deleted_shows(dashboard, meeting):
    added = InvitationFactory(meeting=meeting, name="Ms. Newly Invited")
    assert "Ms. Newly Invited" in dashboard()
    added.delete()
    assert "Ms. Newly Invited" not in dashboard()


def test_an_organisation_renamed_shows(dashboard, meeting):
    organisation = meeting.invitations.get().organisation
    organisation.short_name = "Embassy of Japan in Vientiane"
    organisation.save()
    assert "Embassy of Japan in Vientiane" in dashboard()


def test_the_deadline_moved_or_passed_shows(dashboard, meeting):
    meeting.rsvp_deadline = meeting.starts_at - timedelta(days=1)
    meeting.save(update_fields=["rsvp_deadline"])
    assert timezone.localtime(meeting.rsvp_deadline).strftime("%-d %B %Y") in dashboard()
    # The deadline passes with no write at all: the part is another one.
    Meeting.objects.filter(pk=meeting.pk).update(rsvp_deadline=timezone.now() - timedelta(minutes=1))
    assert "The RSVP is closed." in dashboard()


def test_a_check_in_renews_the_stamp(dashboard, meeting):
    invitation = meeting.invitations.get()
    rsvp.answer(
        invitation.pk, Invitation.State.ACCEPTED, [{"name": "Mr. Koizumi", "position": "", "email": "k@example.org"}]
    )
    before = Meeting.objects.get(pk=meeting.pk).answers_stamp
    checkin.mark(invitation.attendees.get().pk, checkin.PRESENT)
    assert Meeting.objects.get(pk=meeting.pk).answers_stamp != before


def test_each_search_and_page_is_its_own_part(dashboard, meeting):
    InvitationFactory(meeting=meeting, name="Ms. Other", organisation=OrganisationFactory(name="Embassy of France"))
    assert "Ms. Other" in dashboard()
    searched = dashboard(q="Japan")
    assert "Ms. Other" not in searched and "Japan" in searched
    assert "Ms. Other" in dashboard()


def test_the_resend_form_carries_the_readers_own_token(client_for, secretariat, meeting, mailoutbox):
    url = reverse("meetings:dashboard", args=[meeting.pk])
    for _ in range(2):  # a miss, then a hit
        client = client_for(secretariat)
        client.handler.enforce_csrf_checks = True
        text = client.get(url).text
        assert csrf_placeholder() not in text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)
        invitation = meeting.invitations.get()
        resend = reverse("meetings:invitation_resend", args=[meeting.pk, invitation.pk])
        response = client.post(resend, {"csrfmiddlewaretoken": token, "back": "dashboard"})
        assert response.status_code == 302, response.status_code  # not refused for its token


def test_a_stale_part_is_caught_when_a_change_forgets_the_stamp(dashboard, meeting):
    Invitation.objects.filter(meeting=meeting).update(name="Written behind the cache's back")
    with pytest.raises(AssertionError, match="stale"):
        dashboard()
