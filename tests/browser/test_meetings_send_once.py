"""A second click on a button that sends e-mails sends nothing more: the form goes once."""

import pytest

from idswg.models import SentMessage
from idswg.roles import SECRETARIAT
from meetings.models import Meeting
from meetings.tests.factories import InvitationFactory, MeetingFactory

from .conftest import log_in

pytestmark = pytest.mark.browser


def test_two_clicks_on_send_unsent_post_once_and_each_invitee_gets_one_email(new_page, user_with_role):
    meeting = MeetingFactory(state=Meeting.State.DRAFT)
    invited = InvitationFactory.create_batch(3, meeting=meeting)
    page = new_page()
    log_in(page, user_with_role(SECRETARIAT).username)
    page.goto(f"/meetings/{meeting.pk}/invitations/")
    posts = []
    page.on("request", lambda request: request.method == "POST" and posts.append(request.url))
    button = page.get_by_test_id("send-unsent")
    assert button.inner_text() == "Send 3 unsent invitations"
    # Two clicks 150 ms apart, as an impatient person makes them (the second on the busy button).
    page.evaluate(
        """() => {
            const button = document.querySelector('[data-testid="send-unsent"]');
            button.click();
            setTimeout(() => button.click(), 150);
        }"""
    )
    page.wait_for_timeout(500)  # past the second click
    page.get_by_text("3 invitation(s) sent.").wait_for()
    assert [url for url in posts if url.endswith(f"/meetings/{meeting.pk}/invitations/send/")] == [
        f"{page.url.split('/meetings/')[0]}/meetings/{meeting.pk}/invitations/send/"
    ]
    assert "3 invitation(s) sent." in page.locator("main").inner_text()
    assert page.get_by_test_id("send-unsent").count() == 0
    for invitation in invited:
        assert SentMessage.objects.filter(to=invitation.email).count() == 1
