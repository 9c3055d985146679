"""Script or markup injected anywhere comes back inert: the allow-list keeps formatting and drops the rest."""

import pytest

from reports import editing
from reports.forms import NarrativeForm
from reports.models import MatrixRow
from reports.sanitise import clean_html

from .factories import NarrativeFactory, ReportFactory, RowFactory

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    '<p onclick="alert(1)">click</p>',
    '<a href="javascript:alert(1)">link</a>',
    '<a href="JaVaScRiPt:alert(1)">link</a>',
    '<a href="  javascript:alert(1)">link</a>',
    '<a href="java&#115;cript:alert(1)">link</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<a href="vbscript:msgbox(1)">vb</a>',
    "<svg onload=alert(1)><circle r=1 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<style>body{display:none}</style>",
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<object data="x.swf"></object><embed src="x.swf">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<form action="https://evil.example"><input name=x><button>go</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    "<div><b>unclosed <i>tags <script>alert(1)",
    '"><script>alert(1)</script>',
    "<!--<script>alert(1)</script>-->",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<a href="https://ok.example" onmouseover="alert(1)" target="_blank">ok</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "<template><script>alert(1)</script></template>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
]

FORBIDDEN = (
    "<script",
    "onerror",
    "onload",
    "onclick",
    "onmouseover",
    "javascript:",
    "vbscript:",
    "data:",
    "<svg",
    "<iframe",
    "<style",
    "<img",
    "<object",
    "<embed",
    "<form",
    "<meta",
    "<base",
    "style=",
    "<math",
    "srcdoc",
    "target=",
)


def assert_inert(html):
    lowered = html.lower()
    for needle in FORBIDDEN:
        assert needle not in lowered, (needle, html)


@pytest.mark.parametrize("payload", HOSTILE)
def test_each_hostile_payload_comes_back_inert(payload):
    assert_inert(clean_html(payload))


@pytest.mark.parametrize("payload", HOSTILE)
def test_a_hostile_cell_saved_through_the_editor_is_stored_inert(payload, secretariat):
    row = RowFactory()
    editing.save_row(row.pk, row.version, {"progress": payload, "outputs": payload}, secretariat)
    row.refresh_from_db()
    assert_inert(row.progress)
    assert_inert(row.outputs)


@pytest.mark.parametrize("payload", HOSTILE[:8])
def test_a_hostile_cell_saved_on_the_model_is_stored_inert(payload, db):
    row = RowFactory(challenges=payload, key_messages=payload)
    stored = MatrixRow.objects.get(pk=row.pk)
    assert_inert(stored.challenges)
    assert_inert(stored.key_messages)


def test_a_hostile_narrative_from_the_form_is_stored_inert(db):
    narrative = NarrativeFactory()
    form = NarrativeForm(
        {"kind": "lessons", "title": "Lessons", "body": "".join(HOSTILE), "plan": ""}, instance=narrative
    )
    assert form.is_valid(), form.errors
    form.save()
    narrative.refresh_from_db()
    assert_inert(narrative.body)


def test_formatting_the_editor_makes_is_kept():
    html = (
        "<div><strong>Bold</strong> and <em>italic</em><br>next line</div>"
        "<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>"
        '<p><a href="https://www.vanmaicoffee.com">Vanmai</a> <a href="mailto:a@b.org">mail</a></p>'
    )
    cleaned = clean_html(html)
    for kept in (
        "<strong>Bold</strong>",
        "<em>italic</em>",
        "<br>",
        "<ul><li>one</li><li>two</li></ul>",
        "<ol><li>first</li></ol>",
        'href="https://www.vanmaicoffee.com"',
        'href="mailto:a@b.org"',
    ):
        assert kept in cleaned
    assert cleaned.count('rel="noopener noreferrer"') == 2


def test_a_link_to_a_forbidden_scheme_keeps_its_text_but_loses_its_address():
    assert clean_html('<a href="javascript:alert(1)">Vanmai</a>') == '<a rel="noopener noreferrer">Vanmai</a>'


def test_text_that_looks_like_markup_stays_text():
    assert clean_html("&lt;script&gt;alert(1)&lt;/script&gt;") == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_an_editor_left_empty_stores_nothing():
    assert clean_html("<div><br></div>") == ""


def test_the_report_page_shows_a_hostile_cell_inert(client_for, secretariat):
    report = ReportFactory()
    row = RowFactory(section__report=report)
    editing.save_row(row.pk, 1, {"progress": "<p>fine</p>" + "".join(HOSTILE)}, secretariat)
    page = client_for(secretariat).get(report.get_absolute_url()).content.decode()
    matrix = page[page.index('data-testid="matrix"') :]
    assert "fine" in matrix
    assert "alert(1)</script>" not in matrix
    assert "onerror=" not in matrix
