"""The minutes e-mail is written in each participant's language, whoever sends it."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from idswg import renders
from idswg.tests.factories import PersonFactory, UserFactory
from meetings import minutes

from .factories import AttendeeFactory, InvitationFactory, MeetingFactory, in_days

pytestmark = pytest.mark.django_db

LAO_SUBJECT_PREFIX = "ບົດບັນທຶກກອງປະຊຸມ: "
LAO_THANKS = "ຂອບໃຈທີ່ໄດ້ເຂົ້າຮ່ວມ"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def held_meeting():
    meeting = MeetingFactory(title="Technical Meeting", title_lo="ກອງປະຊຸມວິຊາການ", starts_at=in_days(-10), state="held")
    meeting.rsvp_deadline = meeting.starts_at - timedelta(days=2)
    meeting.ends_at = meeting.starts_at + timedelta(hours=4)
    meeting.save()
    minutes.minutes_of(meeting)
    return meeting


def came(meeting, email, **invitation):
    return AttendeeFactory(
        invitation=InvitationFactory(meeting=meeting, state="accepted", answered_at=timezone.now(), **invitation),
        email=email,
        checked_in_at=timezone.now(),
    )


def sent(mailoutbox, capture, meeting, sender_language):
    """Print the minutes as they are (the PDF they carry), then send them as a secretary reading ``sender_language``."""
    renders.run(renders.request_render("meeting-minutes", meeting.pk).pk)
    with translation.override(sender_language), capture(execute=True):
        minutes.send(meeting)
    return {message.to[0]: message for message in mailoutbox}


def test_a_lao_participant_gets_the_minutes_in_lao_from_an_english_secretary(
    mailoutbox, django_capture_on_commit_callbacks
):
    meeting = held_meeting()
    came(meeting, "khamla@example.org", person=PersonFactory(email="khamla@example.org", language="lo"))
    came(meeting, "ann@example.org", person=PersonFactory(email="ann@example.org", language=""))
    messages = sent(mailoutbox, django_capture_on_commit_callbacks, meeting, "en")
    lao, english = messages["khamla@example.org"], messages["ann@example.org"]
    assert lao.subject == LAO_SUBJECT_PREFIX + "ກອງປະຊຸມວິຊາການ"
    assert LAO_THANKS in lao.body and "Thank you" not in lao.body
    assert english.subject == "Minutes: Technical Meeting"
    assert "Thank you for attending the Technical Meeting" in english.body


def test_an_english_participant_gets_english_minutes_from_a_lao_secretary(
    mailoutbox, django_capture_on_commit_callbacks
):
    meeting = held_meeting()
    came(meeting, "ann@example.org", person=PersonFactory(email="ann@example.org", language="en"))
    [message] = sent(mailoutbox, django_capture_on_commit_callbacks, meeting, "lo").values()
    assert message.subject == "Minutes: Technical Meeting"
    assert "Thank you for attending" in message.body and LAO_THANKS not in message.body


def test_an_attendee_reads_their_own_choice_else_the_language_of_the_invitation_that_named_them(
    mailoutbox, django_capture_on_commit_callbacks
):
    meeting = held_meeting()
    lao_invitee = PersonFactory(language="lo")
    came(meeting, "colleague@example.org", person=lao_invitee)  # named by a Lao invitee, not in the directory
    UserFactory(email="Account.Holder@example.org", language="en")
    came(meeting, "account.holder@example.org", person=lao_invitee)  # an account of their own says English
    messages = sent(mailoutbox, django_capture_on_commit_callbacks, meeting, "en")
    assert messages["colleague@example.org"].subject.startswith(LAO_SUBJECT_PREFIX)
    assert messages["account.holder@example.org"].subject == "Minutes: Technical Meeting"


def test_each_participant_gets_one_message_with_the_pdf(mailoutbox, django_capture_on_commit_callbacks):
    meeting = held_meeting()
    came(meeting, "khamla@example.org", person=PersonFactory(email="khamla@example.org", language="lo"))
    came(meeting, "KHAMLA@example.org")  # the same reader named twice
    messages = sent(mailoutbox, django_capture_on_commit_callbacks, meeting, "en")
    assert len(mailoutbox) == 1
    assert [attachment[2] for attachment in messages["khamla@example.org"].attachments] == ["application/pdf"]
