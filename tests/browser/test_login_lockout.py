"""A partner who mistypes the password too often is locked out and told so; the secretariat unlocks."""

from django.conf import settings

from .conftest import PASSWORD, log_in


def try_password(page, username, password):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_a_locked_out_partner_is_told_why_and_the_secretariat_unlocks_the_account(
    new_page, user_with_role, expect_console_error
):
    expect_console_error("status of 429 (Too Many Requests)")  # the lock-out page's own status
    user_with_role("Partner", username="noy")
    user_with_role("Secretariat", username="sec-lockout")
    # The secretariat is signed in already: every browser here shares one address, which the
    # partner's failures lock too.
    staff = new_page()
    log_in(staff, "sec-lockout")

    partner = new_page()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        try_password(partner, "noy", "wrong-password")
        partner.get_by_text("Please enter a correct username and password").wait_for()
    try_password(partner, "noy", "wrong-password")
    partner.get_by_role("heading", name="Log-in locked for a while").wait_for()
    try_password(partner, "noy", PASSWORD)  # the right password, too late
    partner.get_by_role("heading", name="Log-in locked for a while").wait_for()
    assert partner.get_by_role("link", name="Forgotten your password?").is_visible()

    staff.goto("/manage/accounts/")
    row = staff.locator("tr", has_text="noy")
    row.get_by_test_id("locked").wait_for()
    row.get_by_role("button", name="Unlock").click()
    staff.get_by_text("Account “noy” unlocked").wait_for()
    assert staff.get_by_test_id("locked").count() == 0

    log_in(partner, "noy")
    assert partner.url.endswith("/")
