"""Keyboard-only journeys: log in, answer an RSVP, edit a matrix cell, get a PDF; focus is checked at each step.

Nothing here clicks: Tab, Shift+Tab, Enter, Space and Escape only, as a person without a mouse
(or with a screen reader) uses the portal.
"""

import re

import pytest
from playwright.sync_api import expect

from idswg.roles import SECRETARIAT
from meetings.tests.factories import InvitationFactory, MeetingFactory
from reports.tests.factories import ReportFactory, RowFactory, SectionFactory

from .accessibility import assert_accessible
from .conftest import PASSWORD

pytestmark = pytest.mark.browser

FOCUSED = """() => { const e = document.activeElement; return e ? [e.tagName.toLowerCase(), e.id || "",
  e.getAttribute("data-testid") || "",
  (e.getAttribute("aria-label") || e.innerText || e.value || "").trim().slice(0, 60)] : null; }"""


def focused(page):
    return page.evaluate(FOCUSED)


def tab_to(page, selector, limit=80, key="Tab"):
    """Press Tab until the focused element matches ``selector``; fail if it takes more than ``limit``."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} not reached in {limit} presses of {key}; focus is on {focused(page)}")


def assert_focus(page, selector):
    page.wait_for_function("s => !!document.activeElement && document.activeElement.matches(s)", arg=selector)


def choose_radio(page, name, value):
    """Tab into a radio group, then arrow keys to the choice (as radio groups work by keyboard)."""
    tab_to(page, f"input[name={name}]")
    for _ in range(10):
        if page.evaluate("s => document.activeElement.matches(s)", f"input[name={name}][value={value}]:checked"):
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"{value} not reached in the {name} radio group")


ACTIVE = re.compile(r"\btrix-active\b")


TRIX_QUIET = """() => { if (!window.trixAt) { window.trixAt = performance.now();
  for (const name of ["trix-change", "trix-selection-change"])
    document.addEventListener(name, () => { window.trixAt = performance.now(); }); }
  return performance.now() - window.trixAt > 300; }"""


def wait_for_text(page, test):
    """Wait until the focused Trix editor's text (trimmed) passes ``test``, a JavaScript tail, and
    Trix has been quiet for 300 ms: it applies a selection change a moment after the keys, and a
    change landing after Ctrl+B would undo it, as a person typing at human speed never sees."""
    page.wait_for_function(f"() => document.activeElement.editor.getDocument().toString().trim(){test}")
    page.wait_for_function(TRIX_QUIET)


def keyboard_log_in(page, username):
    page.goto("/accounts/login/")
    tab_to(page, "#id_username")
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    assert_focus(page, "#id_password")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_a_secretariat_member_logs_in_and_edits_a_matrix_cell_by_keyboard(new_page, user_with_role):
    report = ReportFactory(title="IDSWG report 2025", year=2025)
    row = RowFactory(section=SectionFactory(report=report), outputs="<p>Border Liaison Offices</p>")
    staff = user_with_role(SECRETARIAT)
    page = new_page()
    keyboard_log_in(page, staff.username)
    assert focused(page)[0] == "body"  # a new page starts at its top

    page.goto(report.get_absolute_url())
    page.evaluate(TRIX_QUIET)  # starts listening to Trix's changes
    tab_to(page, f"#edit-row-{row.pk}", limit=200)
    page.keyboard.press("Enter")
    # Focus moves into the editor: its first cell, not <body> and not the next row.
    assert_focus(page, f"#row-{row.pk} form trix-editor")
    first_cell = page.evaluate("() => document.activeElement.id")
    assert_accessible(page)

    # Escape closes the editor and gives focus back to its Edit button.
    page.keyboard.press("Escape")
    assert_focus(page, f"#edit-row-{row.pk}")
    page.keyboard.press("Enter")
    assert_focus(page, f"#{first_cell}")

    # Bold by Ctrl+B, then a bullet list from Trix's toolbar, reached by Shift+Tab.
    # Each step waits for what a user would see before the next key.
    bold = page.locator(f"#row-{row.pk} trix-toolbar button[data-trix-attribute='bold']").first
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    wait_for_text(page, "=== ''")
    page.keyboard.press("Control+B")
    expect(bold).to_have_class(ACTIVE)
    page.keyboard.type("Fifteen BLOs trained")
    wait_for_text(page, ".endsWith('Fifteen BLOs trained')")
    page.keyboard.press("Control+B")
    expect(bold).not_to_have_class(ACTIVE)
    page.keyboard.press("Enter")
    tab_to(page, "trix-toolbar button[data-trix-attribute='bullet']", limit=20, key="Shift+Tab")
    page.keyboard.press("Enter")
    assert_focus(page, f"#{first_cell}")  # the toolbar gives focus back to the text
    page.keyboard.type("Savannakhet")
    wait_for_text(page, ".endsWith('Savannakhet')")
    tab_to(page, f"#row-{row.pk} button[type=submit]", limit=40)
    page.keyboard.press("Enter")

    # Saved: the row is back, focus is on its Edit button, and the live region says so.
    assert_focus(page, f"#edit-row-{row.pk}")
    cell = page.locator(f"#row-{row.pk} td:not(:first-child)").first
    page.locator(f"#row-{row.pk} strong", has_text="Fifteen BLOs trained").wait_for()
    assert page.locator(f"#row-{row.pk} li", has_text="Savannakhet").count() == 1, cell.inner_html()
    page.wait_for_function("() => document.getElementById('live-status').textContent.includes('saved')")
    assert_accessible(page)


def test_an_invitee_answers_the_rsvp_with_two_attendees_by_keyboard(new_page):
    invitation = InvitationFactory(name="Mr. Demo Partner Officer", email="partner@example.org")
    page = new_page()
    page.goto(invitation.get_absolute_url())
    assert_accessible(page)

    # Sent with a mistyped e-mail: the error summary at the top of the form takes the focus.
    choose_radio(page, "state", "accepted")
    tab_to(page, "[data-testid=attendee-0] input[name$=name]")
    page.keyboard.type("Ms. Keiko Sato")
    tab_to(page, "[data-testid=attendee-0] input[name$=email]")
    page.keyboard.type("keiko.sato.example.org")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert_focus(page, "[data-error-summary]")
    assert "E-mail" in page.get_by_test_id("error-summary").inner_text()
    assert invitation.answers.count() == 0
    assert_accessible(page)

    # Its link leads to the field to fix.
    tab_to(page, "[data-error-summary] a", limit=5)
    link = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert link == "#id_attendee-0-email"
    page.keyboard.press("Enter")
    assert_focus(page, link)

    page.goto(invitation.get_absolute_url())
    choose_radio(page, "state", "accepted")
    for index, (name, position, email) in enumerate(
        [
            ("Ms. Keiko Sato", "First Secretary", "keiko.sato@example.org"),
            ("Mr. Ken Ito", "Attaché", "ken.ito@example.org"),
        ]
    ):
        block = f"[data-testid=attendee-{index}]"
        tab_to(page, f"{block} input[name$=name]")
        page.keyboard.type(name)
        tab_to(page, f"{block} input[name$=position]")
        page.keyboard.type(position)
        tab_to(page, f"{block} input[name$=email]")
        page.keyboard.type(email)
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.get_by_text("Your answer is saved").wait_for()
    assert "Mr. Ken Ito" in page.get_by_test_id("current-attendees").inner_text()
    assert invitation.answers.count() == 1


def test_a_secretariat_member_requests_a_pdf_and_reaches_its_download_link_by_keyboard(new_page, user_with_role):
    meeting = MeetingFactory()
    staff = user_with_role(SECRETARIAT)
    page = new_page()
    keyboard_log_in(page, staff.username)
    page.goto(meeting.get_absolute_url())
    page.get_by_test_id("render-request").first.wait_for()
    assert_accessible(page)
    tab_to(page, "[data-testid=render-request]", limit=120)
    page.keyboard.press("Enter")
    # When the PDF is made, its box is replaced: focus lands on the download link and it is announced.
    page.get_by_test_id("render-download").wait_for(timeout=90_000)
    assert_focus(page, "[data-testid=render-download]")
    page.wait_for_function("() => document.getElementById('live-status').textContent.includes('PDF is ready')")
    assert_accessible(page)
