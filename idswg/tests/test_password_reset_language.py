"""Password e-mails are written in the reader's language (their account's), not in the sender's."""

import uuid

import pytest
from django.core import mail
from django.urls import reverse

from idswg.roles import COCHAIR
from idswg.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LAO_RESET_SUBJECT = "ລະບົບ IDSWG: ຕັ້ງລະຫັດຜ່ານຄືນໃໝ່"
LAO_CHOOSE_HERE = "ຕັ້ງລະຫັດຜ່ານໃໝ່ທີ່ນີ້:"
LAO_CHOOSE_YOURS = "ຕັ້ງລະຫັດຜ່ານຂອງທ່ານທີ່ນີ້:"


@pytest.fixture(autouse=True)
def _fresh_counters(settings):
    """The reset throttle's counters of this test only (the same cache, a key prefix of its own)."""
    settings.CACHES = {"default": {**settings.CACHES["default"], "KEY_PREFIX": uuid.uuid4().hex}}


def ask_for_reset(client, email, page_language):
    response = client.post(reverse("password_reset"), {"email": email}, headers={"accept-language": page_language})
    assert response.status_code == 302
    [message] = mail.outbox
    return message


def test_a_lao_user_asking_from_an_english_page_gets_the_reset_email_in_lao(client):
    UserFactory(email="khamla@example.org", language="lo")
    message = ask_for_reset(client, "khamla@example.org", "en")
    assert message.subject == LAO_RESET_SUBJECT
    assert LAO_CHOOSE_HERE in message.body
    assert "Choose a new password here" not in message.body


def test_an_english_user_asking_from_a_lao_page_gets_the_reset_email_in_english(client):
    UserFactory(email="ann@example.org", language="en")
    message = ask_for_reset(client, "ann@example.org", "lo")
    assert message.subject == "IDSWG portal: reset your password"
    assert "Choose a new password here:" in message.body


def test_a_user_without_a_language_gets_the_reset_email_in_the_language_of_the_page_they_asked_from(client):
    UserFactory(email="someone@example.org", language="")
    message = ask_for_reset(client, "someone@example.org", "lo")
    assert message.subject == LAO_RESET_SUBJECT


def test_a_new_lao_account_gets_its_password_link_in_lao_from_an_english_secretary(client_for, secretariat):
    response = client_for(secretariat).post(
        "/manage/accounts/new/",
        {"username": "khamla", "email": "khamla@example.org", "role": COCHAIR, "language": "lo", "is_active": "on"},
        headers={"accept-language": "en"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    [message] = mail.outbox
    assert message.to == ["khamla@example.org"]
    assert message.subject == "ບັນຊີລະບົບ IDSWG ຂອງທ່ານ"
    assert LAO_CHOOSE_YOURS in message.body
    assert "Choose your password here" not in message.body
