"""A matrix row escapes every value it shows except its sanitised cells (``reports.matrix_html``)."""

from django.test import RequestFactory

from reports.layouts import table_columns
from reports.matrix_html import RowRenderer
from reports.services import report_for_display

from .factories import CommentFactory, PriorityAreaFactory, RowFactory

HOSTILE = '"><script>alert(1)</script>'


def _rendered(user, state="review"):
    row = RowFactory(section__report__state=state, section__report__layout="2015", indicator=HOSTILE)
    row.priority_areas.add(PriorityAreaFactory(title=HOSTILE, plan__name=HOSTILE))
    CommentFactory(row=row, author=user, body=f"first line\n{HOSTILE}")
    report = row.section.report
    request = RequestFactory().get("/")
    request.user = user
    renderer = RowRenderer(request, report, table_columns(report.layout), True, state == "review")
    [shown] = report_for_display(report, with_comments=True).all_rows()
    return row, str(renderer.render(shown))


def test_the_indicator_the_priority_badge_and_a_comment_are_escaped(partner):
    _row, html = _rendered(partner)
    assert "<script>" not in html
    assert (
        html.count("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;") >= 4
    )  # indicator, badge title and text, comment
    assert "first line<br>&quot;&gt;&lt;script&gt;" in html


def test_a_row_is_sent_without_controls_and_the_page_holds_them_once(secretariat):
    row = RowFactory(section__report__state="review")
    report = row.section.report
    request = RequestFactory().get("/")
    request.user = secretariat
    renderer = RowRenderer(request, report, table_columns(report.layout), True, True)
    [shown] = report_for_display(report, with_comments=True).all_rows()
    html = str(renderer.render(shown))
    assert html.startswith(f'<tr id="row-{row.pk}" class="matrix-row">')
    assert "<button" not in html and "<form" not in html and "987654321" not in html
    templates = str(renderer.templates())  # matrix.js copies them into each row, with its id for 987654321
    assert '<template id="matrix-row-tools" data-placeholder="987654321">' in templates
    assert 'id="edit-row-987654321" data-row-get="/reports/rows/987654321/edit/"' in templates
    assert 'href="/reports/rows/987654321/history/"' in templates
    assert '<template id="matrix-row-comment" data-placeholder="987654321">' in templates
    assert 'action="/reports/rows/987654321/comments/"' in templates and 'for="comment-987654321"' in templates


def test_a_reader_gets_no_templates(partner):
    row = RowFactory(section__report__state="draft")
    report = row.section.report
    request = RequestFactory().get("/")
    request.user = partner
    renderer = RowRenderer(request, report, table_columns(report.layout), True, False)
    assert str(renderer.templates()) == ""
