"""Reading the cells of a Word table as a person sees them: text, bold, italics, links, lists, line breaks.

python-docx reads a paragraph's own runs only; a real document also keeps text inside
tracked insertions, smart tags, content controls (around paragraphs, cells and whole rows)
and fields, and a cell's line breaks (Shift+Enter). Everything here reads through those, with
tracked changes accepted (deleted text is not read), so no word of a cell is lost without a
notice. ``reports.docx_import`` uses it to read the matrix of an earlier report.
"""

import re
from html import escape

from django.utils.translation import gettext as _

from .sanitise import clean_html

# What Word writes around the text of a paragraph without changing it: tracked insertions and
# moves, smart tags, content controls, custom XML, simple fields (a HYPERLINK field among them).
# Text under w:del or w:moveFrom was deleted by a tracked change and is not read.
_READ_THROUGH = {"ins", "moveTo", "smartTag", "sdt", "sdtContent", "customXml", "fldSimple", "hyperlink"}
FIELD_LINK = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"', re.I)


def _local(element):
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _runs(paragraph):
    """``(run element, link or "")`` of a paragraph in reading order, as Word shows it with changes accepted.

    python-docx reads only the paragraph's own runs and hyperlinks; a real document also
    holds text inside tracked insertions, smart tags, content controls and fields, which
    would be lost without a word. A field's code (``w:instrText``) is not text; a
    HYPERLINK field, simple or complex, gives its displayed text a link.
    """
    from docx.oxml.ns import qn

    found = []
    field = {"code": "", "link": "", "in_code": False}

    def walk(element, link):
        for child in element:
            name = _local(child)
            if name == "r":
                for mark in child.iter(qn("w:fldChar")):
                    kind = mark.get(qn("w:fldCharType"))
                    if kind == "begin":
                        field.update(code="", in_code=True)
                    elif kind == "separate":
                        match = FIELD_LINK.match(field["code"])
                        field.update(link=match.group(1) if match else "", in_code=False)
                    elif kind == "end":
                        field.update(link="", in_code=False)
                if field["in_code"]:
                    field["code"] += "".join(t.text or "" for t in child.iter(qn("w:instrText")))
                    continue
                found.append((child, link or field["link"]))
            elif name == "hyperlink":
                walk(child, _hyperlink_address(paragraph, child) or link)
            elif name == "fldSimple":
                match = FIELD_LINK.match(child.get(qn("w:instr")) or "")
                walk(child, match.group(1) if match else link)
            elif name in _READ_THROUGH:
                walk(child, link)

    walk(paragraph._p, "")
    return found


def _hyperlink_address(paragraph, element):
    from docx.oxml.ns import qn

    rid = element.get(qn("r:id"))
    if not rid:
        return ""
    try:
        return paragraph.part.rels[rid].target_ref
    except KeyError:
        return ""


def _run_text(run):
    """A run's text: tabs as spaces, a line break (Shift+Enter) as ``<br>``, escaped."""
    parts = []
    for child in run:
        name = _local(child)
        if name == "t":
            parts.append(escape(child.text or ""))
        elif name == "tab":
            parts.append(" ")
        elif name in ("br", "cr"):
            parts.append("<br>")
        elif name == "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def paragraph_text(paragraph):
    """The plain text of a paragraph as ``_runs`` reads it (tracked insertions in, deletions out)."""
    return "".join(child.text or "" for run, _link in _runs(paragraph) for child in run if _local(child) == "t")


def _paragraph_html(paragraph):
    from docx.text.run import Run

    parts = []
    for element, link in _runs(paragraph):
        text = _run_text(element)
        if not text.replace("<br>", "").strip() and "<br>" not in text:
            if text:
                parts.append(text)
            continue
        run = Run(element, paragraph)
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.italic:
            text = f"<em>{text}</em>"
        parts.append(f'<a href="{escape(link)}">{text}</a>' if link else text)
    return "".join(parts)


