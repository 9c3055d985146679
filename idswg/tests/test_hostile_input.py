"""An outside tester feeds the directory and account forms look-alike and hostile input."""

import pytest

from idswg.models import User
from idswg.roles import COCHAIR, PARTNER

from .factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW_ACCOUNT = "/manage/accounts/new/"


def account(**fields):
    return {"first_name": "Ana", "last_name": "Look-Alike", "role": COCHAIR, "is_active": "on"} | fields


def test_a_user_name_differing_only_in_capitals_from_another_is_refused(client_for, secretariat):
    UserFactory(username="partner", email="partner@example.org")
    response = client_for(secretariat).post(NEW_ACCOUNT, account(username="PARTNER", email="other@example.org"))
    assert response.status_code == 200
    assert response.context["form"].errors["username"] == ["Another account has this user name (capitals aside)."]
    assert not User.objects.filter(username="PARTNER").exists()


def test_an_e_mail_address_another_account_uses_is_refused_whatever_its_capitals(client_for, secretariat):
    UserFactory(username="partner", email="partner@example.org")
    response = client_for(secretariat).post(NEW_ACCOUNT, account(username="newcomer", email="Partner@Example.ORG"))
    assert response.status_code == 200
    assert response.context["form"].errors["email"] == ["Another account uses this e-mail address."]
    assert not User.objects.filter(username="newcomer").exists()


def test_an_account_keeps_its_own_name_and_address_when_edited(client_for, secretariat):
    user = UserFactory(username="partner", email="partner@example.org", organisation=OrganisationFactory())
    response = client_for(secretariat).post(
        f"/manage/accounts/{user.pk}/edit/",
        account(username="partner", email="Partner@example.org", role=PARTNER, organisation=user.organisation_id),
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "Partner@example.org"
