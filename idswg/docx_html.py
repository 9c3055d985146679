"""Sanitised HTML (``idswg.sanitise``) written into a Word document: paragraphs, runs, lists and real links.

``write_html(container, html)`` is what every ``.docx`` export of the portal uses (the SWG
report, the country and regional reports), so formatting survives an export and re-import.
"""

from html.parser import HTMLParser

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

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
