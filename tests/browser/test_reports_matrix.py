"""Editing the matrix in the browser: a Trix edit in place, a stale save refused, a history of both saves."""

import pytest
from playwright.sync_api import expect

from idswg.roles import PARTNER, SECRETARIAT
from reports.models import MatrixRow
from reports.tests.factories import ReportFactory, RowFactory, SectionFactory

from .conftest import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def row(transactional_db):
    report = ReportFactory(title="IDSWG report 2025", year=2025)
    section = SectionFactory(report=report, title="Sectoral thematic (substantive) areas")
    return RowFactory(section=section, outputs="<p>Border Liaison Offices</p>", progress="<p>Seven BLOs</p>")


def open_editor(page, row):
    page.goto(row.section.report.get_absolute_url())
    page.locator(f"#row-{row.pk}").get_by_role("button", name="Edit").click()
    editor = page.locator(f'trix-editor[input="row-{row.pk}-progress"]')
    editor.wait_for()
    return editor


def toolbar_button(page, editor, attribute):
    toolbar = editor.evaluate("element => element.toolbarElement.id")
    return page.locator(f"#{toolbar} button[data-trix-attribute='{attribute}']")


def test_two_secretariat_staff_edit_the_same_progress_cell(new_page, user_with_role, row, expect_console_error):
    expect_console_error("status of 409 (Conflict)")  # Bob's stale save is answered 409, with both versions
    alice = user_with_role(SECRETARIAT, username="alice", first_name="Alice", last_name="Lao")
    bob = user_with_role(SECRETARIAT, username="bob", first_name="Bob", last_name="Unodc")
    first, second = new_page(), new_page()
    log_in(first, alice.username)
    log_in(second, bob.username)
    editor = open_editor(first, row)
    stale_editor = open_editor(second, row)  # Bob opens the same row at version 1

    # Alice writes a bold line and a bullet list with Trix's toolbar, and saves in place.
    first.evaluate("() => { window.notReloaded = true; }")
    editor.click()
    first.keyboard.press("Control+A")
    first.keyboard.press("Delete")
    toolbar_button(first, editor, "bold").click()
    first.keyboard.type("Fifteen BLOs trained")
    toolbar_button(first, editor, "bold").click()
    first.keyboard.press("Enter")
    toolbar_button(first, editor, "bullet").click()
    first.keyboard.type("Savannakhet")
    first.keyboard.press("Enter")
    first.keyboard.type("Luang Namtha")
    first.locator(f"#row-{row.pk}").get_by_role("button", name="Save").click()
    cell = first.locator(f"#row-{row.pk}:not(.editing) td.cell-progress")
    cell.locator("strong", has_text="Fifteen BLOs trained").wait_for()
    assert cell.locator("li").all_inner_texts() == ["Savannakhet", "Luang Namtha"]
    assert first.evaluate("() => window.notReloaded") is True  # swapped in place, no page load
    stored = MatrixRow.objects.get(pk=row.pk)
    assert stored.version == 2
    assert "<strong>Fifteen BLOs trained</strong>" in stored.progress
    assert "<ul><li>Savannakhet</li><li>Luang Namtha</li></ul>" in stored.progress

    # Bob, still on version 1, saves his own text: refused, both versions shown, nothing lost.
    stale_editor.click()
    second.keyboard.press("Control+A")
    second.keyboard.type("Seven BLOs and a container control unit")
    second.locator(f"#row-{row.pk}").get_by_role("button", name="Save").click()
    conflict = second.get_by_test_id("conflict")
    conflict.wait_for()
    assert "Fifteen BLOs trained" in conflict.get_by_test_id("theirs").inner_text()
    assert "container control unit" in conflict.get_by_test_id("mine").inner_text()
    assert "Fifteen BLOs trained" in MatrixRow.objects.get(pk=row.pk).progress

    # Bob merges by hand in the editor (which holds his text) and saves on top of Alice's version.
    merged_editor = second.locator(f'trix-editor[input="row-{row.pk}-progress"]')
    merged_editor.click()
    second.keyboard.press("Control+End")
    second.keyboard.type(" Merged with Alice's list")
    second.locator(f"#row-{row.pk}").get_by_role("button", name="Save").click()
    second.locator(f"#row-{row.pk}:not(.editing)").wait_for()
    assert MatrixRow.objects.get(pk=row.pk).version == 3

    # The row's history shows both saves, each with its author.
    first.goto(f"/reports/rows/{row.pk}/history/")
    assert "Merged with Alice's list" in MatrixRow.objects.get(pk=row.pk).progress
    entries = first.get_by_test_id("history-entry").all_inner_texts()
    assert "Bob Unodc" in entries[0] and "version 3" in entries[0] and "Alice" in entries[0]
    assert "Alice Lao" in entries[1] and "version 2" in entries[1] and "Savannakhet" in entries[1]


