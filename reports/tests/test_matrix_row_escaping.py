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


def test_each_rows_actions_carry_its_own_id(secretariat):
    row, html = _rendered(secretariat, state="draft")
    assert f'data-hx-get="/reports/rows/{row.pk}/edit/" data-hx-target="#row-{row.pk}"' in html
    assert f'href="/reports/rows/{row.pk}/history/"' in html
    assert "987654321" not in html