def numbering_formats(document):
    """``{(numId, level): numFmt}`` of the document's numbered and bulleted lists (“decimal”, “bullet” …)."""
    from docx.oxml.ns import qn  # python-docx only where a Word file is read (not in every web process)

    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract = {}
    for item in root.findall(qn("w:abstractNum")):
        for level in item.findall(qn("w:lvl")):
            fmt = level.find(qn("w:numFmt"))
            abstract[(item.get(qn("w:abstractNumId")), level.get(qn("w:ilvl")))] = (
                fmt.get(qn("w:val")) if fmt is not None else "bullet"
            )
    formats = {}
    for num in root.findall(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        if ref is None:
            continue
        for (abstract_id, level), fmt in abstract.items():
            if abstract_id == ref.get(qn("w:val")):
                formats[(num.get(qn("w:numId")), level)] = fmt
    return formats


def _list_kind(paragraph, numbering):
    """``"ol"``, ``"ul"`` or None: a numbered list stays numbered, a bullet list bulleted."""
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    if "list number" in style:
        return "ol"
    properties = paragraph._p.pPr
    numbers = properties.numPr if properties is not None else None
    if numbers is not None and numbers.numId is not None:
        level = numbers.ilvl.val if numbers.ilvl is not None else 0
        fmt = numbering.get((str(numbers.numId.val), str(level)), "bullet")
        return "ul" if fmt in ("bullet", "none") else "ol"
    return "ul" if "list" in style else None


def cell_html(cell, numbering=None, notices=None, where=""):
    """A table cell as sanitised HTML: paragraphs, bold and italic runs, bullet and numbered lists, links.

    A table inside the cell is kept as lines (“a · b · c” per row) and an image is not
    kept; both are said in ``notices`` (with ``where``), so the preview lists them.
    """
    numbering = numbering or {}
    out, items, kind = [], [], None

    def close():
        if items:
            out.append(f"<{kind}>" + "".join(items) + f"</{kind}>")
            items.clear()

    for paragraph in _paragraphs(cell):
        html = _paragraph_html(paragraph)
        this = _list_kind(paragraph, numbering)
        if this:
            if this != kind:
                close()
                kind = this
            if html:
                items.append(f"<li>{html}</li>")
            continue
        close()
        if html.strip():
            out.append(f"<p>{html}</p>")
    close()
    for table in tables_in(cell._tc, cell):
        for row in table_rows(table):
            texts = [cell_text(c) for _col, _span, c in grid_cells(row, table)]
            line = " · ".join(escape(text) for text in texts if text)
            if line:
                out.append(f"<p>{line}</p>")
        if notices is not None:
            notices.append(_("%(where)s: a table inside the cell is kept as lines, one per row.") % {"where": where})
    if notices is not None and cell._tc.xpath(".//w:drawing | .//w:pict"):
        notices.append(_("%(where)s: an image in the cell is not kept.") % {"where": where})
    return clean_html("".join(out))


def _paragraphs(cell):
    """A cell's paragraphs, those inside a content control (``w:sdt``) too."""
    from docx.text.paragraph import Paragraph

    return [Paragraph(p, cell) for p in cell._tc.xpath("./w:p | ./w:sdt/w:sdtContent/w:p")]


def tables_in(element, parent):
    """The tables directly in ``element`` (the body or a cell), those inside a content control too."""
    from docx.table import Table

    return [Table(tbl, parent) for tbl in element.xpath("./w:tbl | ./w:sdt/w:sdtContent/w:tbl")]


def table_rows(table):
    """A table's rows, those Word wraps in a content control (a repeating section) too."""
    from docx.table import _Row

    return [_Row(tr, table) for tr in table._tbl.xpath("./w:tr | ./w:sdt/w:sdtContent/w:tr")]


def cell_text(cell):
    """A cell's plain text, one line per paragraph, stripped (tracked insertions in, deletions out)."""
    return "\n".join(paragraph_text(p) for p in _paragraphs(cell)).strip()


def grid_cells(row, table):
    """``(grid column, span, cell)`` of each cell as the row writes it.

    A cell merged across columns comes once with its span; the lower parts of a cell
    merged down (``vMerge`` continue) are left out, so its text is kept once, in its first row.
    """
    from docx.table import _Cell

    col = row._tr.grid_before
    out = []
    for tc in row._tr.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc"):
        span = tc.grid_span
        if tc.vMerge != "continue":
            out.append((col, span, _Cell(tc, table)))
        col += span
    return out
