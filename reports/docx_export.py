"""A report as a Word document: header, narratives and the matrix table, formatting kept.

Cells are sanitised HTML; ``HtmlToDocx`` walks the few tags the sanitiser allows and
writes paragraphs, bold and italic runs, bulleted and numbered lists and real Word
hyperlinks, so an exported report imports back with its formatting.
"""

import io
from html.parser import HTMLParser

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from .access import draft_notice
from .services import report_for_display

BLOCK = {"p", "div", "li"}


class HtmlToDocx(HTMLParser):
    """Write one sanitised HTML fragment into a cell (or the document body) ``container``."""

    def __init__(self, container):
        super().__init__(convert_charrefs=True)
        self.container = container
        self.paragraph = None
        self.bold = self.italic = 0
        self.lists = []
        self.href = None
        self.used_first = False

    def _new_paragraph(self, style=None):
        paragraphs = getattr(self.container, "paragraphs", [])
        if not self.used_first and paragraphs and not paragraphs[0].text:
            self.paragraph = paragraphs[0]
            if style:
                self.paragraph.style = style
        else:
            self.paragraph = self.container.add_paragraph(style=style)
        self.used_first = True

    def handle_starttag(self, tag, attrs):
        if tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag in ("ul", "ol"):
            self.lists.append(tag)
        elif tag == "li":
            self._new_paragraph("List Number" if self.lists and self.lists[-1] == "ol" else "List Bullet")
        elif tag in ("p", "div"):
            self.paragraph = None
        elif tag == "br":
            if self.paragraph is not None:
                self.paragraph.add_run().add_break()
        elif tag == "a":
            self.href = dict(attrs).get("href")

    def handle_endtag(self, tag):
        if tag in ("strong", "b"):
            self.bold = max(0, self.bold - 1)
        elif tag in ("em", "i"):
            self.italic = max(0, self.italic - 1)
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self.paragraph = None
        elif tag in BLOCK:
            self.paragraph = None
        elif tag == "a":
            self.href = None

    def handle_data(self, data):
        if not data.strip() and self.paragraph is None:
            return
        self._write(data)

    def _write(self, text):
        if self.paragraph is None:
            self._new_paragraph()
        if self.href:
            add_hyperlink(self.paragraph, self.href, text, bold=bool(self.bold), italic=bool(self.italic))
            return
        run = self.paragraph.add_run(text)
        run.bold = bool(self.bold) or None
        run.italic = bool(self.italic) or None


def add_hyperlink(paragraph, url, text, bold=False, italic=False):
    """A real Word hyperlink (python-docx has no call for one): a ``w:hyperlink`` around a styled run."""
    relation = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    for name, value in (("w:color", "0563C1"), ("w:u", "single")):
        element = OxmlElement(name)
        element.set(qn("w:val"), value)
        properties.append(element)
    for flag, name in ((bold, "w:b"), (italic, "w:i")):
        if flag:
            properties.append(OxmlElement(name))
    run.append(properties)
    label = OxmlElement("w:t")
    label.text = text
    label.set(qn("xml:space"), "preserve")
    run.append(label)
    link.append(run)
    paragraph._p.append(link)


def write_html(container, html):
    parser = HtmlToDocx(container)
    parser.feed(html or "")
    parser.close()


def report_to_docx(report):
    """The bytes of a ``.docx`` of ``report``."""
    display = report_for_display(report)
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.styles["Normal"].font.size = Pt(9)
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


def _matrix(document, display):
    cols = display.table_columns
    has_indicator = any(not c.rich for c in display.columns)
    document.add_heading(_("Matrix"), level=2)
    table = document.add_table(rows=1, cols=len(cols))
    table.style = "Table Grid"
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
                indicator[0].text = f"{_('Indicator')}: {row.indicator}".strip()

    for section in display.sections:
        heading(f"{section.label} {section.title}")
        rows(section.rows)
        for sub in section.subsections:
            heading(f"{sub.label} {sub.title}")
            rows(sub.rows)
