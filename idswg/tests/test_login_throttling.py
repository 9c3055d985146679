"""Wrong passwords lock a user name, or an address, out for a while; the secretariat can unlock."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from idswg.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "test-pass-123"


def log_in(client, username, password, address="192.0.2.10"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def is_logged_in(client):
    return "_auth_user_id" in client.session


def fail(client, username, times, address="192.0.2.10"):
    for _ in range(times):
        response = log_in(client, username, "wrong-password", address)
    return response


def test_a_wrong_password_below_the_limit_gets_the_ordinary_message(client, partner, settings):
    response = fail(client, partner.username, settings.AXES_FAILURE_LIMIT - 1)
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.text
    assert log_in(client, partner.username, PASSWORD).status_code == 302 and is_logged_in(client)


def test_after_the_limit_even_the_right_password_is_refused_with_a_clear_page(client, partner, settings):
    response = fail(client, partner.username, settings.AXES_FAILURE_LIMIT)
    assert response.status_code == 429
    response = log_in(client, partner.username, PASSWORD)
    assert response.status_code == 429 and not is_logged_in(client)
    assert "Log-in locked for a while" in response.text
    assert f"After {settings.AXES_FAILURE_LIMIT} wrong passwords" in response.text
    assert "Try again in 30 minutes" in response.text
    assert 'class="navbar navbar-expand-xl navbar-dark navbar-idswg"' in response.text  # the portal's layout
    assert reverse("password_reset") in response.text


def test_the_lock_follows_the_account_to_another_address(client, partner, settings):
    fail(client, partner.username, settings.AXES_FAILURE_LIMIT, address="192.0.2.10")
    assert log_in(client, partner.username, PASSWORD, address="198.51.100.7").status_code == 429


def test_wrong_passwords_for_many_names_lock_the_address_but_not_the_accounts(client, partner, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"guess-{n}", "wrong-password", address="203.0.113.66")
    assert log_in(client, partner.username, PASSWORD, address="203.0.113.66").status_code == 429
    assert log_in(client, partner.username, PASSWORD, address="192.0.2.10").status_code == 302


def test_the_lock_ends_after_the_cool_off(client, partner, settings):
    fail(client, partner.username, settings.AXES_FAILURE_LIMIT)
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    assert log_in(client, partner.username, PASSWORD).status_code == 302 and is_logged_in(client)


def test_the_secretariat_sees_the_locked_account_and_unlocks_it(client_for, secretariat, partner, settings, client):
    fail(client, partner.username, settings.AXES_FAILURE_LIMIT)
    staff = client_for(secretariat)
    page = staff.get(reverse("account_list")).text
    assert page.count('data-testid="locked"') == 1
    assert reverse("account_unlock", args=[partner.pk]) in page

    response = staff.post(reverse("account_unlock", args=[partner.pk]), follow=True)
    assert f"Account “{partner.username}” unlocked" in response.text
    assert 'data-testid="locked"' not in response.text
    staff.logout()
    assert log_in(staff, partner.username, PASSWORD).status_code == 302


def test_the_command_line_unlock_in_the_readme_works(client, partner, settings):
    fail(client, partner.username, settings.AXES_FAILURE_LIMIT)
    call_command("axes_reset_username", partner.username)
    assert log_in(client, partner.username, PASSWORD).status_code == 302


def test_only_the_secretariat_may_unlock(client_for, partner, cochair, settings, client):
    fail(client, partner.username, settings.AXES_FAILURE_LIMIT)
    assert client_for(cochair).post(reverse("account_unlock", args=[partner.pk])).status_code == 403
    assert AccessAttempt.objects.filter(username=partner.username).exists()


def test_the_accounts_page_costs_the_same_queries_with_more_locked_accounts(
    client_for, secretariat, settings, client, django_assert_num_queries, session_queries
):
    def assert_queries():
        staff = client_for(secretariat)
        # session, user with roles, accounts, their groups, the locks
        with django_assert_num_queries(4 + session_queries):
            assert staff.get(reverse("account_list")).status_code == 200

    fail(client, UserFactory().username, settings.AXES_FAILURE_LIMIT)
    assert_queries()
    for n in range(3):
        fail(client, UserFactory().username, settings.AXES_FAILURE_LIMIT, address=f"198.51.100.{n + 20}")
    assert_queries()
