"""The secretariat builds an agenda without a page reload: add, edit, see a clash, drag to reorder."""

from datetime import time

import pytest

from idswg.roles import SECRETARIAT
from meetings.tests.factories import AgendaItemFactory, MeetingFactory

from .conftest import log_in

pytestmark = pytest.mark.browser


def agenda_row(page, title):
    return page.locator("tr.agenda-row").filter(has=page.get_by_text(title, exact=True))


def test_the_secretariat_edits_the_agenda_in_place(new_page, user_with_role):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, start=time(8, 30), end=time(9, 0), title="Arrival and registration", order=1)
    AgendaItemFactory(meeting=meeting, start=time(9, 0), end=time(9, 15), title="Welcome", order=2)
    page = new_page()
    log_in(page, user_with_role(SECRETARIAT).username)
    page.goto(f"/meetings/{meeting.pk}/agenda/")
    page.evaluate("window.notReloaded = true")

    page.get_by_test_id("add-item").click()
    form = page.locator("#item-form-new")
    form.get_by_label("Title (English)").fill("Group Photo")
    form.get_by_label("Start").fill("09:10")
    form.get_by_label("End").fill("09:25")
    form.get_by_label("Kind").select_option("photo")
    form.get_by_role("button", name="Save").click()
    agenda_row(page, "Group Photo").wait_for()
    assert page.get_by_test_id("agenda-flag").count() == 2  # overlaps "Welcome"

    row = agenda_row(page, "Group Photo")
    row.get_by_role("button", name="Edit").click()
    page.locator("tr.agenda-form-row").get_by_label("Start").fill("09:15")
    page.locator("tr.agenda-form-row").get_by_role("button", name="Save").click()
    page.locator("tr.agenda-form-row").wait_for(state="detached")
    assert page.get_by_test_id("agenda-flag").count() == 0

    titles = lambda: [t.split("\n")[0] for t in page.locator("tr.agenda-row td:nth-child(3)").all_inner_texts()]  # noqa: E731
    agenda_row(page, "Group Photo").locator(".drag-handle").drag_to(
        agenda_row(page, "Arrival and registration").locator(".drag-handle")
    )
    page.wait_for_function("document.querySelector('tr.agenda-row td:nth-child(3)').innerText.startsWith('Group')")
    page.wait_for_load_state("networkidle")
    assert titles()[0] == "Group Photo"
    assert list(meeting.agenda_items.values_list("title", flat=True))[0] == "Group Photo"
    assert page.evaluate("window.notReloaded") is True
