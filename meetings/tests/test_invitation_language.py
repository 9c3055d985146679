"""An invitee reads the e-mails in the language chosen for them in the directory."""

import pytest
from django.utils import translation

from idswg.models import SentMessage
from idswg.tests.factories import PersonFactory
from meetings import invitations, rsvp

from .factories import InvitationFactory, MeetingFactory

pytestmark = pytest.mark.django_db

LAO_MONTHS = ["ມັງກອນ", "ກຸມພາ", "ມີນາ", "ເມສາ", "ພຶດສະພາ", "ມິຖຸນາ", "ກໍລະກົດ", "ສິງຫາ", "ກັນຍາ", "ຕຸລາ", "ພະຈິກ", "ທັນວາ"]


def sent_to(person, meeting):
    invitation = InvitationFactory(meeting=meeting, person=person, email=person.email, name=person.name)
    invitations.send(invitation)
    return SentMessage.objects.get(to=person.email)


def test_a_lao_reader_gets_the_invitation_in_lao_whatever_the_sender_reads():
    meeting = MeetingFactory(title="High-Level Meeting 2026")
    with translation.override("en"):
        message = sent_to(PersonFactory(language="lo"), meeting)
    assert message.subject.startswith("ໜັງສືເຊີນ: High-Level Meeting 2026, ")
    assert message.subject.removeprefix("ໜັງສືເຊີນ: High-Level Meeting 2026, ").split()[1] in LAO_MONTHS
    assert "ທ່ານໄດ້ຮັບເຊີນເຂົ້າຮ່ວມ" in message.body
    assert '<html lang="lo">' in message.html


def test_an_english_reader_gets_english_even_from_a_lao_sender():
    meeting = MeetingFactory(title="Technical Meeting 2026")
    with translation.override("lo"):
        message = sent_to(PersonFactory(language=""), meeting)
    assert message.subject.startswith("Invitation: Technical Meeting 2026, ")
    assert "You are invited to the" in message.body


def test_the_person_form_offers_the_language(client_for, secretariat):
    person = PersonFactory()
    client = client_for(secretariat)
    page = client.get(f"/directory/people/{person.pk}/edit/").content.decode()
    assert 'name="language"' in page


def test_the_personal_rsvp_page_speaks_the_invitees_language_until_they_choose_another(client):
    invitation = InvitationFactory(person=PersonFactory(language="lo"))
    page = client.get(invitation.get_absolute_url()).content.decode()
    assert '<html lang="lo">' in page
    client.cookies["django_language"] = "en"
    assert '<html lang="en">' in client.get(invitation.get_absolute_url()).content.decode()


def test_an_invitee_without_a_language_gets_the_page_their_browser_asks_for(client):
    invitation = InvitationFactory(person=PersonFactory(language=""))
    page = client.get(invitation.get_absolute_url(), headers={"accept-language": "lo"}).content.decode()
    assert '<html lang="lo">' in page


def test_the_confirmation_of_an_answer_is_in_the_invitees_language():
    invitation = InvitationFactory(person=PersonFactory(language="lo"))
    with translation.override("en"):
        rsvp.send_confirmation(invitation)
    assert SentMessage.objects.get(to=invitation.email, topic="meetings.confirmation").subject.startswith(
        "ຄຳຕອບຂອງທ່ານຖືກບັນທຶກແລ້ວ"
    )
