"""A matrix row weighs its text and a few hundred bytes: its controls are in the page once (issue 19)."""

import re

import pytest
from django.urls import reverse

from reports.models import MatrixRow

from .factories import report_with_rows

pytestmark = pytest.mark.django_db

#: The markup of a row besides its cells' text: the <tr>, each cell's tag with its column name
#: (the phone layout shows it), the actions cell with the row's comments. The buttons and the
#: comment box (about 2 kB a row) are not in it.
MARKUP_PER_ROW = 450
COMMENT = re.compile(r'<div class="comment[^"]*">.*?(?:</form></div>|</div></div>)', re.S)


def _rows_and_text(page, report):
    rows = re.findall(r'<tr id="row-\d+" class="matrix-row">.*?</tr>', page, re.S)
    text = sum(
        len(getattr(row, column))
        for row in MatrixRow.objects.filter(section__report=report)
        for column in ("outputs", "progress", "challenges")
    )
    return rows, text


@pytest.mark.parametrize(("who", "state"), [("secretariat", "draft"), ("secretariat", "review"), ("partner", "review")])
def test_a_rows_markup_stays_small_and_its_controls_come_once_a_page(who, state, request, client_for):
    report = report_with_rows(30, state=state)
    page = client_for(request.getfixturevalue(who)).get(reverse("reports:report_detail", args=[report.pk])).content
    page = page.decode()
    rows, text = _rows_and_text(page, report)
    assert len(rows) == 30
    # Each row has a comment: its line (with the secretariat's "resolved" button) is content, not controls.
    rows = [COMMENT.sub("", row) for row in rows]
    assert not any("<button" in row or "<form" in row or "<textarea" in row for row in rows)
    markup = sum(len(row) for row in rows) - text
    assert markup / len(rows) < MARKUP_PER_ROW, markup / len(rows)
    assert page.count('<template id="matrix-row-comment"') == (1 if state == "review" else 0)
    assert page.count('<template id="matrix-row-tools"') == (1 if who == "secretariat" else 0)