def test_a_partner_reads_a_report_in_review_and_comments_on_a_row(new_page, user_with_role, row):
    report = row.section.report
    report.state = "review"
    report.save()
    partner = user_with_role(PARTNER, username="japan")
    page = new_page()
    log_in(page, partner.username)
    page.goto(report.get_absolute_url())
    assert page.locator(f"#row-{row.pk}").get_by_role("button", name="Edit").count() == 0
    page.locator(f"#comment-{row.pk}").fill("Please add the figures for Savannakhet.")
    page.locator(f"#row-{row.pk}").get_by_role("button", name="Comment").click()
    page.get_by_text("Comment added.").wait_for()
    assert "Please add the figures for Savannakhet." in page.locator(f"#row-{row.pk}").inner_text()


def test_the_secretariat_drags_a_row_above_another(new_page, user_with_role, row):
    second = RowFactory(section=row.section, outputs="<p>Container Control Unit</p>")
    page = new_page()
    log_in(page, user_with_role(SECRETARIAT).username)
    page.goto(row.section.report.get_absolute_url())
    target = page.locator(f"#row-{row.pk}").bounding_box()
    page.locator(f"#row-{second.pk} .drag-handle").hover()
    page.mouse.down()
    page.mouse.move(target["x"] + 50, target["y"] + 5, steps=10)
    page.mouse.move(target["x"] + 50, target["y"] + 3, steps=5)
    with page.expect_response(lambda response: "/reorder/" in response.url) as answer:
        page.mouse.up()
    assert answer.value.status == 200
    assert list(row.section.rows.order_by("position").values_list("pk", flat=True)) == [second.pk, row.pk]


def test_the_secretariat_moves_a_row_down_and_deletes_one_with_the_row_buttons(new_page, user_with_role, row):
    # The buttons are copied into each row from the page's template (matrix.js), with that row's id.
    second = RowFactory(section=row.section, outputs="<p>Container Control Unit</p>")
    page = new_page()
    log_in(page, user_with_role(SECRETARIAT).username)
    page.goto(row.section.report.get_absolute_url())
    expect(page.locator("#matrix button[data-row-post]")).to_have_count(6)  # move up, move down, delete; two rows
    with page.expect_response(lambda response: f"/rows/{row.pk}/move/" in response.url) as answer:
        page.locator(f"#row-{row.pk}").get_by_role("button", name="Move down").click()
    assert answer.value.status == 200
    page.locator(f"#row-{second.pk} + #row-{row.pk}").wait_for()
    assert list(row.section.rows.order_by("position").values_list("pk", flat=True)) == [second.pk, row.pk]

    page.once("dialog", lambda dialog: dialog.dismiss())  # "Delete this row?" answered No: nothing sent
    page.locator(f"#row-{second.pk}").get_by_role("button", name="Delete").click()
    assert MatrixRow.objects.filter(pk=second.pk).exists()
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_response(lambda response: f"/rows/{second.pk}/delete/" in response.url):
        page.locator(f"#row-{second.pk}").get_by_role("button", name="Delete").click()
    page.locator(f"#row-{second.pk}").wait_for(state="detached")
    assert not MatrixRow.objects.filter(pk=second.pk).exists()
    # The swapped matrix has its buttons again, for the row that is left.
    # (copied in as htmx settles the swap, a moment after the old row is gone)
    expect(page.locator(f"#edit-row-{row.pk}")).to_have_count(1)
    expect(page.locator(f'#row-{row.pk} a[href="/reports/rows/{row.pk}/history/"]')).to_have_count(1)
