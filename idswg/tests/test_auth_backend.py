"""The signed-in user comes with their roles in one query (``idswg.auth_backend``), and stays current."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from idswg.auth_backend import PortalBackend
from idswg.roles import COCHAIR, PARTNER, SECRETARIAT, roles_of

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_user_and_their_roles_are_one_query(django_assert_num_queries):
    user = UserFactory(role=SECRETARIAT)
    user.groups.add(Group.objects.get_or_create(name="Not a role")[0])
    with django_assert_num_queries(1):
        loaded = PortalBackend().get_user(user.pk)
        assert roles_of(loaded) == {SECRETARIAT}
    assert loaded == user


@pytest.mark.parametrize(("role", "expected"), [(None, set()), (PARTNER, {PARTNER}), (COCHAIR, {COCHAIR})])
def test_each_role_is_read_as_roles_of_reads_it(role, expected):
    user = UserFactory(role=role) if role else UserFactory()
    assert roles_of(PortalBackend().get_user(user.pk)) == expected


def test_the_superuser_counts_as_secretariat_and_an_inactive_or_missing_user_is_nobody():
    assert roles_of(PortalBackend().get_user(UserFactory(is_superuser=True).pk)) == {SECRETARIAT}
    assert PortalBackend().get_user(UserFactory(role=SECRETARIAT, is_active=False).pk) is None
    assert PortalBackend().get_user(987654) is None


def test_a_role_taken_away_takes_effect_on_the_next_request(client_for):
    user = UserFactory(role=SECRETARIAT)
    client = client_for(user)
    assert client.get(reverse("account_list")).status_code == 200
    user.groups.clear()
    user.groups.add(Group.objects.get_or_create(name=PARTNER)[0])
    assert client.get(reverse("account_list")).status_code == 403
