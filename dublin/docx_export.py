"""A country report, and the regional report binding several, as Word files (python-docx).

The text is written by ``idswg.docx_html.write_html`` (as the SWG report's export), the
live tables as Word tables of today's figures, the updates under their headings.
"""

import io

from django.template.defaultfilters import slugify
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Pt

from idswg.docx_html import write_html

from .models import EmbeddedTable, Section
from .outline import recommendation_label, report_for_display
from .regional import chosen_reports


def _new_document():
    document = Document()
    document.styles["Normal"].font.size = Pt(10)
    return document


def _table(document, data):
    table = data["table"]
    if table is None:
        return
    if data["kind"] == EmbeddedTable.Kind.TRENDS:
        header = [_("Drug type"), *[str(y) for y in table["years"]]]
        body = [[row["label"], *[cell["symbol"] for cell in row["cells"]]] for row in table["rows"]]
        notes = [table.get("legend", ""), table.get("source", "")]
    else:
        header = [_("Year"), *[column["label"] for column in table["columns"]]]
        body = [
            [
                f"{row['year']}{row['mark']}",
                *[f"{cell['text']}{cell['mark']}" if cell["reported"] else "" for cell in row["cells"]],
            ]
            for row in table["rows"]
        ]
        notes = [f"{note['mark']} {note['text']}" for note in table["notes"]]
        if table.get("source"):
            notes.append(_("Source: %(source)s") % {"source": table["source"]})
    grid = document.add_table(rows=1, cols=len(header))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, header, strict=True):
        cell.text = str(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for values in body:
        for cell, text in zip(grid.add_row().cells, values, strict=True):
            cell.text = str(text)
    caption = document.add_paragraph()
    caption.add_run(table.get("title", "")).italic = True
    for note in notes:
        if note.strip():
            document.add_paragraph(note).runs[0].font.size = Pt(8)


def _footnotes(document, lines):
    for line in lines:
        document.add_paragraph(line).runs[0].font.size = Pt(8)


def _section(document, item, display):
    section = item.section
    document.add_heading(f"{section.number} {section.title}".strip(), level=min(2 + item.depth, 4))
    for kind, value in item.parts:
        if kind == "html":
            write_html(document, str(value))
        else:
            _table(document, value)
    for update in item.updates:
        document.add_heading(update.heading, level=min(3 + item.depth, 5))
        write_html(document, update.body)
        _footnotes(document, update.footnote_list())
    if section.kind == Section.Kind.FOLLOW_UP:
        for follow_up in display.follow_ups:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(f"{follow_up.recommendation.number}. ").bold = True
            paragraph.add_run(_plain(follow_up.recommendation.text))
            paragraph.add_run(f" — {follow_up.get_status_display()}").bold = True
            if follow_up.comment:
                paragraph.add_run(f": {follow_up.comment}")
    if section.kind == Section.Kind.RECOMMENDATIONS:
        for recommendation in display.recommendations:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{_plain(recommendation_label(display.report, recommendation))} ").bold = True
            paragraph.add_run(_plain(recommendation.text))
    _footnotes(document, section.footnote_list())
    for child in item.children:
        _section(document, child, display)


def _plain(html):
    from idswg.sanitise import plain_text

    return plain_text(str(html))


def _write_report(document, report):
    display = report_for_display(report)
    document.add_heading(report.heading, level=1)
    for item in display.sections:
        _section(document, item, display)


def country_report_docx(report):
    """``(bytes, file name)`` of a ``.docx`` of ``report`` as its readers see it."""
    document = _new_document()
    _write_report(document, report)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), f"mini-dublin-{slugify(report.country.name)}-{report.year}.docx"


def regional_report_docx(regional):
    """``(bytes, file name)`` of the regional report: cover, contents, then each country report on a new page."""
    document = _new_document()
    reports = chosen_reports(regional)
    for line in (regional.issuer, regional.place_and_date, regional.reference, regional.classification):
        if line:
            document.add_paragraph(line)
    for label, value in (
        (_("From"), regional.sender),
        (_("To"), regional.recipients),
        (_("No. prev. doc."), regional.previous_reference),
        (_("Subject"), regional.subject),
    ):
        if value:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(value)
    document.add_heading(_("Contents"), level=2)
    for report in reports:
        document.add_paragraph(report.heading, style="List Number")
    for report in reports:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _write_report(document, report)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), f"regional-report-{regional.year}.docx"
