"""Password-reset requests are limited per e-mail address and per client address, without telling
whether an account has that e-mail."""

import re
import uuid

import pytest
from django.core import mail
from django.urls import reverse

from idswg.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_counters(settings):
    """Counters of this test only: the same cache (Redis in CI) under a key prefix of its own."""
    settings.CACHES = {"default": {**settings.CACHES["default"], "KEY_PREFIX": uuid.uuid4().hex}}


def ask(client, email, address="192.0.2.20"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_requests_up_to_the_limit_each_send_a_link(client, settings):
    UserFactory(email="ada@example.org")
    for _ in range(settings.PASSWORD_RESET_LIMIT_PER_EMAIL):
        assert ask(client, "ada@example.org").status_code == 302
    assert len(mail.outbox) == settings.PASSWORD_RESET_LIMIT_PER_EMAIL


def test_one_more_for_the_same_e_mail_is_refused_and_sends_nothing(client, settings):
    UserFactory(email="ada@example.org")
    for n in range(settings.PASSWORD_RESET_LIMIT_PER_EMAIL):
        ask(client, "ada@example.org", address=f"192.0.2.{30 + n}")
    mail.outbox.clear()
    response = ask(client, "ADA@example.org ", address="198.51.100.1")  # capitals and spaces count as the same
    assert response.status_code == 429
    assert "Too many password reset requests" in response.text
    assert f"try again in {settings.PASSWORD_RESET_WINDOW_MINUTES} minutes" in response.text
    assert mail.outbox == []


def test_the_refusal_is_the_same_whether_or_not_an_account_has_the_e_mail(client, settings):
    UserFactory(email="ada@example.org")
    answers = {}
    for email in ("ada@example.org", "nobody@example.org"):
        for _ in range(settings.PASSWORD_RESET_LIMIT_PER_EMAIL):
            assert ask(client, email).status_code == 302  # "done" page either way
        answers[email] = ask(client, email)
    assert {response.status_code for response in answers.values()} == {429}
    pages = {same_page(response.text, email) for email, response in answers.items()}
    assert len(pages) == 1


def same_page(html, email):
    """``html`` without what differs by itself: the CSRF token, the nonce and the address typed."""
    html = re.sub(r'(csrfmiddlewaretoken" value|nonce)="[^"]*"', "", html)
    return re.sub(r'"X-CSRFToken": "[^"]*"', "", html).replace(email, "EMAIL")


def test_many_e_mails_from_one_address_are_refused_past_the_address_limit(client, settings):
    for n in range(settings.PASSWORD_RESET_LIMIT_PER_ADDRESS):
        assert ask(client, f"person{n}@example.org", address="203.0.113.5").status_code == 302
    assert ask(client, "one-more@example.org", address="203.0.113.5").status_code == 429
    assert ask(client, "one-more@example.org", address="203.0.113.6").status_code == 302


def test_behind_the_proxy_the_client_is_the_last_forwarded_address(client, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 1
    proxied = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_PROTO": "https"}
    # A client may send any X-Forwarded-For: only the address the proxy appended counts.
    first = client.post(
        reverse("password_reset"), {"email": "a@example.org"}, HTTP_X_FORWARDED_FOR="1.1.1.1, 192.0.2.77", **proxied
    )
    assert first.status_code == 302
    again = client.post(
        reverse("password_reset"), {"email": "b@example.org"}, HTTP_X_FORWARDED_FOR="8.8.8.8, 192.0.2.77", **proxied
    )
    assert again.status_code == 429
    other = client.post(
        reverse("password_reset"), {"email": "c@example.org"}, HTTP_X_FORWARDED_FOR="192.0.2.78", **proxied
    )
    assert other.status_code == 302
