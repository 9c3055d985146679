"""A report as a Word document: header, narratives and the matrix table, formatting kept.

Cells are sanitised HTML; ``idswg.docx_html.HtmlToDocx`` walks the few tags the sanitiser allows and
writes paragraphs, bold and italic runs, bulleted and numbered lists and real Word
hyperlinks, so an exported report imports back with its formatting.
"""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from idswg.docx_html import HtmlToDocx, add_hyperlink, write_html  # noqa: F401 (HtmlToDocx, add_hyperlink: old imports)

from .access import draft_notice
from .layouts import matrix_heading
from .services import report_for_display

#: Who a report is from, as its Word file's properties say (python-docx's template says "python-docx").
AUTHOR = gettext_lazy("IDSWG Secretariat (LCDC and UNODC)")


def report_to_docx(report):
    """The bytes of a ``.docx`` of ``report``."""
    display = report_for_display(report)
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.styles["Normal"].font.size = Pt(9)
    _properties(document, report)
    document.add_heading(report.title, level=1)
    notice = draft_notice(report)
    if notice:  # a report not final says so at the top of every page and under its title
        section.header.paragraphs[0].add_run(notice).bold = True
        document.add_paragraph().add_run(notice).bold = True
    for label, value in (
        (_("Name of Sector Working Groups"), report.swg_name),
        (_("SWG Chair and Co-Chairs"), report.chair_and_cochairs),
        (_("SWG Secretariat Focal Points: Government Officials"), report.focal_points_government),
        (_("SWG Secretariat Focal Points: Development Partners"), report.focal_points_partners),
        (_("Technical Supporting Staffs: Government Officials"), report.technical_staff_government),
        (_("Technical Supporting Staffs: Development Partners"), report.technical_staff_partners),
        (_("SWG key mandate"), report.key_mandate),
    ):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    for narrative in display.narratives:
        document.add_heading(narrative.title, level=2)
        write_html(document, narrative.body)
        if narrative.plan:
            for area in narrative.plan.priority_areas.all():
                document.add_paragraph(f"{area.number}. {area.title}")
                for bullet in area.bullet_list:
                    document.add_paragraph(bullet, style="List Bullet")
    if display.sections:
        _matrix(document, display)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _properties(document, report):
    """Title, author and dates of the file itself (the template's say "python-docx", 2013)."""
    now = timezone.now()
    properties = document.core_properties
    properties.title = report.title
    properties.subject = report.swg_name or ""
    properties.author = properties.last_modified_by = str(AUTHOR)
    properties.created = properties.modified = now
    properties.revision = 1
    properties.comments = ""
    properties.keywords = ""


def _repeat_as_header(row):
    """Mark ``row`` as a header row Word repeats at the top of each page (``w:tblHeader``)."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _matrix(document, display):
    cols = display.table_columns
    has_indicator = any(not c.rich for c in display.columns)
    report = display.report
    heading_text = matrix_heading(report.layout, report.year, bool(display.narratives))
    if heading_text:
        document.add_heading(heading_text, level=2)
    table = document.add_table(rows=1, cols=len(cols))
    table.style = "Table Grid"
    _repeat_as_header(table.rows[0])
    for cell, column in zip(table.rows[0].cells, cols, strict=True):
        cell.text = str(column.label)
        for run in cell.paragraphs[0].runs:
            run.bold = True

    def heading(text):
        cells = table.add_row().cells
        merged = cells[0].merge(cells[-1])
        merged.text = text
        for run in merged.paragraphs[0].runs:
            run.bold = True

    def rows(items):
        for row in items:
            cells = table.add_row().cells
            for cell, column in zip(cells, cols, strict=True):
                write_html(cell, getattr(row, column.name))
            if has_indicator:
                indicator = table.add_row().cells
                indicator[0].text = (_("Indicator: %(indicator)s") % {"indicator": row.indicator}).strip()

    for section in display.sections:
        heading(f"{section.label} {section.title}")
        rows(section.rows)
        for sub in section.subsections:
            heading(f"{sub.label} {sub.title}")
            rows(sub.rows)
