"""The secretariat gives people logins with a role; a partner's login belongs to an organisation."""

import re

import pytest
from django.core import mail

from idswg.models import User
from idswg.roles import COCHAIR, PARTNER, SECRETARIAT, roles_of

from .factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_partner_account_needs_an_organisation(client_for, secretariat):
    response = client_for(secretariat).post(
        "/manage/accounts/new/", {"username": "au", "email": "au@example.org", "role": PARTNER, "is_active": "on"}
    )
    assert "must belong to an organisation" in response.text
    assert not User.objects.filter(username="au").exists()


def test_a_new_account_gets_its_role_and_an_email_to_choose_a_password(client_for, secretariat):
    organisation = OrganisationFactory(name="Embassy of Australia")
    response = client_for(secretariat).post(
        "/manage/accounts/new/",
        {
            "username": "au",
            "first_name": "Ann",
            "last_name": "Officer",
            "email": "au@example.org",
            "role": PARTNER,
            "organisation": organisation.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="au")
    assert roles_of(user) == {PARTNER}
    assert user.organisation == organisation
    [message] = mail.outbox
    assert message.to == ["au@example.org"]
    link = re.search(r"http://testserver(/accounts/reset/\S+)", message.body).group(1)
    page = client_for(None).get(link, follow=True)
    assert "Choose a new password" in page.text


def test_changing_the_role_replaces_the_old_one(client_for, secretariat):
    user = UserFactory(role=COCHAIR)
    client_for(secretariat).post(
        f"/manage/accounts/{user.pk}/edit/",
        {"username": user.username, "email": user.email, "role": SECRETARIAT, "is_active": "on"},
    )
    user = User.objects.get(pk=user.pk)
    assert roles_of(user) == {SECRETARIAT}


def test_a_deactivated_user_has_no_role_and_cannot_log_in(client, secretariat):
    user = UserFactory(role=SECRETARIAT, is_active=False)
    assert roles_of(user) == frozenset()
    response = client.post("/accounts/login/", {"username": user.username, "password": "test-pass-123"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session


def test_a_user_without_a_role_sees_a_hint_and_is_refused_role_pages(client_for):
    client = client_for(UserFactory())
    assert "Your account has no role yet" in client.get("/").text
    assert client.get("/accounts/profile/").status_code == 403


def test_password_change_works_for_a_member(client_for, partner):
    client = client_for(partner)
    response = client.post(
        "/accounts/password_change/",
        {
            "old_password": "test-pass-123",
            "new_password1": "a-new-long-password-42",
            "new_password2": "a-new-long-password-42",
        },
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.check_password("a-new-long-password-42")
